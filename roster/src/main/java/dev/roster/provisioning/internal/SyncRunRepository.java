package dev.roster.provisioning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;
import dev.roster.provisioning.SyncRun;

/** Reconciliation runs, their per-person changes and their held deactivations. */
@Repository
public class SyncRunRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SyncRunRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Optional<SyncRun> find(UUID accountId, UUID runId) {
        return jdbc.sql("SELECT * FROM okta_sync_run WHERE account_id = ? AND id = ?").params(accountId, runId)
                .query(SyncRunRepository::map).optional();
    }

    public List<SyncRun> page(UUID accountId, int page, int size) {
        return jdbc.sql("SELECT * FROM okta_sync_run WHERE account_id = :account ORDER BY created_at DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("account", accountId).param("limit", size).param("offset", (long) page * size)
                .query(SyncRunRepository::map).list();
    }

    public long count(UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM okta_sync_run WHERE account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    Optional<SyncRun> active(UUID accountId) {
        return jdbc.sql("SELECT * FROM okta_sync_run WHERE account_id = ? AND status IN ('queued', 'running')"
                        + " ORDER BY created_at DESC").param(accountId).query(SyncRunRepository::map).list()
                .stream().findFirst();
    }

    /** When the account's latest scheduled run was created, or null. */
    Instant lastScheduled(UUID accountId) {
        return jdbc.sql("SELECT MAX(created_at) AS last_scheduled FROM okta_sync_run WHERE account_id = ?"
                        + " AND run_trigger = 'schedule'").param(accountId)
                .query((rs, row) -> Instants.read(rs, "last_scheduled")).list().stream()
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** How long a command's run may go without a heartbeat before it counts as abandoned. */
    static final Duration COMMAND_SILENCE = Duration.ofMinutes(2);
    static final String STOPPED = "stopped: Roster shut down during the run";
    static final String ABANDONED = "abandoned: the roster sync command stopped without finishing";

    /** A command's run says it is alive; see {@link #failAbandonedCommandRuns}. */
    void heartbeat(UUID runId, Instant now) {
        jdbc.sql("UPDATE okta_sync_run SET heartbeat_at = ? WHERE id = ?").params(Instants.toJdbc(now), runId).update();
    }

    /**
     * A run of the {@code roster sync} command has no queued job that another instance could
     * revive; when its process died without a word, its silence frees the account. Call under the
     * account lock, before looking for the active run.
     */
    void failAbandonedCommandRuns(UUID accountId, Instant now) {
        jdbc.sql("""
                UPDATE okta_sync_run SET status = 'failed', finished_at = ?, error = ?
                WHERE account_id = ? AND run_trigger = 'cli' AND status IN ('queued', 'running')
                    AND COALESCE(heartbeat_at, created_at) < ?
                """).params(Instants.toJdbc(now), ABANDONED, accountId, Instants.toJdbc(now.minus(COMMAND_SILENCE)))
                .update();
    }

    /** Of these accounts, those that had a scheduled run: account id → when the latest was created. */
    Map<UUID, Instant> lastScheduled(List<UUID> accountIds) {
        Map<UUID, Instant> last = new HashMap<>();
        for (int from = 0; from < accountIds.size(); from += 500) {
            jdbc.sql("SELECT account_id, MAX(created_at) AS last_created FROM okta_sync_run"
                            + " WHERE run_trigger = 'schedule' AND account_id IN (:ids) GROUP BY account_id")
                    .param("ids", accountIds.subList(from, Math.min(accountIds.size(), from + 500)))
                    .query(rs -> {
                        last.put(rs.getObject("account_id", UUID.class), Instants.read(rs, "last_created"));
                    });
        }
        return last;
    }

    void insert(UUID id, UUID accountId, String trigger, Instant now) {
        jdbc.sql("""
                INSERT INTO okta_sync_run (id, account_id, status, run_trigger, created_at, pages, listed,
                    created_count, updated_count, unchanged_count, deactivated_count, reactivated_count, failed_count,
                    held_count, rate_limit_waits)
                VALUES (?, ?, 'queued', ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                """).params(id, accountId, trigger, Instants.toJdbc(now)).update();
    }

    /**
     * A (re)start: counters back to zero, since a restarted run lists everything again. False when
     * the run is no longer queued or running (it was finished meanwhile), so there is nothing to do.
     */
    boolean started(UUID runId, Instant now) {
        int updated = jdbc.sql("""
                UPDATE okta_sync_run SET status = 'running', started_at = ?, finished_at = NULL, pages = 0, listed = 0,
                    created_count = 0, updated_count = 0, unchanged_count = 0, deactivated_count = 0,
                    reactivated_count = 0, failed_count = 0, held_count = 0, rate_limit_waits = 0, error = NULL
                WHERE id = ? AND status IN ('queued', 'running')
                """).params(Instants.toJdbc(now), runId).update();
        jdbc.sql("DELETE FROM okta_sync_change WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM okta_sync_held WHERE run_id = ?").param(runId).update();
        return updated == 1;
    }

    void progress(UUID runId, RunTally tally, long rateLimitWaits) {
        jdbc.sql("""
                UPDATE okta_sync_run SET pages = ?, listed = ?, created_count = ?, updated_count = ?,
                    unchanged_count = ?, deactivated_count = ?, reactivated_count = ?, failed_count = ?,
                    rate_limit_waits = ?
                WHERE id = ?
                """).params(tally.pages, tally.listed, tally.created, tally.updated, tally.unchanged, tally.deactivated,
                tally.reactivated, tally.failed, rateLimitWaits, runId).update();
    }

    void finish(UUID runId, String status, int held, String error, Instant now) {
        jdbc.sql("UPDATE okta_sync_run SET status = ?, held_count = ?, error = ?, finished_at = ? WHERE id = ?")
                .params(status, held, error == null || error.length() <= 4000 ? error : error.substring(0, 4000),
                        Instants.toJdbc(now), runId).update();
    }

    void decide(UUID runId, String status, UUID by, Instant now) {
        jdbc.sql("UPDATE okta_sync_run SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?")
                .params(status, by, Instants.toJdbc(now), runId).update();
    }

    void addDeactivated(UUID runId, int count) {
        jdbc.sql("UPDATE okta_sync_run SET deactivated_count = deactivated_count + ? WHERE id = ?")
                .params(count, runId).update();
    }

    void changes(List<ChangeRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        named.batchUpdate("""
                INSERT INTO okta_sync_change (id, run_id, account_id, person_id, okta_user_id, kind, changes, error)
                VALUES (:id, :run, :account, :person, :okta, :kind, :changes, :error)
                """, rows.stream().map(r -> new MapSqlParameterSource().addValue("id", UUID.randomUUID())
                .addValue("run", r.runId()).addValue("account", r.accountId()).addValue("person", r.personId())
                .addValue("okta", r.oktaUserId()).addValue("kind", r.kind()).addValue("changes", cut(r.changes(), 16000))
                .addValue("error", cut(r.error(), 2000))).toArray(MapSqlParameterSource[]::new));
    }

    public List<ChangeRow> changesOf(UUID accountId, UUID runId) {
        return jdbc.sql("SELECT * FROM okta_sync_change WHERE account_id = ? AND run_id = ? ORDER BY kind")
                .params(accountId, runId)
                .query((rs, n) -> new ChangeRow(runId, accountId, rs.getObject("person_id", UUID.class),
                        rs.getString("okta_user_id"), rs.getString("kind"), rs.getString("changes"),
                        rs.getString("error")))
                .list();
    }

    void hold(UUID runId, List<UUID> personIds) {
        named.batchUpdate("INSERT INTO okta_sync_held (run_id, person_id) VALUES (:run, :person)",
                personIds.stream().map(p -> new MapSqlParameterSource().addValue("run", runId).addValue("person", p))
                        .toArray(MapSqlParameterSource[]::new));
    }

    public List<UUID> held(UUID runId) {
        return jdbc.sql("SELECT person_id FROM okta_sync_held WHERE run_id = ?").param(runId).query(UUID.class).list();
    }

    /** A person's change in a run, for the run's detail page. */
    public record ChangeRow(UUID runId, UUID accountId, UUID personId, String oktaUserId, String kind, String changes,
            String error) {
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static SyncRun map(ResultSet rs, int row) throws SQLException {
        return new SyncRun(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("status"), rs.getString("run_trigger"),
                Instants.read(rs, "created_at"), Instants.read(rs, "started_at"), Instants.read(rs, "finished_at"),
                rs.getInt("pages"), rs.getInt("listed"),
                new SyncRun.Counts(rs.getInt("created_count"), rs.getInt("updated_count"),
                        rs.getInt("unchanged_count"), rs.getInt("deactivated_count"),
                        rs.getInt("reactivated_count"), rs.getInt("failed_count")),
                rs.getInt("held_count"), rs.getInt("rate_limit_waits"), rs.getString("error"));
    }
}
