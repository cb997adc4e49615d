package dev.roster.oktasimulator.oidc;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens this org issued, so the Management API and userinfo can tell valid ones and their scopes. */
public final class TokenStore {
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenStore(Clock clock) {
        this.clock = clock;
    }

    public void put(String token, Grant grant) {
        if (grants.size() > 100_000) {
            long now = clock.millis();
            grants.values().removeIf(g -> g.expiresAt() < now);
        }
        grants.put(token, grant);
    }

    /** The grant of a live token, or null. */
    public Grant get(String token) {
        Grant grant = token == null ? null : grants.get(token);
        return grant == null || grant.expiresAt() < clock.millis() ? null : grant;
    }

    /**
     * What an access token allows. userId is null for client-credentials tokens; issuer tells which
     * authorization server made it (okta.* scopes only come from the org server).
     */
    public record Grant(String clientId, String userId, Set<String> scopes, long expiresAt, String issuer,
            long authTime) {
    }
}
