package dev.roster.access;

import java.io.Serializable;
import java.util.UUID;

import dev.roster.accounts.Role;

/** A person signed in to the pages of their account with a password. Kept in the session, so it is serializable. */
public record RosterUser(UUID personId, UUID accountId, String accountKey, String email, String displayName, Role role)
        implements SignedInPerson, Serializable {
}
