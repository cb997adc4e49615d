package dev.roster.access;

import java.util.UUID;

import dev.roster.accounts.Role;

/** Anyone authenticated in Roster acts inside exactly one account with one role. */
public interface AccountPrincipal {

    UUID accountId();

    Role role();

    /** The signed-in person, or null for an API token. */
    UUID personId();
}
