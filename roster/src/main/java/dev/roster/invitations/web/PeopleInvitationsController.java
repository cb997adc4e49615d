package dev.roster.invitations.web;

import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.roster.accounts.AccountContext;
import dev.roster.common.InvalidInputException;
import dev.roster.common.NotFoundException;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.invitations.Invitations;
import dev.roster.okta.OktaConnections;
import dev.roster.provisioning.OktaUnavailableException;
import dev.roster.provisioning.PersonSync;
import dev.roster.provisioning.SyncOutcome;

/**
 * The Individuals pages' buttons that are not the directory's own: invite or resend for one person,
 * "invite all shown" for the list's filter, and "sync this person now". Each answers with a
 * redirect back and a one-line notice.
 */
@Controller
@RequestMapping("/a/{key}/people")
class PeopleInvitationsController {

    private final Invitations invitations;
    private final People people;
    private final PersonSync personSync;
    private final OktaConnections connections;

    PeopleInvitationsController(Invitations invitations, People people, PersonSync personSync,
            OktaConnections connections) {
        this.invitations = invitations;
        this.people = people;
        this.personSync = personSync;
        this.connections = connections;
    }

    @PostMapping("/{personId}/invite")
    String invite(AccountContext ctx, @PathVariable UUID personId, RedirectAttributes flash) {
        ctx.requireAdmin();
        try {
            invitations.invite(ctx.accountId(), personId);
            flash.addFlashAttribute("invitationNotice", "The invitation email is on its way.");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("invitationProblem", "Not sent: the person " + e.problems().get(0).message() + ".");
        }
        return "redirect:/a/" + ctx.account().key() + "/people/" + personId;
    }

    @PostMapping("/invite")
    String inviteAll(AccountContext ctx, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) UUID team,
            RedirectAttributes flash) {
        ctx.requireAdmin();
        PersonStatus statusFilter = statusFilter(status);
        int queued = invitations.inviteAll(ctx.accountId(), new PeopleQuery(q, null, statusFilter, team, null));
        flash.addFlashAttribute("invitationNotice", queued == 1 ? "1 invitation email is on its way."
                : queued + " invitation emails are on their way.");
        return "redirect:" + UriComponentsBuilder.fromPath("/a/{key}/people")
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status).filter(s -> !s.isBlank()))
                .queryParamIfPresent("team", java.util.Optional.ofNullable(team))
                .buildAndExpand(ctx.account().key()).encode().toUriString();
    }

    @PostMapping("/{personId}/sync")
    String sync(AccountContext ctx, @PathVariable UUID personId, RedirectAttributes flash) {
        ctx.requireAdmin();
        people.require(ctx.accountId(), personId); // another account's id: 404 before anything else
        if (connections.find(ctx.accountId()).isEmpty()) {
            flash.addFlashAttribute("syncProblem", "Nothing synced: this account is not connected to Okta yet"
                    + " (see the Okta page).");
            return "redirect:/a/" + ctx.account().key() + "/people/" + personId;
        }
        try {
            SyncOutcome outcome = personSync.syncNow(ctx.accountId(), personId);
            flash.addFlashAttribute(outcome instanceof SyncOutcome.Conflict ? "syncProblem" : "syncNotice",
                    describe(outcome));
        } catch (OktaUnavailableException e) {
            flash.addFlashAttribute("syncProblem", "Okta could not be reached, so nothing changed: "
                    + e.getMessage() + " Try again in a moment, or check the Okta page.");
        } catch (NotFoundException e) {
            flash.addFlashAttribute("syncProblem", "Nothing synced: " + e.getMessage());
        }
        return "redirect:/a/" + ctx.account().key() + "/people/" + personId;
    }

    static String describe(SyncOutcome outcome) {
        if (outcome instanceof SyncOutcome.Created) {
            return "Synced from Okta: created.";
        } else if (outcome instanceof SyncOutcome.Updated u) {
            return "Synced from Okta: updated " + u.changes().stream().map(SyncOutcome.FieldChange::field)
                    .collect(Collectors.joining(", ")) + ".";
        } else if (outcome instanceof SyncOutcome.Unchanged) {
            return "Synced from Okta: already up to date.";
        } else if (outcome instanceof SyncOutcome.Deactivated d) {
            return "Synced from Okta: deactivated (" + d.reason() + ").";
        } else if (outcome instanceof SyncOutcome.Reactivated) {
            return "Synced from Okta: reactivated.";
        } else if (outcome instanceof SyncOutcome.Conflict c) {
            return "Not synced: " + c.reason() + ".";
        } else if (outcome instanceof SyncOutcome.Skipped s) {
            return "Nothing to sync: " + s.reason() + ".";
        }
        return "Synced from Okta.";
    }

    /** The list's status filter from the query string: an unknown one is the caller's mistake (400), not ours. */
    private static PersonStatus statusFilter(String status) {
        try {
            return status == null || status.isBlank() ? null : PersonStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown status filter.");
        }
    }
}
