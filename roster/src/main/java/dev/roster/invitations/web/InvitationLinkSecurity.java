package dev.roster.invitations.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Accept links are opened signed out, so {@code /invitations/**} has a chain of its own, ahead of
 * the pages' chain: open to all, CSRF on its forms, the pages' Content-Security-Policy, and no
 * Referer at all, so the token in the URL never reaches Okta or anyone else.
 */
@Configuration(proxyBeanMethods = false)
class InvitationLinkSecurity {

    @Bean
    @Order(5)
    SecurityFilterChain invitationLinks(HttpSecurity http) throws Exception {
        http.securityMatcher("/invitations/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' https: data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
