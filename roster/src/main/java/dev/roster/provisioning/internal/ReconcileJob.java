package dev.roster.provisioning.internal;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.roster.provisioning.ProvisioningProperties;

/**
 * Reconciliation on the job queue, one task instance per run. Runs of one account never overlap:
 * a new run is only created when none is queued or running (see {@link ReconcileQueue}). A run
 * whose instance died is picked up again by another (db-scheduler revives dead executions) and
 * restarts its listing. At most {@code reconcileConcurrency} runs at once per instance, below hook
 * jobs in priority.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileJob {

    static final TaskDescriptor<Request> TASK = TaskDescriptor.of("okta-reconcile", Request.class);

    record Request(UUID accountId, UUID runId) implements Serializable {
    }

    /** Below hook jobs: when workers are scarce, a person's change waits less than a nightly run. */
    static final int PRIORITY = Priority.LOW;

    /** A run waiting for a free reconciliation slot on this instance looks again after this. */
    static final Duration WAIT_FOR_SLOT = Duration.ofSeconds(5);

    @Bean
    CustomTask<Request> oktaReconcileTask(ReconciliationRunner runner, ProvisioningProperties properties) {
        Semaphore slots = new Semaphore(properties.reconcileConcurrency());
        return Tasks.custom(TASK)
                .defaultPriority(PRIORITY)
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    if (!slots.tryAcquire()) {
                        // this instance runs its share of reconciliations: the workers stay free for hook jobs
                        return (complete, ops) -> ops.reschedule(complete, Instant.now().plus(WAIT_FOR_SLOT));
                    }
                    try {
                        runner.run(instance.getData().accountId(), instance.getData().runId());
                    } finally {
                        slots.release();
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    /** Every instance checks, now and then, whose daily run is due; the queue keeps each run single. */
    @Bean
    RecurringTask<Void> oktaReconcileDispatchTask(@Lazy ReconcileSchedule schedule, ProvisioningProperties properties) {
        return Tasks.recurring("okta-reconcile-dispatch", FixedDelay.of(properties.scheduleCheck()))
                .execute((instance, context) -> schedule.dispatch());
    }

    static boolean enqueue(SchedulerClient scheduler, UUID accountId, UUID runId) {
        return scheduler.scheduleIfNotExists(TASK.instance(accountId + ":" + runId).data(new Request(accountId, runId))
                .priority(PRIORITY).build(), Instant.now());
    }
}
