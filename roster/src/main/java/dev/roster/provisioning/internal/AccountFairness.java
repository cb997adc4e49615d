package dev.roster.provisioning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

import dev.roster.provisioning.ProvisioningProperties;

/**
 * Keeps one account's storm of per-user jobs from holding up the others, on this instance:
 * <ul>
 * <li><b>pacing</b> — an account's jobs are given execution times at least {@code accountJobSpacing}
 * apart, so a burst of 10,000 events is spread over the queue and another account's single event,
 * due now, is picked before most of them (the queue runs jobs in execution-time order);</li>
 * <li><b>a concurrency cap</b> — at most {@code accountJobConcurrency} of an account's jobs run at
 * once here, so even an account whose Okta calls wait for rate-limit windows never takes every worker.
 * A job over the cap goes back to the end of its account's line.</li>
 * </ul>
 * Both are per instance (N instances give an account up to N × the cap), which is enough for
 * fairness and needs no shared state.
 */
@Component
class AccountFairness {

    private final Duration spacing;
    private final int concurrency;
    private final Map<UUID, Instant> nextSlot = new ConcurrentHashMap<>();
    private final Map<UUID, Semaphore> running = new ConcurrentHashMap<>();

    AccountFairness(ProvisioningProperties properties) {
        this.spacing = properties.accountJobSpacing();
        this.concurrency = properties.accountJobConcurrency();
    }

    /** When this account's next job may run: now, or just after the account's latest queued one. */
    Instant next(UUID accountId, Instant now) {
        Instant next = nextSlot.get(accountId);
        return next == null || next.isBefore(now) ? now : next;
    }

    /** A job was queued at {@code at}: the account's next one goes at least the spacing later. */
    void queued(UUID accountId, Instant at) {
        if (nextSlot.size() > 10_000) {
            nextSlot.values().removeIf(next -> next.isBefore(at));
        }
        nextSlot.merge(accountId, at.plus(spacing), (current, proposed) -> current.isAfter(proposed) ? current : proposed);
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
