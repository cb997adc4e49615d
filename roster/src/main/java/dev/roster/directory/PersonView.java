package dev.roster.directory;

import java.util.UUID;

/** A person as shown or returned: with the primary team's name and the effective manager resolved. */
public record PersonView(Person person, String primaryTeam, UUID effectiveManagerId) {

    public UUID id() {
        return person.id();
    }
}
