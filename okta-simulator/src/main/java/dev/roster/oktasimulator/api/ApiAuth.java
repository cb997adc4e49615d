package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.oidc.TokenStore;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Management API authentication: SSWS API tokens, or Bearer tokens from the client-credentials grant. */
public final class ApiAuth {
    private final String apiToken;
    private final TokenStore tokens;
    private final String orgUrl;

    public ApiAuth(String apiToken, TokenStore tokens, String orgUrl) {
        this.apiToken = apiToken;
        this.tokens = tokens;
        this.orgUrl = orgUrl;
    }

    /** Returns the caller's scopes (null = an API token, which acts as the admin and may do anything). */
    public Set<String> authenticate(Exchange ex) {
        String header = ex.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "SSWS ", 0, 5)) {
            String token = header.substring(5).trim();
            if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    apiToken.getBytes(StandardCharsets.UTF_8))) {
                return null;
            }
        } else if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            TokenStore.Grant grant = tokens.get(header.substring(7).trim());
            if (grant != null && grant.issuer().equals(orgUrl)) {
                return grant.scopes();
            }
        }
        throw new OktaApiException(401, "E0000011", "Invalid token provided");
    }

    /** Who is calling, for per-credential rate limits: "token" or the service app's client id; null if unknown. */
    public String credential(Exchange ex) {
        String header = ex.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "SSWS ", 0, 5)) {
            return header.substring(5).trim().equals(apiToken) ? "token" : null;
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            TokenStore.Grant grant = tokens.get(header.substring(7).trim());
            return grant == null ? null : grant.clientId();
        }
        return null;
    }

    /** A read scope is also satisfied by the matching manage scope, as in Okta. */
    public void requireScope(Exchange ex, Set<String> granted, String scope) {
        if (granted == null || granted.contains(scope)
                || (scope.endsWith(".read") && granted.contains(scope.replace(".read", ".manage")))) {
            return;
        }
        ex.setHeader("WWW-Authenticate", "Bearer authorization_uri=\"" + orgUrl + "/oauth2/v1/authorize\", realm=\""
                + orgUrl + "\", scope=\"" + scope + "\", error=\"insufficient_scope\", error_description=\"The access"
                + " token provided does not contain the required scopes.\", resource=\"" + ex.path() + "\"");
        throw new OktaApiException(403, "E0000006", "You do not have permission to perform the requested action");
    }
}
