package dev.roster.provisioning.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.roster.accounts.Accounts;
import dev.roster.provisioning.SyncRun;

/** Run rows and their jobs, created together inside the caller's transaction. */
@Component
public class ReconcileQueue {

    private final SyncRunRepository runs;
    private final SchedulerClient scheduler;
    private final ReconciliationRunner runner;
    private final Accounts accounts;

    ReconcileQueue(SyncRunRepository runs, SchedulerClient scheduler, ReconciliationRunner runner, Accounts accounts) {
        this.runs = runs;
        this.accounts = accounts;
        this.scheduler = scheduler;
        this.runner = runner;
    }

    public SyncRun start(UUID accountId, String trigger, Instant now) {
        accounts.lock(accountId);
        runs.failAbandonedCommandRuns(accountId, now);
        return runs.active(accountId).orElseGet(() -> {
            UUID runId = UUID.randomUUID();
            runs.insert(runId, accountId, trigger, now);
            ReconcileJob.enqueue(scheduler, accountId, runId);
            return runs.find(accountId, runId).orElseThrow();
        });
    }

    /**
     * The day's scheduled run, unless one was created since it fell due. Checked under the
     * account's row lock, so two instances ticking in the same minute cannot both start it: the
     * second sees the first's run once the lock is released.
     */
    boolean startScheduled(UUID accountId, Instant dueAt, Instant now) {
        accounts.lock(accountId);
        if (!ReconcileSchedule.notScheduledSince(runs.lastScheduled(accountId), dueAt)) {
            return false;
        }
        start(accountId, "schedule", now);
        return true;
    }

    public void approve(UUID accountId, UUID runId, UUID adminId, Instant now) {
        int deactivated = runner.deactivate(accountId, runId, runs.held(runId));
        runs.addDeactivated(runId, deactivated);
        runs.decide(runId, "succeeded", adminId, now);
    }

    public void reject(UUID runId, UUID adminId, Instant now) {
        runs.decide(runId, "rejected", adminId, now);
    }
}
