package dev.roster.provisioning.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.roster.provisioning.OktaUnavailableException;
import dev.roster.provisioning.OktaUserSync;
import dev.roster.provisioning.ProvisioningProperties;

/**
 * The per-user sync job on db-scheduler's durable queue, one instance per (account, Okta user):
 * a user's job already waiting is not queued twice, and it waits {@code coalesce-window} after the
 * event that queued it, so a burst of events for one user is one Okta read. It reads its user
 * together with other waiting users of the account ({@link BatchedUserReads}); a user a batch has
 * already read since their last event is not read again. If an event arrived while the job ran, it
 * runs once more instead of finishing.
 */
@Configuration(proxyBeanMethods = false)
class UserSyncJob {

    private static final Logger log = LoggerFactory.getLogger(UserSyncJob.class);

    static final TaskDescriptor<Request> TASK = TaskDescriptor.of("okta-user-sync", Request.class);

    /** The job's data: which account's which Okta user. */
    record Request(UUID accountId, String oktaUserId) implements Serializable {
        String instanceId() {
            return accountId + ":" + oktaUserId;
        }
    }

    /** A job whose user another job's batch is reading looks again after this. */
    static final Duration CLAIM_WAIT = Duration.ofSeconds(5);

    /** Hook work goes before reconciliations and emails when workers are scarce. */
    static final int PRIORITY = Priority.HIGH;

    @Bean
    CustomTask<Request> oktaUserSyncTask(UserSyncService sync, UserSyncState state, AccountFairness fairness,
            BatchedUserReads reads, ProvisioningProperties properties, TransactionTemplate transaction) {
        return Tasks.custom(TASK)
                .defaultPriority(PRIORITY)
                .onFailure(FailureHandler.<Request>maxRetries(properties.jobRetries())
                        .withBackoff(properties.jobRetryDelay(), 3.0)
                        .thenRemove(ignored -> log.warn("A per-user Okta sync gave up after {} attempts; the next"
                                + " reconciliation will heal it", properties.jobRetries())))
                .execute((instance, context) -> {
                    UUID accountId = instance.getData().accountId();
                    if (!fairness.tryStart(accountId)) {
                        // the account has its share of workers here: put back a moment later
                        Instant later = Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(500, 1500));
                        return (complete, ops) -> ops.reschedule(complete, later);
                    }
                    try {
                        Request request = instance.getData();
                        long before = state.requested(accountId, request.oktaUserId());
                        // covered: a batch read this user after its last request, so Okta is not asked again
                        if (state.coveredUpTo(accountId, request.oktaUserId()) < before
                                && reads.read(request, sync) == BatchedUserReads.Result.CLAIMED_ELSEWHERE) {
                            Instant later = Instant.now().plus(CLAIM_WAIT);
                            return (complete, ops) -> ops.reschedule(complete, later);
                        }
                        return (complete, ops) -> transaction.executeWithoutResult(s -> {
                            if (requestedSince(request, before, state)) {
                                // events arrived meanwhile: read again, after the window gathers any more
                                ops.reschedule(complete, Instant.now().plus(properties.coalesceWindow()));
                            } else {
                                ops.remove();
                            }
                        });
                    } finally {
                        fairness.finished(accountId);
                    }
                });
    }

    /** Syncs the user once; returns the request counter as it was before Okta was read. */
    static long runOnce(Request request, OktaUserSync sync, UserSyncState state) {
        long before = state.requested(request.accountId(), request.oktaUserId());
        try {
            syncUser(request, sync);
        } catch (OktaUnavailableException e) {
            state.done(request.accountId(), request.oktaUserId(), "Failed", e.getMessage());
            throw e;
        }
        return before;
    }

    /**
     * Whether a newer request arrived since {@code before}, so the job must run again rather than
     * finish (the event may describe a change the read missed). Called in the transaction that then
     * removes or reschedules the job's queue row (db-scheduler joins Spring's transactions), holding
     * the counter row's lock: an event's bump either came first and is seen here, or waits for this
     * transaction and then finds no job queued, and queues one. Without the lock, an event landing
     * between this look and the row's removal found the job "still queued" and was left for the
     * nightly run.
     */
    static boolean requestedSince(Request request, long before, UserSyncState state) {
        return state.requestedLocked(request.accountId(), request.oktaUserId()) != before;
    }

    /**
     * A reconciliation page on another instance may insert this person at the same moment: the
     * loser of the unique constraint reads again at once and then updates the person it finds.
     */
    private static void syncUser(Request request, OktaUserSync sync) {
        for (int attempt = 1; ; attempt++) {
            try {
                sync.syncUser(request.accountId(), request.oktaUserId());
                return;
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }
}
