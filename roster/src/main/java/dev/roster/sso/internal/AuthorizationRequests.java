package dev.roster.sso.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Spring's authorization request ({@code state}, {@code nonce}, PKCE S256 from the registration's
 * settings), plus the {@code login_hint} the initiate-login URI was given, passed on to Okta.
 */
class AuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    static final String LOGIN_HINT = "login_hint";
    /** Spring's default path for starting an authorization request: {@code /oauth2/authorization/{key}}. */
    static final String BASE = "/oauth2/authorization";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;
    private final ThreadLocal<String> hint = new ThreadLocal<>();

    AuthorizationRequests(AccountRegistrations registrations) {
        delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                BASE);
        delegate.setAuthorizationRequestCustomizer(builder -> {
            String loginHint = hint.get();
            if (loginHint != null) {
                builder.additionalParameters(p -> p.put(LOGIN_HINT, loginHint));
            }
        });
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        hint.set(loginHint(request));
        try {
            return delegate.resolve(request);
        } finally {
            hint.remove();
        }
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        hint.set(loginHint(request));
        try {
            return delegate.resolve(request, registrationId);
        } finally {
            hint.remove();
        }
    }

    /** An Okta login or email; anything longer or with control characters is dropped, not forwarded. */
    static String loginHint(HttpServletRequest request) {
        String value = request.getParameter(LOGIN_HINT);
        return value != null && !value.isBlank() && value.length() <= 320 && value.chars().noneMatch(c -> c < 0x20)
                ? value.strip() : null;
    }
}
