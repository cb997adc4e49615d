package dev.roster.oktasimulator.oidc;

/** An issued authorization code: single use, short-lived. */
record CodeGrant(OidcRequest request, String userId, long authTime, long expiresAt) {
}
