package dev.roster.directory;

import java.time.Instant;
import java.util.UUID;

import dev.roster.accounts.Role;

/** What local sign-in needs to know about a person; the password hash never leaves the access module. */
public record SignInRecord(UUID personId, UUID accountId, String email, String displayName, Role role,
        PersonStatus status, String passwordHash, int failedSignIns, Instant lockedUntil) {
}
