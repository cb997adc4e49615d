package dev.roster.access.internal;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The sign-in form's details: which account the person signs in to. */
class SignInDetails extends WebAuthenticationDetails implements Serializable {

    private final String accountKey;

    SignInDetails(HttpServletRequest request) {
        super(request);
        this.accountKey = request.getParameter("account");
    }

    String accountKey() {
        return accountKey;
    }
}
