package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;

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

    UserSyncState(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
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
            batch.batchUpdate("INSERT INTO okta_user_sync (account_id, okta_user_id, requested, last_requested_at)"
                    + " VALUES (?, ?, 1, ?)", missing);
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
                            + " last_synced_at, last_outcome, last_error) VALUES (?, ?, 0, ?, ?, ?, ?)")
                    .params(accountId, oktaUserId, Instants.toJdbc(now), Instants.toJdbc(now), outcome,
                            truncate(error)).update();
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
