package dev.roster.directory;

import java.util.UUID;

/**
 * Filters on the people list; null means "any".
 *
 * @param text   part of a name or email, case-insensitive
 * @param email  an exact email, case-insensitive
 */
public record PeopleQuery(String text, String email, PersonStatus status, UUID teamId, String oktaId) {

    public static PeopleQuery all() {
        return new PeopleQuery(null, null, null, null, null);
    }
}
