package dev.roster.invitations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.invitations.InvitationsProperties;
import dev.roster.invitations.internal.InvitationRepository.RequestedBy;
import dev.roster.invitations.internal.InvitationRepository.Row;

/**
 * Finds the people provisioning created with a pending invitation and queues their emails. It
 * polls because provisioning writes people in batches without telling anyone; a person already
 * queued is skipped, and one already sent (a sync wrote the old state back) is repaired. A wanted
 * email whose job is gone without giving up (the person was deactivated meanwhile, or a request
 * raced a finishing job) is queued again.
 */
@Component
class PendingDispatcher {

    private static final int PAGE = 500;

    private final DirectorySync directory;
    private final InvitationRepository invitations;
    private final InvitationQueue queue;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final InvitationsProperties properties;

    PendingDispatcher(DirectorySync directory, InvitationRepository invitations, InvitationQueue queue,
            ObjectProvider<JavaMailSender> mailSender, InvitationsProperties properties) {
        this.directory = directory;
        this.invitations = invitations;
        this.queue = queue;
        this.mailSender = mailSender;
        this.properties = properties;
    }

    /** Returns how many people it queued. Without an SMTP server pending people simply wait. */
    int dispatch() {
        if (mailSender.getIfAvailable() == null) {
            return 0;
        }
        int queued = 0;
        UUID after = null;
        List<PersonView> page;
        do {
            page = directory.withInvitation(Invitation.PENDING, after, PAGE);
            Map<UUID, List<PersonView>> byAccount = page.stream()
                    .filter(v -> v.person().status() != PersonStatus.DEACTIVATED)
                    .collect(Collectors.groupingBy(v -> v.person().accountId()));
            for (Map.Entry<UUID, List<PersonView>> account : byAccount.entrySet()) {
                queued += dispatch(account.getKey(), account.getValue());
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        return queued;
    }

    private int dispatch(UUID accountId, List<PersonView> pending) {
        Map<UUID, Row> rows = invitations.find(accountId, pending.stream().map(PersonView::id).toList());
        List<UUID> toQueue = new ArrayList<>();
        List<UUID> wanted = new ArrayList<>();
        for (PersonView view : pending) {
            Row row = rows.get(view.id());
            if (row == null) {
                toQueue.add(view.id());
            } else if (row.delivery().acceptedAt() != null) {
                directory.setInvitation(accountId, List.of(view.id()), Invitation.ACCEPTED);
            } else if (!row.delivery().waiting()) {
                directory.setInvitation(accountId, List.of(view.id()), Invitation.SENT);
            } else if (row.delivery().attempts() < properties.maxAttempts()) {
                wanted.add(view.id());
            }
        }
        Set<UUID> queued = queue.withQueuedJob(wanted);
        wanted.stream().filter(id -> !queued.contains(id)).forEach(toQueue::add);
        queue.request(accountId, toQueue, RequestedBy.PROVISIONING, null);
        return toQueue.size();
    }
}
