package dev.roster.invitations;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.roster.common.InvalidInputException;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.invitations.internal.InvitationQueue;
import dev.roster.invitations.internal.InvitationRepository;
import dev.roster.invitations.internal.InvitationRepository.RequestedBy;
import dev.roster.invitations.internal.LinkBase;

/** Inviting people by email: one person (invite or resend), or everyone a filter selects. */
@Service
public class Invitations {

    /** Whom "invite all" reaches: people not signed in yet whose email has not gone out. */
    private static final Set<Invitation> BULK = EnumSet.of(Invitation.NONE, Invitation.WITHHELD, Invitation.PENDING);

    private final People people;
    private final DirectorySync directory;
    private final InvitationRepository repository;
    private final InvitationQueue queue;
    private final LinkBase linkBase;

    Invitations(People people, DirectorySync directory, InvitationRepository repository, InvitationQueue queue,
            LinkBase linkBase) {
        this.people = people;
        this.directory = directory;
        this.repository = repository;
        this.queue = queue;
        this.linkBase = linkBase;
    }

    /** Queues this person's invitation, or a new one (resend); another account's id is a 404. */
    public void invite(UUID accountId, UUID personId) {
        Person person = people.require(accountId, personId).person();
        if (person.status() == PersonStatus.DEACTIVATED) {
            throw InvalidInputException.of("person", "is deactivated; reactivate them first");
        }
        if (person.status() == PersonStatus.ACTIVE) {
            throw InvalidInputException.of("person", "has already signed in");
        }
        if (person.invitation() == Invitation.ACCEPTED) {
            throw InvalidInputException.of("person", "has already accepted their invitation");
        }
        queue.request(accountId, List.of(personId), RequestedBy.ADMIN, linkBase.ofCurrentRequest());
    }

    /**
     * Queues the invitations of everyone the filter selects who is still invited and was not sent
     * one yet (those already sent need an explicit resend); returns how many were queued.
     */
    public int inviteAll(UUID accountId, PeopleQuery query) {
        List<UUID> ids = selectsNobody(query) ? List.of()
                : directory.idsWithInvitation(accountId, invitedOnly(query), BULK);
        queue.request(accountId, ids, RequestedBy.ADMIN, linkBase.ofCurrentRequest());
        return ids.size();
    }

    /** How many people "invite all" would reach with this filter. */
    public long countInvitable(UUID accountId, PeopleQuery query) {
        return selectsNobody(query) ? 0 : directory.countWithInvitation(accountId, invitedOnly(query), BULK);
    }

    public Optional<InvitationDelivery> delivery(UUID accountId, UUID personId) {
        return repository.find(accountId, personId).map(InvitationRepository.Row::delivery);
    }

    private static PeopleQuery invitedOnly(PeopleQuery query) {
        return new PeopleQuery(query.text(), query.email(), PersonStatus.INVITED, query.teamId(), query.oktaId());
    }

    private static boolean selectsNobody(PeopleQuery query) {
        return query.status() != null && query.status() != PersonStatus.INVITED;
    }
}
