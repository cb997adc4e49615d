package dev.roster.access.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.roster.access.SignedInPerson;
import dev.roster.access.SingleSignOn;

/**
 * Two doors. The JSON API ({@code /api/**}) is stateless and takes API tokens as bearer tokens;
 * errors are problem details. Pages use a session from the account's sign-in form, with CSRF, or
 * from single sign-on when a {@link SingleSignOn} is present.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/a/([a-z0-9-]{1,63})(/.*)?$");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, OpaqueTokenIntrospector introspector) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                "Unauthorized", "Send a valid API token as 'Authorization: Bearer <token>'.");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .oauth2ResourceServer(rs -> rs.opaqueToken(o -> o.introspector(introspector))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, denied) -> problem(response, HttpStatus.FORBIDDEN,
                                "Forbidden", "This token may not do that.")));
        return http.build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain pages(HttpSecurity http, SignInProvider signIn, ObjectProvider<SingleSignOn> singleSignOn,
            @Value("${roster.demo.enabled:false}") boolean demo) throws Exception {
        // avatars come over https; the demo's simulated org serves its own over http on the loopback
        String images = "img-src 'self' https: data:" + (demo ? " http://127.0.0.1:* http://localhost:*" : "");
        SignedIn signedIn = new SignedIn();
        LogoutSuccessHandler signedOut = (request, response, authentication) ->
                response.sendRedirect(request.getContextPath() + signOutTarget(authentication));
        http.authorizeHttpRequests(a -> a
                        // the SSO start, Spring's authorization redirect and the OIDC callback must be reachable signed out
                        .requestMatchers("/sso/**", "/oauth2/authorization/*", "/login/oauth2/code/*").permitAll()
                        .requestMatchers("/", "/error", "/sign-in", "/a/*/sign-in", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().authenticated())
                // a provider, not a fixed manager, so that SSO's providers join it
                .authenticationProvider(signIn)
                .formLogin(f -> f.loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("email")
                        .authenticationDetailsSource(SignInDetails::new)
                        .successHandler(signedIn)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                signInPage(request.getParameter("account")) + "?error="
                                        + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8))))
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessHandler(signedOut))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::toSignInPage))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; " + images + "; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // No fallback to the global manager: it holds SignInProvider too, and a failed password would
        // be checked (and counted towards lock-out, and audited) twice.
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        SingleSignOn sso = singleSignOn.getIfAvailable();
        if (sso != null) {
            sso.configure(http, signedIn, signedOut);
        }
        return http.build();
    }

    /** Unauthenticated page requests go to their account's sign-in page; the request is saved for after. */
    private static void toSignInPage(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException {
        Matcher m = ACCOUNT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        response.sendRedirect(request.getContextPath() + (m.matches() ? signInPage(m.group(1)) : "/"));
    }

    private static String signInPage(String accountKey) {
        return accountKey != null && accountKey.matches("[a-z0-9-]{1,63}") ? "/a/" + accountKey + "/sign-in" : "/";
    }

    private static String signOutTarget(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof SignedInPerson user
                ? signInPage(user.accountKey()) + "?signedOut" : "/";
    }

    static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }
}
