package dev.roster.provisioning.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.roster.common.JobQueue;
import dev.roster.provisioning.ProvisioningProperties;

/**
 * Asks for a user's sync: bumps the user's request counter and queues their job unless one is
 * already waiting. Runs inside the caller's transaction, so the request and the job commit together.
 * An account in a storm of events gets its further jobs at a lower priority ({@link AccountFairness}).
 */
@Component
public class SyncRequests {

    /** Bounds the IN lists; PostgreSQL and H2 both take far more, this keeps statements small. */
    private static final int CHUNK = 500;

    private final UserSyncState state;
    private final SchedulerClient scheduler;
    private final AccountFairness fairness;
    private final JobQueue jobs;
    private final ProvisioningProperties properties;

    SyncRequests(UserSyncState state, SchedulerClient scheduler, AccountFairness fairness, JobQueue jobs,
            ProvisioningProperties properties) {
        this.properties = properties;
        this.state = state;
        this.scheduler = scheduler;
        this.fairness = fairness;
        this.jobs = jobs;
    }

    /**
     * Asks for the sync of these users of one account, in a handful of statements whatever their
     * number (the hook inbox's group commit). The users are sorted first: see
     * {@link UserSyncState#requestAll}.
     */
    public void requestAll(UUID accountId, Set<String> oktaUserIds) {
        List<String> users = oktaUserIds.stream().sorted().toList();
        for (int from = 0; from < users.size(); from += CHUNK) {
            List<String> chunk = users.subList(from, Math.min(users.size(), from + CHUNK));
            state.requestAll(accountId, chunk);
            enqueueMissing(accountId, chunk);
        }
    }

    /** Queues the users' jobs that are not already waiting (or running: it runs again on its own). */
    private void enqueueMissing(UUID accountId, List<String> users) {
        List<String> ids = users.stream().map(user -> new UserSyncJob.Request(accountId, user).instanceId()).toList();
        Set<String> waiting = jobs.queued(UserSyncJob.TASK.getTaskName(), ids);
        Instant now = Instant.now();
        List<TaskInstance<?>> missing = users.stream().map(user -> new UserSyncJob.Request(accountId, user))
                .filter(request -> !waiting.contains(request.instanceId()))
                .<TaskInstance<?>>map(request -> UserSyncJob.TASK.instance(request.instanceId()).data(request)
                        .priority(fairness.priority(accountId, now)).build())
                .toList();
        if (!missing.isEmpty()) {
            // due after the coalescing window: later events for the same user find the job waiting and join it
            scheduler.scheduleBatch(missing, now.plus(properties.coalesceWindow()));
        }
    }
}
