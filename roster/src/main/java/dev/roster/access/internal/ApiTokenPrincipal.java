package dev.roster.access.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

import dev.roster.accounts.Role;
import dev.roster.access.AccountPrincipal;
import dev.roster.access.ApiToken;

/** The caller of a JSON API request authenticated by an API token. */
record ApiTokenPrincipal(ApiToken token) implements OAuth2AuthenticatedPrincipal, AccountPrincipal {

    @Override
    public UUID accountId() {
        return token.accountId();
    }

    @Override
    public Role role() {
        return token.role();
    }

    @Override
    public UUID personId() {
        return null;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("account_id", token.accountId().toString(), "token_id", token.id().toString());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + token.role().name()));
    }

    @Override
    public String getName() {
        return "api-token:" + token.id();
    }
}
