package dev.roster.provisioning.internal;

import dev.roster.provisioning.SyncOutcome;

/** A run's running counts, kept in memory and written after each page. */
class RunTally {

    int pages;
    int listed;
    int created;
    int updated;
    int unchanged;
    int deactivated;
    int reactivated;
    int failed;

    void count(SyncOutcome outcome) {
        if (outcome instanceof SyncOutcome.Created) {
            created++;
        } else if (outcome instanceof SyncOutcome.Updated) {
            updated++;
        } else if (outcome instanceof SyncOutcome.Unchanged) {
            unchanged++;
        } else if (outcome instanceof SyncOutcome.Deactivated) {
            deactivated++;
        } else if (outcome instanceof SyncOutcome.Reactivated) {
            reactivated++;
        } else if (outcome instanceof SyncOutcome.Conflict) {
            failed++;
        } else {
            unchanged++;
        }
    }
}
