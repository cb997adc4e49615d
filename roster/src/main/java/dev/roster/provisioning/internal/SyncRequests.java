package dev.roster.provisioning.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

/**
 * Asks for a user's sync: bumps the user's request counter and queues their job unless one is
 * already waiting. Runs inside the caller's transaction, so the request and the job commit together.
 * The job's execution time is paced per account ({@link AccountFairness}).
 */
@Component
public class SyncRequests {

    private final UserSyncState state;
    private final SchedulerClient scheduler;
    private final AccountFairness fairness;

    SyncRequests(UserSyncState state, SchedulerClient scheduler, AccountFairness fairness) {
        this.state = state;
        this.scheduler = scheduler;
        this.fairness = fairness;
    }

    public void request(UUID accountId, String oktaUserId) {
        state.request(accountId, oktaUserId);
        Instant at = fairness.next(accountId, Instant.now());
        if (UserSyncJob.enqueue(scheduler, accountId, oktaUserId, at)) {
            fairness.queued(accountId, at);
        }
    }
}
