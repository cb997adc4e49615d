package dev.roster.okta;

import java.util.Optional;

/**
 * The few Management API calls Roster makes, for one account's org. Calls stay within the
 * account's share of Okta's rate limits, wait for the reset on 429, retry 5xx and time-outs.
 */
public interface OktaApi {

    /** {@code GET /api/v1/users/{id}}; empty when Okta answers 404 (deleted). */
    Optional<OktaUser> user(String userId);

    /** {@code GET /api/v1/users?search=profile.email eq "…"}: the first match, if any. */
    Optional<OktaUser> userByEmail(String email);

    /** {@code GET /api/v1/apps/{appId}/users/{userId}}: false on 404 (not assigned). */
    boolean isAssigned(String appId, String userId);

    /** The first page of the app's users (with {@code expand=user}), or the page at {@code next}. */
    AppUserPage appUsers(String appId, String next, int limit);

    /** How many times calls have waited for a rate-limit window so far. */
    long rateLimitWaits();
}
