package dev.roster.access.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import dev.roster.access.SignedInPerson;

/**
 * After sign-in: back to the page that asked for it when it belongs to the same account, else to
 * the account's people list.
 */
class SignedIn implements AuthenticationSuccessHandler {

    private final HttpSessionRequestCache cache = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        SignedInPerson user = (SignedInPerson) authentication.getPrincipal();
        SavedRequest saved = cache.getRequest(request, response);
        if (saved != null && !saved.getRedirectUrl().contains("/a/" + user.accountKey() + "/")) {
            cache.removeRequest(request, response);
        }
        SavedRequestAwareAuthenticationSuccessHandler delegate = new SavedRequestAwareAuthenticationSuccessHandler();
        delegate.setDefaultTargetUrl("/a/" + user.accountKey() + "/people");
        delegate.onAuthenticationSuccess(request, response, authentication);
    }
}
