package dev.roster.provisioning.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;

/**
 * Asks for a user's sync: bumps the user's request counter and queues their job unless one is
 * already waiting. Runs inside the caller's transaction, so the request and the job commit together.
 */
@Component
public class SyncRequests {

    private final UserSyncState state;
    private final SchedulerClient scheduler;

    SyncRequests(UserSyncState state, SchedulerClient scheduler) {
        this.state = state;
        this.scheduler = scheduler;
    }

    public void request(UUID accountId, String oktaUserId) {
        state.request(accountId, oktaUserId);
        UserSyncJob.enqueue(scheduler, accountId, oktaUserId);
    }
}
