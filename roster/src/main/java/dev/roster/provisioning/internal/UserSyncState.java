package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;

/**
 * Per Okta user: a counter of sync requests, and what the last sync did. A job reads the counter
 * before it asks Okta; if an event bumped it meanwhile, the job runs again, so a change that reached
 * Okta after the job's read is never lost.
 */
@Repository
class UserSyncState {

    private final JdbcClient jdbc;
    private final Clock clock;

    UserSyncState(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void request(UUID accountId, String oktaUserId) {
        Instant now = Instant.now(clock);
        int updated = jdbc.sql("UPDATE okta_user_sync SET requested = requested + 1, last_requested_at = ?"
                        + " WHERE account_id = ? AND okta_user_id = ?")
                .params(Instants.toJdbc(now), accountId, oktaUserId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO okta_user_sync (account_id, okta_user_id, requested, last_requested_at)"
                            + " VALUES (?, ?, 1, ?)")
                    .params(accountId, oktaUserId, Instants.toJdbc(now)).update();
        }
    }

    long requested(UUID accountId, String oktaUserId) {
        return jdbc.sql("SELECT requested FROM okta_user_sync WHERE account_id = ? AND okta_user_id = ?")
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
