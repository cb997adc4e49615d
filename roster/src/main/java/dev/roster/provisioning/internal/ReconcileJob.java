package dev.roster.provisioning.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.roster.provisioning.ProvisioningProperties;

/**
 * Reconciliation on the job queue, one task instance per run. Runs of one account never overlap:
 * a new run is only created when none is queued or running (see {@link ReconcileQueue}). A run
 * whose instance died is picked up again by another (db-scheduler revives dead executions) and
 * restarts its listing.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileJob {

    static final TaskDescriptor<Request> TASK = TaskDescriptor.of("okta-reconcile", Request.class);

    record Request(UUID accountId, UUID runId) implements Serializable {
    }

    @Bean
    OneTimeTask<Request> oktaReconcileTask(ReconciliationRunner runner) {
        return Tasks.oneTime(TASK)
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(instance.getData().accountId(), instance.getData().runId()));
    }

    /** Every instance checks, now and then, whose daily run is due; the queue keeps each run single. */
    @Bean
    RecurringTask<Void> oktaReconcileDispatchTask(@Lazy ReconcileSchedule schedule, ProvisioningProperties properties) {
        return Tasks.recurring("okta-reconcile-dispatch", FixedDelay.of(properties.scheduleCheck()))
                .execute((instance, context) -> schedule.dispatch());
    }

    static boolean enqueue(SchedulerClient scheduler, UUID accountId, UUID runId) {
        return scheduler.scheduleIfNotExists(TASK.instance(accountId + ":" + runId).data(new Request(accountId, runId))
                .build(), Instant.now());
    }
}
