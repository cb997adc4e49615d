package dev.roster.accounts;

import java.util.UUID;

import dev.roster.common.ForbiddenException;

/**
 * The account a request acts in, already checked against the caller's credentials, and who the
 * caller is. Controllers take it as a parameter; they never look an account up themselves.
 *
 * @param personId the signed-in person, or null for an API token
 */
public record AccountContext(Account account, Role role, UUID personId) {

    public UUID accountId() {
        return account.id();
    }

    public void requireAdmin() {
        if (!role.canAdminister()) {
            throw new ForbiddenException("Only the account's admins can do this.");
        }
    }

    public void requireOwner() {
        if (role != Role.OWNER) {
            throw new ForbiddenException("Only the account's owners can do this.");
        }
    }
}
