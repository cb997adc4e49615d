package dev.roster.access;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

import dev.roster.accounts.Role;

/**
 * A person signed in to the pages of their account with a password. Kept in the session, which lives
 * in the database, so it is serializable; its name (the session's indexed principal name) is the
 * person's id.
 */
public record RosterUser(UUID personId, UUID accountId, String accountKey, String email, String displayName, Role role)
        implements SignedInPerson, AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return personId.toString();
    }
}
