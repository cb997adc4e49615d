package dev.roster.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Bounds one table, implemented by the module that owns it (only that module writes its SQL).
 * Each call deletes one small batch in its own short transaction, selecting the rows through an
 * index and deleting them by primary key, so that pruning never holds locks the hot path waits on.
 */
public interface Pruner {

    /** The table bounded, as it is named in the database (the {@code table} tag of the metrics). */
    String table();

    /** How long this table keeps rows. */
    Duration retention(RetentionProperties properties);

    /**
     * Deletes at most {@code limit} of the account's rows older than {@code cutoff}; returns how many.
     * {@code accountId} null means the rows that belong to no account, where the table has such rows.
     */
    int pruneBatch(UUID accountId, Instant cutoff, int limit);
}
