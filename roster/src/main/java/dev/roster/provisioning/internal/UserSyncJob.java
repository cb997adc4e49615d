package dev.roster.provisioning.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.roster.provisioning.OktaUnavailableException;
import dev.roster.provisioning.OktaUserSync;
import dev.roster.provisioning.ProvisioningProperties;

/**
 * The per-user sync job on db-scheduler's durable queue, one instance per (account, Okta user):
 * a user's job already waiting is not queued twice. If an event arrived while the job ran, it runs
 * once more instead of finishing.
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

    @Bean
    CustomTask<Request> oktaUserSyncTask(UserSyncService sync, UserSyncState state, ProvisioningProperties properties) {
        return Tasks.custom(TASK)
                .onFailure(FailureHandler.<Request>maxRetries(properties.jobRetries())
                        .withBackoff(properties.jobRetryDelay(), 3.0)
                        .thenRemove(ignored -> log.warn("A per-user Okta sync gave up after {} attempts; the next"
                                + " reconciliation will heal it", properties.jobRetries())))
                .execute((instance, context) -> runOnce(instance.getData(), sync, state)
                        ? (CompletionHandler<Request>) (complete, ops) -> ops.reschedule(complete, Instant.now())
                        : new CompletionHandler.OnCompleteRemove<>());
    }

    /**
     * Syncs the user once; true when a newer request arrived while Okta was being read, so the
     * job must run again rather than finish (the event may describe a change this read missed).
     */
    static boolean runOnce(Request request, OktaUserSync sync, UserSyncState state) {
        long before = state.requested(request.accountId(), request.oktaUserId());
        try {
            sync.syncUser(request.accountId(), request.oktaUserId());
        } catch (OktaUnavailableException e) {
            state.done(request.accountId(), request.oktaUserId(), "Failed", e.getMessage());
            throw e;
        }
        return state.requested(request.accountId(), request.oktaUserId()) != before;
    }
}
