package dev.roster.scim.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * SCIM clients are IdPs, not signed-in people: no session, no CSRF token, no cookie. Every request
 * is authenticated by the account's SCIM bearer token in {@link ScimAuthenticator}, so Spring
 * Security's chain (built for pages and API tokens) is skipped here, as it is for Okta's hooks.
 */
@Configuration(proxyBeanMethods = false)
class ScimSecurityConfiguration {

    @Bean
    WebSecurityCustomizer scimSkipsSecurityFilters() {
        return web -> web.ignoring().requestMatchers("/scim/**");
    }
}
