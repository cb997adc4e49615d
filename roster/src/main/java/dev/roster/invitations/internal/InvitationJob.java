package dev.roster.invitations.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.DbSchedulerException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.roster.invitations.InvitationsProperties;

/**
 * The invitation email job on db-scheduler's durable queue, one instance per person: asking twice
 * while one waits queues nothing more, and the job itself checks the person's state before
 * sending. SMTP failures are retried with doubling waits. A recurring dispatcher queues the
 * people provisioning created with a pending invitation.
 */
@Configuration(proxyBeanMethods = false)
class InvitationJob {

    private static final Logger log = LoggerFactory.getLogger(InvitationJob.class);

    static final TaskDescriptor<Request> TASK = TaskDescriptor.of("invitation-email", Request.class);

    /** The job's data; {@code baseUrl} is the admin's request's, or null for a background request. */
    record Request(UUID accountId, UUID personId, String baseUrl) implements Serializable {
    }

    @Bean
    CustomTask<Request> invitationEmailTask(InvitationSender sender, InvitationsProperties properties) {
        return Tasks.custom(TASK)
                .onFailure(FailureHandler.<Request>maxRetries(properties.maxAttempts() - 1)
                        .withBackoff(properties.retryDelay(), 2.0)
                        .thenRemove(ignored -> log.warn("An invitation email gave up after {} attempts; the error"
                                + " is shown on the person, and an admin can resend it", properties.maxAttempts())))
                .execute((instance, context) -> sender.runOnce(instance.getData())
                        ? (CompletionHandler<Request>) (complete, ops) -> ops.reschedule(complete, Instant.now())
                        : new CompletionHandler.OnCompleteRemove<>());
    }

    @Bean
    RecurringTask<Void> invitationDispatchTask(@Lazy PendingDispatcher dispatcher, InvitationsProperties properties) {
        return Tasks.recurring("invitation-dispatch", FixedDelay.of(properties.dispatchInterval()))
                .execute((instance, context) -> dispatcher.dispatch());
    }

    /**
     * Queues the person's email unless one is already waiting. An admin's request ({@code now})
     * also brings a job waiting for a retry forward: a resend after SMTP came back should not sit
     * out the back-off. Joins the caller's transaction.
     */
    static void enqueue(SchedulerClient scheduler, Request request, boolean now) {
        var instance = TASK.instance(request.personId().toString()).data(request).build();
        if (!scheduler.scheduleIfNotExists(instance, Instant.now()) && now) {
            try {
                scheduler.reschedule(instance, Instant.now());
            } catch (TaskInstanceNotFoundException e) {
                scheduler.scheduleIfNotExists(instance, Instant.now()); // it finished a moment ago
            } catch (DbSchedulerException e) {
                // picked meanwhile (running, or updated under us): it runs again when it sees the newer request
            }
        }
    }
}
