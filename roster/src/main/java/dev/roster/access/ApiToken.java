package dev.roster.access;

import java.time.Instant;
import java.util.UUID;

import dev.roster.accounts.Role;

/** An API token as listed: never the secret itself, which is shown once and stored hashed. */
public record ApiToken(UUID id, UUID accountId, String name, Role role, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
