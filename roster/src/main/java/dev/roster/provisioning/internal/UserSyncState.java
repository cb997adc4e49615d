package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;
import dev.roster.common.JobQueue;

/**
 * Per Okta user: a counter of sync requests, and what the last sync did. A job reads the counter
 * before it asks Okta; if an event bumped it meanwhile, the job runs again, so a change that reached
 * Okta after the job's read is never lost. The job's last look and the removal of its queue row
 * happen under the counter row's lock (see {@link UserSyncJob}).
 */
@Repository
class UserSyncState {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final JobQueue jobs;

    UserSyncState(JdbcClient jdbc, JdbcTemplate batch, Clock clock, JobQueue jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Bumps the request counters of these users of one account, in two statements. A user with several events
     * in one batch is counted once: the counter only has to move for a running job to notice.
     * Callers pass the users in a stable order, so concurrent batches lock the same rows in the
     * same order and cannot deadlock.
     */
    void requestAll(UUID accountId, List<String> oktaUserIds) {
        Object now = Instants.toJdbc(Instant.now(clock));
        int[] updated = batch.batchUpdate("UPDATE okta_user_sync SET requested = requested + 1, last_requested_at = ?"
                + " WHERE account_id = ? AND okta_user_id = ?",
                oktaUserIds.stream().map(user -> new Object[] {now, accountId, user}).toList());
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(new Object[] {accountId, oktaUserIds.get(i), now});
            }
        }
        if (!missing.isEmpty()) {
            batch.batchUpdate("INSERT INTO okta_user_sync (account_id, okta_user_id, requested, last_requested_at,"
                    + " synced_requested) VALUES (?, ?, 1, ?, 0)", missing);
        }
    }

    long requested(UUID accountId, String oktaUserId) {
        return jdbc.sql("SELECT requested FROM okta_user_sync WHERE account_id = ? AND okta_user_id = ?")
                .params(accountId, oktaUserId).query(Long.class).optional().orElse(0L);
    }

    /**
     * The counter, with the user's row locked until the caller's transaction ends: a request being
     * made right now (its bump holds the same lock) is either seen here or waits until this ends.
     */
    long requestedLocked(UUID accountId, String oktaUserId) {
        return jdbc.sql("SELECT requested FROM okta_user_sync WHERE account_id = ? AND okta_user_id = ? FOR UPDATE")
                .params(accountId, oktaUserId).query(Long.class).optional().orElse(0L);
    }

    void done(UUID accountId, String oktaUserId, String outcome, String error) {
        Instant now = Instant.now(clock);
        int updated = jdbc.sql("UPDATE okta_user_sync SET last_synced_at = ?, last_outcome = ?, last_error = ?"
                        + " WHERE account_id = ? AND okta_user_id = ?")
                .params(Instants.toJdbc(now), outcome, truncate(error), accountId, oktaUserId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO okta_user_sync (account_id, okta_user_id, requested, last_requested_at,"
                            + " last_synced_at, last_outcome, last_error, synced_requested) VALUES (?, ?, 0, ?, ?, ?, ?, 0)")
                    .params(accountId, oktaUserId, Instants.toJdbc(now), Instants.toJdbc(now), outcome,
                            truncate(error)).update();
        }
    }

    /**
     * The counter as it was before the last Okta read that covered this user (their own job's or a
     * batch's), or -1 when unknown: a job whose counter is not past it has nothing to read.
     */
    long coveredUpTo(UUID accountId, String oktaUserId) {
        return jdbc.sql("SELECT synced_requested FROM okta_user_sync WHERE account_id = ? AND okta_user_id = ?")
                .params(accountId, oktaUserId).query((rs, n) -> {
                    long value = rs.getLong(1);
                    return rs.wasNull() ? -1L : value;
                }).optional().orElse(-1L);
    }

    /**
     * Users of the account waiting to be read (their counter past what was last read), oldest request
     * first, not being read by a live batch. Rows from before batching (no {@code synced_requested})
     * are left to their own jobs.
     */
    List<String> waiting(UUID accountId, String except, Instant claimsStaleBefore, int limit) {
        return jdbc.sql("""
                SELECT okta_user_id FROM okta_user_sync
                WHERE account_id = :account AND requested > synced_requested AND okta_user_id <> :except
                  AND (read_claim IS NULL OR read_claimed_at < :stale)
                ORDER BY last_requested_at LIMIT :limit
                """).param("account", accountId).param("except", except)
                .param("stale", Instants.toJdbc(claimsStaleBefore)).param("limit", limit)
                .query(String.class).list();
    }

    /**
     * Claims these users for one batch read (those not claimed by a live batch), row by row in user
     * order, the order event batches lock them in, so the two never deadlock. Commits with the
     * caller's transaction; returns each claimed user's counter, read after the claim and so before
     * Okta is.
     */
    Map<String, Long> claim(UUID accountId, List<String> oktaUserIds, UUID claim, Instant now,
            Instant claimsStaleBefore) {
        Object at = Instants.toJdbc(now);
        Object stale = Instants.toJdbc(claimsStaleBefore);
        batch.batchUpdate("UPDATE okta_user_sync SET read_claim = ?, read_claimed_at = ? WHERE account_id = ?"
                        + " AND okta_user_id = ? AND (read_claim IS NULL OR read_claimed_at < ?)",
                oktaUserIds.stream().sorted().map(user -> new Object[] {claim, at, accountId, user, stale}).toList());
        Map<String, Long> claimed = new TreeMap<>();
        jdbc.sql("SELECT okta_user_id, requested FROM okta_user_sync WHERE account_id = ? AND read_claim = ?")
                .params(accountId, claim).query((rs, n) -> claimed.put(rs.getString(1), rs.getLong(2))).list();
        return claimed;
    }

    /**
     * Ends a batch read: each user's requests up to the counter read at the claim are covered (when
     * {@code covered}), and the claim is released. In user order, like {@link #claim}.
     */
    void release(UUID accountId, UUID claim, Map<String, Long> claimed, boolean covered) {
        String set = covered ? "synced_requested = CASE WHEN synced_requested IS NULL OR synced_requested < ? THEN ?"
                + " ELSE synced_requested END, " : "";
        batch.batchUpdate("UPDATE okta_user_sync SET " + set + "read_claim = NULL, read_claimed_at = NULL"
                        + " WHERE account_id = ? AND okta_user_id = ? AND read_claim = ?",
                claimed.entrySet().stream().map(e -> covered
                        ? new Object[] {e.getValue(), e.getValue(), accountId, e.getKey(), claim}
                        : new Object[] {accountId, e.getKey(), claim}).toList());
    }

    /** Keeps a live batch's claims fresh (its heartbeat), in user order like {@link #claim}. */
    void refreshClaim(UUID accountId, UUID claim, Collection<String> oktaUserIds, Instant now) {
        Object at = Instants.toJdbc(now);
        batch.batchUpdate("UPDATE okta_user_sync SET read_claimed_at = ? WHERE account_id = ? AND okta_user_id = ?"
                        + " AND read_claim = ?",
                oktaUserIds.stream().sorted().map(user -> new Object[] {at, accountId, user, claim}).toList());
    }

    /** Whether a batch claimed this user after {@code since} and has not released them yet. */
    boolean claimedSince(UUID accountId, String oktaUserId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM okta_user_sync WHERE account_id = ? AND okta_user_id = ?"
                        + " AND read_claim IS NOT NULL AND read_claimed_at >= ?")
                .params(accountId, oktaUserId, Instants.toJdbc(since)).query(Integer.class).single() > 0;
    }

    /** Records that the user's requests up to {@code before} were covered by their own job's read. */
    void covered(UUID accountId, String oktaUserId, long before) {
        jdbc.sql("UPDATE okta_user_sync SET synced_requested = ? WHERE account_id = ? AND okta_user_id = ?"
                        + " AND (synced_requested IS NULL OR synced_requested < ?)")
                .params(before, accountId, oktaUserId, before).update();
    }

    /** How many of the account's users have a sync waiting or running. */
    int waitingCount(UUID accountId) {
        return jobs.countQueued(UserSyncJob.TASK.getTaskName(), accountId + ":");
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
