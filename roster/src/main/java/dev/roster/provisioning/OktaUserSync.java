package dev.roster.provisioning;

import java.util.UUID;

/**
 * Syncs one Okta user into an account's directory right now: reads the user and their app
 * assignment from Okta and applies provisioning's rules. Sign-in uses it to create or link a
 * person at their first SSO sign-in; the hook jobs and "Sync this person now" use it too.
 */
public interface OktaUserSync {

    /**
     * @throws OktaUnavailableException when Okta cannot be reached or refuses Roster's credentials
     */
    SyncOutcome syncUser(UUID accountId, String oktaUserId);
}
