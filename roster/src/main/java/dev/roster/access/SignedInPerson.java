package dev.roster.access;

/**
 * A person signed in to the pages of their account, however they proved it (password or single
 * sign-on). Sign-in and sign-out redirects need the account's key, which API tokens do not have.
 */
public interface SignedInPerson extends AccountPrincipal {

    String accountKey();

    String email();

    String displayName();
}
