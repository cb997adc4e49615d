package dev.roster.invitations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.roster.common.JobQueue;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.invitations.internal.InvitationJob.Request;
import dev.roster.invitations.internal.InvitationRepository.RequestedBy;

/** Records that people's emails are wanted and queues their jobs, in one transaction per batch. */
@Component
public class InvitationQueue {

    /** People per transaction: a bulk invite of thousands does not hold one long transaction. */
    private static final int CHUNK = 500;

    private final InvitationRepository invitations;
    private final DirectorySync directory;
    private final SchedulerClient scheduler;
    private final JobQueue jobs;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InvitationQueue(InvitationRepository invitations, DirectorySync directory, @Lazy SchedulerClient scheduler,
            JobQueue jobs, TransactionTemplate transaction, Clock clock) {
        this.invitations = invitations;
        this.directory = directory;
        this.scheduler = scheduler;
        this.jobs = jobs;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Of these people, those whose email job is on the queue (waiting, retrying or running). */
    public Set<UUID> withQueuedJob(Collection<UUID> personIds) {
        return jobs.queued(InvitationJob.TASK.getTaskName(), personIds.stream().map(UUID::toString).toList())
                .stream().map(UUID::fromString).collect(Collectors.toSet());
    }

    /** Queues these people of one account; their invitation shows as pending until it is sent. */
    public void request(UUID accountId, Collection<UUID> personIds, RequestedBy by, String baseUrl) {
        List<UUID> all = List.copyOf(personIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Instant now = Instant.now(clock);
            transaction.executeWithoutResult(status -> {
                if (by == RequestedBy.ADMIN) {
                    directory.setInvitation(accountId, chunk, Invitation.PENDING);
                }
                for (UUID personId : chunk) {
                    invitations.request(accountId, personId, by, now);
                    InvitationJob.enqueue(scheduler, new Request(accountId, personId, baseUrl), by == RequestedBy.ADMIN);
                }
            });
        }
    }
}
