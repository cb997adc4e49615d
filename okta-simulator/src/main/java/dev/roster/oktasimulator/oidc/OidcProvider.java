package dev.roster.oktasimulator.oidc;

import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.api.RateLimiter;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Html;
import dev.roster.oktasimulator.internal.Ids;
import dev.roster.oktasimulator.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenID Connect provider: discovery, authorize (with a plain sign-in form or --auto-login), keys,
 * userinfo, logout; the token endpoint is in {@link TokenEndpoint}.
 */
public final class OidcProvider {
    static final Set<String> SUPPORTED_SCOPES = Set.of("openid", "profile", "email", "address", "phone",
            "offline_access", "groups");
    private static final String SESSION_COOKIE = "sid";
    static final int LOCKOUT_ATTEMPTS = 10;

    private final Org org;
    private final AuthorizationServer orgServer;
    private final AuthorizationServer defaultServer;
    private final TokenEndpoint tokenEndpoint;
    private final TokenStore tokens;
    private final RateLimiter limiter;
    private final Clock clock;
    private final String password;
    private final boolean autoLogin;
    private final boolean requirePkce;
    private final long codeLifetimeMillis;
    private final Map<String, OidcRequest> pending = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public OidcProvider(Org org, AuthorizationServer orgServer, AuthorizationServer defaultServer,
            TokenEndpoint tokenEndpoint, TokenStore tokens, RateLimiter limiter, Clock clock, String password,
            boolean autoLogin, boolean requirePkce, long codeLifetimeMillis) {
        this.org = org;
        this.orgServer = orgServer;
        this.defaultServer = defaultServer;
        this.tokenEndpoint = tokenEndpoint;
        this.tokens = tokens;
        this.limiter = limiter;
        this.clock = clock;
        this.password = password;
        this.autoLogin = autoLogin;
        this.requirePkce = requirePkce;
        this.codeLifetimeMillis = codeLifetimeMillis;
    }

    /** Returns false when the path is not an OIDC path. */
    public boolean handle(Exchange ex) throws IOException {
        String path = ex.path();
        if ("/login/signin".equals(path) && "POST".equals(ex.method())) {
            signIn(ex);
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
            case "/v1/authorize" -> limited(ex, "oauth2.authorize", () -> authorize(ex, server));
            case "/v1/token" -> limited(ex, "oauth2.token", () -> tokenEndpoint.handle(ex, server, this));
            case "/v1/userinfo" -> limited(ex, "oauth2.userinfo", () -> userinfo(ex, server));
            case "/v1/logout" -> logout(ex, server);
            default -> ex.json(404, "{\"errorCode\":\"E0000022\",\"errorSummary\":\"The endpoint does not support"
                    + " the provided HTTP method\",\"errorLink\":\"E0000022\",\"errorId\":\"oae" + Ids.secret(22)
                    + "\",\"errorCauses\":[]}");
        }
        return true;
    }

    private interface Action {
        void run() throws IOException;
    }

    private void limited(Exchange ex, String bucket, Action action) throws IOException {
        RateLimiter.Decision d = limiter.take(bucket);
        ex.setHeader("X-Rate-Limit-Limit", String.valueOf(d.limit()));
        ex.setHeader("X-Rate-Limit-Remaining", String.valueOf(d.remaining()));
        ex.setHeader("X-Rate-Limit-Reset", String.valueOf(d.reset()));
        if (!d.allowed()) {
            ex.json(429, new dev.roster.oktasimulator.OktaApiException(429, "E0000047",
                    "API call exceeded rate limit due to too many requests.").toJson());
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
        d.put("scopes_supported", List.copyOf(new java.util.TreeSet<>(SUPPORTED_SCOPES)));
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

    // ---- authorize ----

    private void authorize(Exchange ex, AuthorizationServer server) throws IOException {
        String clientId = ex.query("client_id");
        String redirectUri = ex.query("redirect_uri");
        if (clientId == null || !clientId.equals(org.app().id)) {
            ex.html(400, errorPage("invalid_client", "Invalid value for 'client_id' parameter."));
            return;
        }
        if (!redirectAllowed(redirectUri, org.app().redirectUris)) {
            ex.html(400, errorPage("invalid_request",
                    "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings."));
            return;
        }
        String state = ex.query("state");
        Redirect back = new Redirect(redirectUri, state);
        if (!"code".equals(ex.query("response_type"))) {
            ex.redirect(back.error("unsupported_response_type",
                    "The response type is not supported by the authorization server. Configured response types:"
                            + " [code]."));
            return;
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(
                (ex.query("scope") == null ? "" : ex.query("scope")).trim().split("\\s+")));
        scopes.remove("");
        if (!scopes.contains("openid")) {
            ex.redirect(back.error("invalid_scope", "The authentication request has an invalid 'scope' parameter."));
            return;
        }
        if (!SUPPORTED_SCOPES.containsAll(scopes)) {
            ex.redirect(back.error("invalid_scope",
                    "One or more scopes are not configured for the authorization server resource."));
            return;
        }
        String challenge = ex.query("code_challenge");
        String method = ex.query("code_challenge_method");
        if (challenge != null && !"S256".equals(method)) {
            ex.redirect(back.error("invalid_request",
                    "The 'code_challenge_method' parameter must be 'S256'."));
            return;
        }
        if (challenge == null && (method != null || requirePkce)) {
            ex.redirect(back.error("invalid_request", "The 'code_challenge' parameter is required."));
            return;
        }
        OidcRequest request = new OidcRequest(server, clientId, redirectUri, scopes, state, ex.query("nonce"),
                challenge, ex.query("login_hint"), clock.millis());
        String prompt = ex.query("prompt");
        Session session = "login".equals(prompt) ? null : session(ex);
        if (session != null && (request.loginHint() == null || matches(session.userId, request.loginHint()))) {
            complete(ex, request, session.userId, session.authTime);
            return;
        }
        if ("none".equals(prompt)) {
            ex.redirect(back.error("login_required",
                    "The client specified not to prompt, but the user is not logged in."));
            return;
        }
        if (autoLogin && request.loginHint() != null) {
            OktaUser user = org.user(request.loginHint());
            if (user != null) {
                complete(ex, request, user.id(), clock.millis());
                return;
            }
        }
        String tx = Ids.secret(32);
        prune();
        pending.put(tx, request);
        ex.html(200, signInPage(tx, request.loginHint(), null));
    }

    private void signIn(Exchange ex) throws IOException {
        String tx = ex.formValue("tx");
        OidcRequest request = tx == null ? null : pending.get(tx);
        if (request == null || clock.millis() - request.created() > 600_000) {
            ex.html(400, errorPage("invalid_request", "The sign-in request has expired. Start again."));
            return;
        }
        String username = ex.formValue("username");
        OktaUser user = username == null ? null : org.user(username.trim());
        if (user == null || !password.equals(ex.formValue("password"))) {
            if (user != null) {
                countFailure(user);
            }
            ex.html(401, signInPage(tx, username, "Unable to sign in"));
            return;
        }
        failures.remove(user.id());
        pending.remove(tx);
        complete(ex, request, user.id(), clock.millis());
    }

    /** Okta's default password policy locks a user out after 10 failed sign-ins in a row. */
    private void countFailure(OktaUser user) {
        int count = failures.merge(user.id(), 1, Integer::sum);
        if (count >= LOCKOUT_ATTEMPTS && "ACTIVE".equals(user.status())) {
            failures.remove(user.id());
            org.lifecycle(user.id(), "lock", dev.roster.oktasimulator.internal.ChangeContext.JAVA_API);
        }
    }

    /** Okta refuses users who are not ACTIVE or not assigned to the app, by redirecting with access_denied. */
    private void complete(Exchange ex, OidcRequest request, String userId, long authTime) throws IOException {
        Redirect back = new Redirect(request.redirectUri(), request.state());
        OktaUser user = org.user(userId);
        if (user == null || !"ACTIVE".equals(user.status())) {
            ex.redirect(back.error("access_denied", "The user is not active."));
            return;
        }
        if (!org.isAssigned(user.id())) {
            ex.redirect(back.error("access_denied", "User is not assigned to the client application."));
            return;
        }
        String sid = Ids.secret(32);
        prune();
        sessions.put(sid, new Session(user.id(), authTime));
        ex.addHeader("Set-Cookie", SESSION_COOKIE + "=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
        org.recordLogin(user.id());
        String code = Ids.secret(43);
        codes.put(code, new CodeGrant(request, user.id(), authTime, clock.millis() + codeLifetimeMillis));
        ex.redirect(back.with("code", code));
    }

    /** Keeps long runs (benchmarks, demos left open) from piling up abandoned sign-ins, codes and sessions. */
    private void prune() {
        if (pending.size() + codes.size() + sessions.size() < 10_000) {
            return;
        }
        long now = clock.millis();
        pending.values().removeIf(r -> now - r.created() > 600_000);
        codes.values().removeIf(c -> c.expiresAt() < now);
        sessions.values().removeIf(s -> now - s.authTime() > 12 * 3_600_000L);
    }

    /** Takes a code (once); null when unknown, used or expired. */
    CodeGrant redeem(String code) {
        CodeGrant grant = code == null ? null : codes.remove(code);
        return grant == null || grant.expiresAt() < clock.millis() ? null : grant;
    }

    private boolean matches(String userId, String loginHint) {
        OktaUser hinted = org.user(loginHint);
        return hinted != null && hinted.id().equals(userId);
    }

    private Session session(Exchange ex) {
        String cookies = ex.header("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String cookie : cookies.split(";")) {
            String c = cookie.trim();
            if (c.startsWith(SESSION_COOKIE + "=")) {
                Session s = sessions.get(c.substring(SESSION_COOKIE.length() + 1));
                if (s != null) {
                    OktaUser user = org.user(s.userId);
                    if (user != null && "ACTIVE".equals(user.status())) {
                        return s;
                    }
                }
            }
        }
        return null;
    }

    // ---- userinfo, logout ----

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
            ex.html(400, errorPage("invalid_request", "The 'id_token_hint' parameter is missing or invalid."));
            return;
        }
        String postLogout = ex.query("post_logout_redirect_uri");
        if (postLogout != null && !redirectAllowed(postLogout, org.app().postLogoutRedirectUris)) {
            ex.html(400, errorPage("invalid_request",
                    "The 'post_logout_redirect_uri' parameter must be a Logout redirect URI in the client app settings."));
            return;
        }
        String cookies = ex.header("Cookie");
        if (cookies != null) {
            for (String cookie : cookies.split(";")) {
                String c = cookie.trim();
                if (c.startsWith(SESSION_COOKIE + "=")) {
                    sessions.remove(c.substring(SESSION_COOKIE.length() + 1));
                }
            }
        }
        String sub = claims.getSubject();
        sessions.values().removeIf(s -> s.userId.equals(sub));
        ex.addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        if (postLogout == null) {
            ex.html(200, Html.page("Signed out", "<h1>Signed out</h1>"));
        } else {
            String state = ex.query("state");
            ex.redirect(state == null ? postLogout : new Redirect(postLogout, null).with("state", state));
        }
    }

    /** Exact match against registered URIs; when none are registered, any http(s) URI (documented leniency). */
    static boolean redirectAllowed(String uri, List<String> registered) {
        if (uri == null) {
            return false;
        }
        if (!registered.isEmpty()) {
            return registered.contains(uri);
        }
        try {
            URI parsed = URI.create(uri);
            return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                    && parsed.getHost() != null && parsed.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String signInPage(String tx, String username, String error) {
        return Html.page("Sign In", "<h1>Sign In</h1>"
                + (error == null ? "" : "<p class=\"error\">" + Html.esc(error) + "</p>")
                + "<form method=\"post\" action=\"/login/signin\"><input type=\"hidden\" name=\"tx\" value=\""
                + Html.esc(tx) + "\"><p><label>Username <input type=\"text\" name=\"username\" value=\""
                + Html.esc(username) + "\" autofocus></label></p><p><label>Password <input type=\"password\""
                + " name=\"password\"></label></p><p><button type=\"submit\">Sign In</button></p></form>");
    }

    private static String errorPage(String code, String description) {
        return Html.page("Error", "<h1>" + Html.esc(code) + "</h1><p id=\"error-description\">"
                + Html.esc(description) + "</p>");
    }

    private record Session(String userId, long authTime) {
    }

    /** Builds the redirect back to the client, with state on every answer. */
    private record Redirect(String uri, String state) {
        String error(String error, String description) {
            return with("error", error, "error_description", description);
        }

        String with(String... pairs) {
            StringBuilder out = new StringBuilder(uri).append(uri.contains("?") ? '&' : '?');
            for (int i = 0; i < pairs.length; i += 2) {
                if (i > 0) {
                    out.append('&');
                }
                out.append(pairs[i]).append('=').append(encode(pairs[i + 1]));
            }
            if (state != null) {
                out.append("&state=").append(encode(state));
            }
            return out.toString();
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
