package dev.roster.sso.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * The sign-in under way, kept in the session (one at a time, used once), and only ever completed at
 * the callback of the account it was started for. Each account has its own redirect URI so that an
 * answer can be told apart by where it arrives (the mix-up defence); Spring alone would complete it
 * at any account's callback.
 */
class PerAccountAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    private static final Pattern CALLBACK = Pattern.compile(".*/login/oauth2/code/([^/]+)$");

    private final HttpSessionOAuth2AuthorizationRequestRepository session =
            new HttpSessionOAuth2AuthorizationRequestRepository();

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        return session.loadAuthorizationRequest(request);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        session.saveAuthorizationRequest(authorizationRequest, request, response);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        OAuth2AuthorizationRequest removed = session.removeAuthorizationRequest(request, response);
        if (removed == null) {
            return null;
        }
        Matcher m = CALLBACK.matcher(request.getRequestURI());
        String startedFor = removed.getAttribute(OAuth2ParameterNames.REGISTRATION_ID);
        if (!m.matches() || !m.group(1).equals(startedFor)) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_redirect_uri_parameter",
                    "the answer to a sign-in started for account " + startedFor + " arrived at another account's"
                            + " callback", null));
        }
        return removed;
    }
}
