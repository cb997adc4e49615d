package dev.roster.provisioning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.Priority;

import dev.roster.provisioning.ProvisioningProperties;

/**
 * Keeps one account's storm of per-user jobs from holding up the others, on this instance:
 * <ul>
 * <li><b>storms go second</b> — past {@code accountBurst} jobs queued for an account within
 * {@link #BURST_WINDOW}, its further jobs get a lower priority, so another account's event, queued
 * at full priority, is picked before the storm's bulk (the queue runs higher priorities first);</li>
 * <li><b>a concurrency cap</b> — at most {@code accountJobConcurrency} of an account's jobs run at
 * once here, so even an account whose Okta calls wait for rate-limit windows never takes every
 * worker. A job over the cap is put back a moment later.</li>
 * </ul>
 * Both are per instance (N instances give an account up to N × the cap), which is enough for
 * fairness and needs no shared state.
 */
@Component
class AccountFairness {

    static final Duration BURST_WINDOW = Duration.ofSeconds(10);
    /** Above reconciliations ({@link ReconcileJob#PRIORITY}), below other accounts' hook jobs. */
    static final int STORM_PRIORITY = Priority.MEDIUM;

    private record Burst(Instant since, int queued) {
    }

    private final int burst;
    private final int concurrency;
    private final Map<UUID, Burst> bursts = new ConcurrentHashMap<>();
    private final Map<UUID, Semaphore> running = new ConcurrentHashMap<>();

    AccountFairness(ProvisioningProperties properties) {
        this.burst = properties.accountBurst();
        this.concurrency = properties.accountJobConcurrency();
    }

    /** The priority of a job being queued now for this account: full, unless the account is in a storm. */
    int priority(UUID accountId, Instant now) {
        if (bursts.size() > 10_000) {
            bursts.values().removeIf(b -> b.since().plus(BURST_WINDOW).isBefore(now));
        }
        Burst current = bursts.compute(accountId, (id, b) -> b == null || b.since().plus(BURST_WINDOW).isBefore(now)
                ? new Burst(now, 1) : new Burst(b.since(), b.queued() + 1));
        return current.queued() <= burst ? UserSyncJob.PRIORITY : STORM_PRIORITY;
    }

    /** A worker for this account's job, or false when the account already has its share running here. */
    boolean tryStart(UUID accountId) {
        return running.computeIfAbsent(accountId, id -> new Semaphore(concurrency)).tryAcquire();
    }

    void finished(UUID accountId) {
        Semaphore slots = running.get(accountId);
        if (slots != null) {
            slots.release();
        }
    }
}
