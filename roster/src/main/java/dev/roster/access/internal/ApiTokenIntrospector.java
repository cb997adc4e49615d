package dev.roster.access.internal;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

import dev.roster.access.ApiTokens;

/** Lets Spring Security's bearer-token support check Roster's own API tokens. */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

    private final ApiTokens tokens;

    ApiTokenIntrospector(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        return tokens.authenticate(token).map(ApiTokenPrincipal::new)
                .orElseThrow(() -> new BadOpaqueTokenException("Unknown or revoked API token"));
    }
}
