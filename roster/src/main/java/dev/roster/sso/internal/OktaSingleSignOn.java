package dev.roster.sso.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import dev.roster.access.SignInAttempted;
import dev.roster.access.SingleSignOn;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.accounts.Role;
import dev.roster.common.PublicUrl;
import dev.roster.okta.OktaConnections;

/**
 * Okta single sign-on on Spring Security's {@code oauth2Login}: one client registration per account
 * ({@link AccountRegistrations}), the person matched by {@link SsoUserService}, failures turned into
 * a clear page and an audit row, and sign-out ending the Okta session too.
 */
@Component
public class OktaSingleSignOn implements SingleSignOn {

    /** The session attribute holding the {@code target_link_uri} of the sign-in under way. */
    public static final String TARGET = OktaSingleSignOn.class.getName() + ".TARGET";

    private static final Pattern CALLBACK = Pattern.compile("/login/oauth2/code/([a-z0-9-]{1,63})");

    private final AccountRegistrations registrations;
    private final SsoUserService users;
    private final Accounts accounts;
    private final OktaConnections connections;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OktaSingleSignOn(AccountRegistrations registrations, SsoUserService users, Accounts accounts,
            OktaConnections connections, PublicUrl publicUrl, ApplicationEventPublisher events, Clock clock) {
        this.registrations = registrations;
        this.users = users;
        this.accounts = accounts;
        this.connections = connections;
        this.publicUrl = publicUrl;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void configure(HttpSecurity http, AuthenticationSuccessHandler signedIn, LogoutSuccessHandler signedOut)
            throws Exception {
        http.oauth2Login(o -> o.loginPage("/sign-in")
                        .clientRegistrationRepository(registrations)
                        // tokens live in the session they belong to, never in a shared in-memory map
                        .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                        .authorizationEndpoint(a -> a
                                .authorizationRequestResolver(new AuthorizationRequests(registrations))
                                .authorizationRequestRepository(new PerAccountAuthorizationRequests()))
                        .userInfoEndpoint(u -> u.oidcUserService(users))
                        .successHandler(signedIn(signedIn))
                        .failureHandler(failed()))
                .logout(l -> l.logoutSuccessHandler(signedOut(signedOut)));
    }

    @Override
    public Optional<String> startPath(Account account) {
        return connections.find(account.id()).filter(c -> c.ssoEnabled() && c.clientSecret() != null)
                .map(c -> "/sso/okta/" + account.key() + "/start");
    }

    /** Owners keep a local password as break-glass when Okta is down or misconfigured; admins and members do not. */
    @Override
    public Optional<String> localSignInRefusal(UUID accountId, Role role) {
        if (role == Role.OWNER) {
            return Optional.empty();
        }
        return connections.find(accountId).filter(c -> c.ssoEnabled() && c.membersMustUseSso())
                .map(c -> "This account signs in with Okta. Use \u201cSign in with Okta\u201d.");
    }

    /** Back to the deep link the sign-in was started for, else where a password sign-in goes. */
    private AuthenticationSuccessHandler signedIn(AuthenticationSuccessHandler signedIn) {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            Object target = session == null ? null : session.getAttribute(TARGET);
            if (session != null) {
                session.removeAttribute(TARGET);
            }
            if (target instanceof String path && TargetLinks.safe(path)) {
                new HttpSessionRequestCache().removeRequest(request, response);
                response.sendRedirect(request.getContextPath() + path);
                return;
            }
            signedIn.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private AuthenticationFailureHandler failed() {
        return (request, response, e) -> {
            Matcher m = CALLBACK.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            String key = m.matches() ? m.group(1) : null;
            audit(request, key, e);
            SsoProblem problem = e instanceof SsoRefusedException refused ? refused.problem()
                    : e instanceof OAuth2AuthenticationException oauth
                            ? SsoProblem.fromOAuth2Error(oauth.getError().getErrorCode()) : SsoProblem.FAILED;
            response.sendRedirect(request.getContextPath() + (key == null ? "/sso/problem" : "/sso/okta/" + key
                    + "/problem") + "?reason=" + problem.code());
        };
    }

    private void audit(HttpServletRequest request, String key, AuthenticationException e) {
        if (e instanceof SsoRefusedException r) {
            events.publishEvent(new SignInAttempted(r.accountId(), Instant.now(clock), r.personId(),
                    SignInAttempted.Method.SSO, false, r.problem().code() + ": " + r.getError().getDescription(),
                    r.subject(), r.email(), request.getRemoteAddr()));
            return;
        }
        UUID accountId = accounts.byKey(key).map(Account::id).orElse(null);
        String reason = e instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() + ": " + oauth.getError().getDescription()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        events.publishEvent(new SignInAttempted(accountId, Instant.now(clock), null, SignInAttempted.Method.SSO,
                false, reason, null, null, request.getRemoteAddr()));
    }

    /**
     * SSO sessions also end at Okta (RP-initiated logout with {@code id_token_hint}), coming back to
     * the account's sign-in page. A page with a refresh, not a redirect: the sign-out is a form, and
     * the CSP's {@code form-action 'self'} would stop a form's redirect to Okta.
     */
    private LogoutSuccessHandler signedOut(LogoutSuccessHandler signedOut) {
        return (request, response, authentication) -> {
            String logout = authentication != null && authentication.getPrincipal() instanceof SsoUser user
                    ? oktaLogout(user) : null;
            if (logout == null) {
                signedOut.onLogoutSuccess(request, response, authentication);
                return;
            }
            writeContinuePage(response, logout);
        };
    }

    private String oktaLogout(SsoUser user) {
        ClientRegistration registration = registrations.findByRegistrationId(user.accountKey());
        Object endpoint = registration == null ? null
                : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (!(endpoint instanceof String endSession) || !registration.getProviderDetails().getIssuerUri()
                .equals(user.idToken().getIssuer().toString())) {
            return null;
        }
        return UriComponentsBuilder.fromUriString(endSession)
                .queryParam("id_token_hint", user.idToken().getTokenValue())
                .queryParam("post_logout_redirect_uri", publicUrl.base() + "/sso/okta/" + user.accountKey() + "/signed-out")
                .encode().build().toUriString();
    }

    private static void writeContinuePage(HttpServletResponse response, String logout) throws IOException {
        String url = HtmlUtils.htmlEscape(logout);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\"><title>Signing out \u00b7 Roster</title>"
                + "<link rel=\"stylesheet\" href=\"/css/roster.css\"></head><body><main class=\"narrow\">"
                + "<h1>Signing you out of Okta\u2026</h1><p><a id=\"continue\" href=\"" + url
                + "\">Continue</a></p></main></body></html>");
    }
}
