package dev.roster.directory.web;

import org.springframework.stereotype.Component;

import dev.roster.directory.Invitation;
import dev.roster.directory.PersonStatus;

/**
 * The words the pages use for a person's status and invitation (templates call
 * {@code @personLabels}). The API keeps its wire names; on a page "invited" next to an invitation
 * "none" reads as a contradiction, so the status says what it means: not signed in yet.
 */
@Component("personLabels")
public class PersonLabels {

    public String status(PersonStatus status) {
        return status == PersonStatus.INVITED ? "not signed in yet" : status.wireName();
    }

    public String invitation(Invitation invitation) {
        return switch (invitation) {
            case NONE -> "not sent";
            case PENDING -> "queued";
            default -> invitation.wireName();
        };
    }
}
