package dev.roster.access;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import dev.roster.accounts.Account;
import dev.roster.accounts.Role;

/**
 * The single sign-on door of the pages, implemented outside this module (module {@code sso}) so
 * that access does not depend on how SSO is done. Without an implementation only local sign-in exists.
 */
public interface SingleSignOn {

    /**
     * Adds SSO sign-in to the pages' filter chain, after access has set its own rules.
     *
     * @param signedIn  where access sends a person after sign-in (saved request, else the people list)
     * @param signedOut where access sends a person after sign-out (their account's sign-in page)
     */
    void configure(HttpSecurity http, AuthenticationSuccessHandler signedIn, LogoutSuccessHandler signedOut)
            throws Exception;

    /** Where "Sign in with Okta" starts for this account, when SSO is configured and enabled. */
    Optional<String> startPath(Account account);

    /** Why this role may not use a local password in this account (members must use SSO), if so. */
    Optional<String> localSignInRefusal(UUID accountId, Role role);
}
