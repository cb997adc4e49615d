package dev.roster.oktasimulator.oidc;

import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.api.RateLimiter;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Html;
import dev.roster.oktasimulator.internal.Json;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenID Connect provider for both authorization servers: routing, discovery, keys, userinfo and logout
 * here; authorize in {@link AuthorizeEndpoint}, token in {@link TokenEndpoint}.
 */
public final class OidcProvider {
    private final Org org;
    private final AuthorizationServer orgServer;
    private final AuthorizationServer defaultServer;
    private final TokenEndpoint tokenEndpoint;
    private final AuthorizeEndpoint authorizeEndpoint;
    private final Sessions sessions;
    private final TokenStore tokens;
    private final RateLimiter limiter;

    public OidcProvider(Org org, AuthorizationServer orgServer, AuthorizationServer defaultServer,
            TokenEndpoint tokenEndpoint, TokenStore tokens, RateLimiter limiter, Clock clock, String password,
            boolean autoLogin, boolean requirePkce, long codeLifetimeMillis) {
        this.org = org;
        this.orgServer = orgServer;
        this.defaultServer = defaultServer;
        this.tokenEndpoint = tokenEndpoint;
        this.tokens = tokens;
        this.limiter = limiter;
        this.sessions = new Sessions(org, clock);
        this.authorizeEndpoint = new AuthorizeEndpoint(org, sessions, clock, password, autoLogin, requirePkce,
                codeLifetimeMillis);
    }

    /** Returns false when the path is not an OIDC path. */
    public boolean handle(Exchange ex) throws IOException {
        String path = ex.path();
        if ("/login/signin".equals(path) && "POST".equals(ex.method())) {
            authorizeEndpoint.signIn(ex);
            return true;
        }
        AuthorizationServer server;
        String rest;
        if (path.startsWith("/oauth2/default/")) {
            server = defaultServer;
            rest = path.substring("/oauth2/default".length());
        } else if (path.startsWith("/oauth2/v1/") || path.startsWith("/.well-known/")) {
            server = orgServer;
            rest = path.startsWith("/oauth2") ? path.substring("/oauth2".length()) : path;
        } else {
            return false;
        }
        switch (rest) {
            case "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" ->
                    ex.json(200, Json.write(discovery(server)));
            case "/v1/keys" -> {
                ex.setHeader("Cache-Control", "max-age=3600, must-revalidate");
                ex.json(200, server.keys().jwksJson());
            }
            case "/v1/authorize" -> limited(ex, "oauth2.authorize", () -> authorizeEndpoint.authorize(ex, server));
            case "/v1/token" -> limited(ex, "oauth2.token", () -> tokenEndpoint.handle(ex, server, authorizeEndpoint));
            case "/v1/userinfo" -> limited(ex, "oauth2.userinfo", () -> userinfo(ex, server));
            case "/v1/logout" -> logout(ex, server);
            default -> ex.error(new OktaApiException(404, "E0000022",
                    "The endpoint does not support the provided HTTP method"));
        }
        return true;
    }

    private interface Action {
        void run() throws IOException;
    }

    /** /keys and discovery are not rate limited; authorize, token and userinfo are. */
    private void limited(Exchange ex, String bucket, Action action) throws IOException {
        RateLimiter.Decision d = limiter.take(bucket);
        ex.setHeader("X-Rate-Limit-Limit", String.valueOf(d.limit()));
        ex.setHeader("X-Rate-Limit-Remaining", String.valueOf(d.remaining()));
        ex.setHeader("X-Rate-Limit-Reset", String.valueOf(d.reset()));
        if (!d.allowed()) {
            ex.error(new OktaApiException(429, "E0000047", "API call exceeded rate limit due to too many requests."));
            return;
        }
        action.run();
    }

    Map<String, Object> discovery(AuthorizationServer s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", s.issuer());
        d.put("authorization_endpoint", s.endpoint("authorize"));
        d.put("token_endpoint", s.endpoint("token"));
        d.put("userinfo_endpoint", s.endpoint("userinfo"));
        d.put("registration_endpoint", s.endpoint("clients"));
        d.put("jwks_uri", s.endpoint("keys"));
        d.put("response_types_supported", List.of("code"));
        d.put("response_modes_supported", List.of("query"));
        d.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("scopes_supported", List.copyOf(new java.util.TreeSet<>(AuthorizeEndpoint.SUPPORTED_SCOPES)));
        d.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
        d.put("claims_supported", List.of("iss", "ver", "sub", "aud", "iat", "exp", "jti", "auth_time", "amr",
                "idp", "nonce", "name", "nickname", "preferred_username", "given_name", "middle_name",
                "family_name", "email", "email_verified", "profile", "zoneinfo", "locale", "updated_at", "at_hash"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("introspection_endpoint", s.endpoint("introspect"));
        d.put("revocation_endpoint", s.endpoint("revoke"));
        d.put("end_session_endpoint", s.endpoint("logout"));
        d.put("request_parameter_supported", false);
        return d;
    }

    private void userinfo(Exchange ex, AuthorizationServer server) throws IOException {
        String header = ex.header("Authorization");
        TokenStore.Grant grant = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.get(header.substring(7).trim()) : null;
        if (grant == null || grant.userId() == null || !grant.issuer().equals(server.issuer())) {
            ex.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"The access token is"
                    + " invalid.\"");
            ex.send(401, "application/json", new byte[0]);
            return;
        }
        if (!grant.scopes().contains("openid")) {
            ex.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", error_description=\"The access"
                    + " token must provide access to at least one of these scopes - profile, email, address or phone\"");
            ex.send(403, "application/json", new byte[0]);
            return;
        }
        OktaUser user = org.user(grant.userId());
        if (user == null) {
            ex.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ex.send(401, "application/json", new byte[0]);
            return;
        }
        ex.json(200, Json.write(Claims.user(user, grant.scopes())));
    }

    private void logout(Exchange ex, AuthorizationServer server) throws IOException {
        String hint = ex.query("id_token_hint");
        var claims = hint == null ? null : server.keys().verify(hint);
        if (claims == null || !server.issuer().equals(claims.getIssuer())) {
            ex.html(400, OidcPages.errorPage("invalid_request",
                    "The 'id_token_hint' parameter is missing or invalid."));
            return;
        }
        String postLogout = ex.query("post_logout_redirect_uri");
        if (postLogout != null && !OidcPages.redirectAllowed(postLogout, org.app().postLogoutRedirectUris)) {
            ex.html(400, OidcPages.errorPage("invalid_request",
                    "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings."));
            return;
        }
        sessions.end(ex, claims.getSubject());
        if (postLogout == null) {
            ex.html(200, Html.page("Signed out", "<h1>Signed out</h1>"));
        } else {
            String state = ex.query("state");
            ex.redirect(state == null ? postLogout : new OidcPages.Redirect(postLogout, null).with("state", state));
        }
    }
}
