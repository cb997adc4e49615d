package dev.roster.provisioning.hooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The hook URL is called by Okta, not by a signed-in person: no session, no CSRF token, no cookie.
 * Each delivery is authenticated by the account's hook secret inside the controller, so Spring
 * Security's filter chain has nothing to do here, yet its dozen filters (each observed by
 * Micrometer) run on every delivery: a large share of the edge's CPU in profiles under load. The
 * hook path skips the chain.
 */
@Configuration(proxyBeanMethods = false)
class HookSecurityConfiguration {

    @Bean
    WebSecurityCustomizer oktaHooksSkipSecurityFilters() {
        return web -> web.ignoring().requestMatchers("/hooks/**");
    }
}
