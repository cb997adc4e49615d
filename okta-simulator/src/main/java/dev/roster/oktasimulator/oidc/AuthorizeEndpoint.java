package dev.roster.oktasimulator.oidc;

import static dev.roster.oktasimulator.oidc.OidcPages.errorPage;
import static dev.roster.oktasimulator.oidc.OidcPages.signInPage;

import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.internal.ChangeContext;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Ids;
import dev.roster.oktasimulator.oidc.OidcPages.Redirect;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * /v1/authorize and the sign-in form behind it: validates the request, signs the user in (session, form or
 * --auto-login with login_hint) and redirects back with a single-use, short-lived code or Okta's error.
 */
final class AuthorizeEndpoint {
    static final Set<String> SUPPORTED_SCOPES = Set.of("openid", "profile", "email", "address", "phone",
            "offline_access", "groups");
    /** Okta's default password policy locks a user out after 10 failed sign-ins in a row. */
    static final int LOCKOUT_ATTEMPTS = 10;

    private final Org org;
    private final Sessions sessions;
    private final Clock clock;
    private final String password;
    private final boolean autoLogin;
    private final boolean requirePkce;
    private final long codeLifetimeMillis;
    private final Map<String, OidcRequest> pending = new ConcurrentHashMap<>();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    AuthorizeEndpoint(Org org, Sessions sessions, Clock clock, String password, boolean autoLogin,
            boolean requirePkce, long codeLifetimeMillis) {
        this.org = org;
        this.sessions = sessions;
        this.clock = clock;
        this.password = password;
        this.autoLogin = autoLogin;
        this.requirePkce = requirePkce;
        this.codeLifetimeMillis = codeLifetimeMillis;
    }

    void authorize(Exchange ex, AuthorizationServer server) throws IOException {
        String clientId = ex.query("client_id");
        String redirectUri = ex.query("redirect_uri");
        if (clientId == null || !clientId.equals(org.app().id)) {
            ex.html(400, errorPage("invalid_client", "Invalid value for 'client_id' parameter."));
            return;
        }
        if (!OidcPages.redirectAllowed(redirectUri, org.app().redirectUris)) {
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
            ex.redirect(back.error("invalid_request", "The 'code_challenge_method' parameter must be 'S256'."));
            return;
        }
        if (challenge == null && (method != null || requirePkce)) {
            ex.redirect(back.error("invalid_request", "The 'code_challenge' parameter is required."));
            return;
        }
        OidcRequest request = new OidcRequest(server, clientId, redirectUri, scopes, state, ex.query("nonce"),
                challenge, ex.query("login_hint"), clock.millis());
        String prompt = ex.query("prompt");
        Sessions.Session session = "login".equals(prompt) ? null : sessions.find(ex);
        if (session != null && (request.loginHint() == null || matches(session.userId(), request.loginHint()))) {
            complete(ex, request, session.userId(), session.authTime());
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

    /** POST /login/signin: the form's username and the org password. */
    void signIn(Exchange ex) throws IOException {
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

    private void countFailure(OktaUser user) {
        int count = failures.merge(user.id(), 1, Integer::sum);
        if (count >= LOCKOUT_ATTEMPTS && "ACTIVE".equals(user.status())) {
            failures.remove(user.id());
            org.lifecycle(user.id(), "lock", ChangeContext.JAVA_API);
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
        sessions.start(ex, user.id(), authTime);
        org.recordLogin(user.id());
        String code = Ids.secret(43);
        prune();
        codes.put(code, new CodeGrant(request, user.id(), authTime, clock.millis() + codeLifetimeMillis));
        ex.redirect(back.with("code", code));
    }

    /** Takes a code (once); null when unknown, used or expired. */
    CodeGrant redeem(String code) {
        CodeGrant grant = code == null ? null : codes.remove(code);
        return grant == null || grant.expiresAt() < clock.millis() ? null : grant;
    }

    /** Keeps long runs (benchmarks, demos left open) from piling up abandoned sign-ins and codes. */
    private void prune() {
        if (pending.size() + codes.size() < 10_000) {
            return;
        }
        long now = clock.millis();
        pending.values().removeIf(r -> now - r.created() > 600_000);
        codes.values().removeIf(c -> c.expiresAt() < now);
    }

    private boolean matches(String userId, String loginHint) {
        OktaUser hinted = org.user(loginHint);
        return hinted != null && hinted.id().equals(userId);
    }
}
