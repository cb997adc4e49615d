package dev.roster.sso.internal;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import dev.roster.access.SignedInPerson;
import dev.roster.accounts.Role;

/**
 * A person signed in through their account's Okta. Both an {@link OidcUser} (Spring's OIDC login
 * and logout need it) and a {@link SignedInPerson}, so every page works as for a password sign-in.
 * The ID token is kept for the {@code id_token_hint} of the sign-out.
 */
public record SsoUser(UUID personId, UUID accountId, String accountKey, String email, String displayName, Role role,
        OidcIdToken idToken) implements OidcUser, SignedInPerson, Serializable {

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getName() {
        return personId.toString();
    }
}
