package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.common.Instants;
import dev.roster.provisioning.ProvisioningProperties;

/**
 * The daily reconciliation: each account at its configured UTC time (default 03:00 GMT), shifted
 * by a fixed per-account offset inside the spread window so that many accounts do not all start
 * in the same second.
 */
@Component
public class ReconcileSchedule {

    private record Due(UUID accountId, LocalTime at, Instant connectedAt, Instant lastScheduled) {
    }

    private final JdbcClient jdbc;
    private final ReconcileQueue queue;
    private final TransactionTemplate transaction;
    private final ProvisioningProperties properties;
    private final Clock clock;

    ReconcileSchedule(JdbcClient jdbc, ReconcileQueue queue, TransactionTemplate transaction,
            ProvisioningProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    void dispatch() {
        dispatch(Instant.now(clock));
    }

    /**
     * Starts the runs due at {@code now} that have not started since they fell due; returns how
     * many. An account connected after its latest due time waits for the next one (its admin
     * starts the first sync by hand).
     */
    int dispatch(Instant now) {
        List<Due> accounts = jdbc.sql("""
                SELECT c.account_id, c.sync_time_utc, c.created_at,
                       (SELECT MAX(r.created_at) FROM okta_sync_run r
                        WHERE r.account_id = c.account_id AND r.run_trigger = 'schedule') AS last_scheduled
                FROM okta_connection c WHERE c.provisioning_enabled = TRUE
                """).query((rs, row) -> new Due(rs.getObject("account_id", UUID.class),
                LocalTime.parse(rs.getString("sync_time_utc")), Instants.read(rs, "created_at"),
                Instants.read(rs, "last_scheduled"))).list();
        int started = 0;
        for (Due due : accounts) {
            Instant dueAt = latestDue(due.accountId(), due.at(), now);
            boolean connectedSince = due.connectedAt().isAfter(dueAt);
            if (!connectedSince && (due.lastScheduled() == null || due.lastScheduled().isBefore(dueAt))) {
                transaction.executeWithoutResult(s -> queue.start(due.accountId(), "schedule", now));
                started++;
            }
        }
        return started;
    }

    /** The next moment after {@code now} when this account's daily run falls due. */
    public Instant nextDue(UUID accountId, LocalTime at, Instant now) {
        return latestDue(accountId, at, now).plus(Duration.ofDays(1));
    }

    /** The most recent moment at or before {@code now} when this account's daily run fell due. */
    Instant latestDue(UUID accountId, LocalTime at, Instant now) {
        long spread = properties.scheduleSpread().toSeconds();
        Duration offset = Duration.ofSeconds(spread == 0 ? 0 : Math.floorMod(accountId.hashCode(), spread));
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Instant todays = today.atTime(at).toInstant(ZoneOffset.UTC).plus(offset);
        return todays.isAfter(now) ? todays.minus(Duration.ofDays(1)) : todays;
    }
}
