package dev.roster.okta;

import java.util.UUID;

/** Published after an account's Okta connection is saved, so caches built from it can drop it. */
public record OktaConnectionChanged(UUID accountId) {
}
