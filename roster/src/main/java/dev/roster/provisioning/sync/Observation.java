package dev.roster.provisioning.sync;

import dev.roster.okta.OktaUser;

/**
 * What Okta says about one user right now.
 *
 * @param user     null when Okta answers 404 (deleted)
 * @param assigned whether the user is assigned to the account's app
 */
public record Observation(String oktaId, OktaUser user, boolean assigned) {

    /** Why the user no longer counts as present in Okta, or null while they do. */
    public String absentReason() {
        if (user == null) {
            return "deleted in Okta";
        }
        if (!assigned) {
            return "removed from the app in Okta";
        }
        if ("SUSPENDED".equals(user.status())) {
            return "suspended in Okta";
        }
        if ("DEPROVISIONED".equals(user.status())) {
            return "deactivated in Okta";
        }
        return null;
    }
}
