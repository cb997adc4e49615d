package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.okta.DailySync;
import dev.roster.okta.OktaConnections;
import dev.roster.provisioning.ProvisioningProperties;

/**
 * The daily reconciliation: each account at its configured UTC time (default 03:00 GMT), shifted
 * by a fixed per-account offset inside the spread window ({@link DailyRunTimes}) so that many
 * accounts do not all start in the same second. Every instance may dispatch; the account's row
 * lock makes one day's run start once.
 */
@Component
public class ReconcileSchedule {

    private final OktaConnections connections;
    private final SyncRunRepository runs;
    private final ReconcileQueue queue;
    private final TransactionTemplate transaction;
    private final DailyRunTimes times;
    private final Clock clock;

    ReconcileSchedule(OktaConnections connections, SyncRunRepository runs, ReconcileQueue queue,
            TransactionTemplate transaction, ProvisioningProperties properties, Clock clock) {
        this.connections = connections;
        this.runs = runs;
        this.queue = queue;
        this.transaction = transaction;
        this.times = new DailyRunTimes(properties.scheduleSpread());
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
        List<DailySync> accounts = connections.dailySyncs();
        Map<UUID, Instant> lastScheduled = runs.lastScheduled(accounts.stream().map(DailySync::accountId).toList());
        int started = 0;
        for (DailySync due : accounts) {
            Instant dueAt = latestDue(due.accountId(), due.at(), now);
            boolean connectedSince = due.connectedAt().isAfter(dueAt);
            if (!connectedSince && notScheduledSince(lastScheduled.get(due.accountId()), dueAt)
                    && Boolean.TRUE.equals(transaction.execute(s -> queue.startScheduled(due.accountId(), dueAt, now)))) {
                started++;
            }
        }
        return started;
    }

    static boolean notScheduledSince(Instant lastScheduled, Instant dueAt) {
        return lastScheduled == null || lastScheduled.isBefore(dueAt);
    }

    /** The next moment after {@code now} when this account's daily run falls due (what the Okta page shows). */
    public Instant nextDue(UUID accountId, LocalTime at, Instant now) {
        return times.nextDue(accountId, at, now);
    }

    /** The most recent moment at or before {@code now} when this account's daily run fell due. */
    Instant latestDue(UUID accountId, LocalTime at, Instant now) {
        return times.latestDue(accountId, at, now);
    }
}
