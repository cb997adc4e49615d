package dev.roster.directory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.roster.accounts.Role;

/**
 * A person of one account. Profile fields are the ones Okta's mapping writes; custom values are
 * stored canonically (see {@link CustomFieldType}).
 *
 * @param managerId      the manager override (a person id), or null
 * @param deactivatedBy  who deactivated them: "okta" or "admin"; Okta only reactivates its own
 */
public record Person(
        UUID id,
        UUID accountId,
        String email,
        String title,
        String firstName,
        String lastName,
        String avatarUrl,
        String jobTitle,
        String primaryLanguage,
        String primaryLocation,
        UUID primaryTeamId,
        UUID managerId,
        Map<String, String> customValues,
        PersonStatus status,
        Role role,
        Source source,
        String oktaId,
        Invitation invitation,
        Instant lastSyncedAt,
        Instant invitedAt,
        Instant activatedAt,
        Instant deactivatedAt,
        String deactivatedBy,
        Instant createdAt,
        Instant updatedAt) {

    public Person {
        customValues = Map.copyOf(customValues);
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? email : name;
    }

    /** The same person with another manager override (null for none). */
    public Person withManager(UUID newManagerId) {
        return new Person(id, accountId, email, title, firstName, lastName, avatarUrl, jobTitle, primaryLanguage,
                primaryLocation, primaryTeamId, newManagerId, customValues, status, role, source, oktaId, invitation,
                lastSyncedAt, invitedAt, activatedAt, deactivatedAt, deactivatedBy, createdAt, updatedAt);
    }
}
