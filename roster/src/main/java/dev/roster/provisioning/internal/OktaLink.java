package dev.roster.provisioning.internal;

import java.time.Instant;
import java.util.UUID;

/** Provisioning's bookkeeping for a person linked to an Okta user. */
record OktaLink(UUID personId, UUID accountId, String oktaId, String loginLower, String employeeNumber,
        String managerRef, String managerName, String mappedHash, Instant syncedAt) {
}
