package dev.roster.provisioning;

import java.util.List;
import java.util.UUID;

/**
 * What a reconciliation would change now, decided by the reconciliation's own code, with nothing
 * written. Each page is decided against the directory as it is, so a change one page would make
 * is not seen by the next (two Okta users with one email on different pages both show as created).
 *
 * @param counts       as a run would count them; {@code deactivated} includes the unlisted people
 *                     only when the run would not be held
 * @param unlisted     linked, active people the listing did not name
 * @param threshold    the most of them a run deactivates without an admin's approval
 */
public record DryRun(int pages, int listed, long rateLimitWaits, SyncRun.Counts counts, List<Change> changes,
        int unlisted, int threshold) {

    /**
     * One person's change, as a run records it.
     *
     * @param kind     created, updated, reactivated, deactivated, failed, unchanged (with mapping
     *                 problems only), or held (would be deactivated once an admin approves)
     * @param personId the person concerned; null for people it would create
     * @param who      Okta's email for listed users; the person's email for unlisted ones
     * @param changes  field changes or the reason, as a run's details show them
     */
    public record Change(String kind, String oktaUserId, UUID personId, String who, String changes, String error) {
    }

    /** More unlisted people than the threshold: the run would be held and deactivate none of them. */
    public boolean wouldHold() {
        return unlisted > threshold;
    }
}
