package dev.roster.provisioning;

import java.time.Instant;
import java.util.UUID;

/**
 * One full reconciliation of an account.
 *
 * @param status  queued, running, succeeded, failed, held (waiting for an admin) or rejected
 * @param trigger schedule, manual (the page's button), api, cli, or startup (the demo's first run)
 */
public record SyncRun(UUID id, UUID accountId, String status, String trigger, Instant createdAt,
        Instant startedAt, Instant finishedAt, int pages, int listed, Counts counts, int heldCount,
        int rateLimitWaits, String error) {

    /** The contract's counts. */
    public record Counts(int created, int updated, int unchanged, int deactivated, int reactivated, int failed) {
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
