package dev.roster.okta;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The few Management API calls Roster makes, for one account's org. Calls stay within the
 * account's share of Okta's rate limits, wait for the reset on 429, retry 5xx and time-outs.
 */
public interface OktaApi {

    /** {@code GET /api/v1/users/{id}}; empty when Okta answers 404 (deleted). */
    Optional<OktaUser> user(String userId);

    /**
     * Ids per {@link #usersById} search. Okta documents no cap on a search's {@code or} clauses; 100
     * keeps the request line near 5 KB (under the 8 KB many proxies allow) and within the 200 users
     * a search page returns.
     */
    int MAX_IDS_PER_SEARCH = 100;

    /**
     * {@code GET /api/v1/users?search=id eq "…" or id eq "…"}: up to {@link #MAX_IDS_PER_SEARCH}
     * users in one call of the list/search bucket, by id. Search includes deactivated users, so an id
     * missing from the answer is a deleted user (what {@link #user} reports as empty).
     */
    Map<String, OktaUser> usersById(Collection<String> userIds);

    /** {@code GET /api/v1/users?search=profile.email eq "…"}: the first match, if any. */
    Optional<OktaUser> userByEmail(String email);

    /** {@code GET /api/v1/apps/{appId}/users/{userId}}: false on 404 (not assigned). */
    boolean isAssigned(String appId, String userId);

    /** The first page of the app's users (with {@code expand=user}), or the page at {@code next}. */
    AppUserPage appUsers(String appId, String next, int limit);

    /** How many times calls have waited for a rate-limit window so far. */
    long rateLimitWaits();
}
