package dev.roster.provisioning.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

/**
 * Asks for a user's sync: bumps the user's request counter and queues their job unless one is
 * already waiting. Runs inside the caller's transaction, so the request and the job commit together.
 * An account in a storm of events gets its further jobs at a lower priority ({@link AccountFairness}).
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
        Instant now = Instant.now();
        UserSyncJob.enqueue(scheduler, accountId, oktaUserId, now, fairness.priority(accountId, now));
    }
}
