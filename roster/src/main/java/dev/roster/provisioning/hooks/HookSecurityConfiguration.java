package dev.roster.provisioning.hooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The hook URL is called by Okta, not by a signed-in person: no session, no CSRF token. Each
 * delivery is authenticated by the account's hook secret inside the controller.
 */
@Configuration(proxyBeanMethods = false)
class HookSecurityConfiguration {

    @Bean
    @Order(5)
    SecurityFilterChain oktaHooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/hooks/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable());
        return http.build();
    }
}
