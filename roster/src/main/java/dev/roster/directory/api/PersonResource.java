package dev.roster.directory.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.roster.directory.Person;
import dev.roster.directory.PersonView;

/** A person on the wire, with the field names fixed by the contracts page. */
record PersonResource(UUID id, String email, String firstName, String lastName, String title, String avatarUrl,
        String jobTitle, String primaryLanguage, String primaryLocation, String primaryTeam, UUID managerId,
        UUID effectiveManagerId, String status, String role, String oktaId, Map<String, Object> customFields,
        String source, Instant lastSyncedAt, Instant createdAt, Instant updatedAt) {

    static PersonResource of(PersonView view, Map<String, Object> customFields) {
        Person p = view.person();
        return new PersonResource(p.id(), p.email(), p.firstName(), p.lastName(), p.title(), p.avatarUrl(),
                p.jobTitle(), p.primaryLanguage(), p.primaryLocation(), view.primaryTeam(), p.managerId(),
                view.effectiveManagerId(), p.status().wireName(), p.role().wireName(), p.oktaId(), customFields,
                p.source().wireName(), p.lastSyncedAt(), p.createdAt(), p.updatedAt());
    }
}
