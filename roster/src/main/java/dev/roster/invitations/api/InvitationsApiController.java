package dev.roster.invitations.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.AccountContext;
import dev.roster.common.InvalidInputException;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.invitations.InvitationDelivery;
import dev.roster.invitations.Invitations;

/**
 * Invitations over the JSON API: queue one person's email (invite or resend), queue everyone the
 * people list's filters select, and read where a person's email stands.
 */
@RestController
class InvitationsApiController {

    private final Invitations invitations;
    private final People people;

    InvitationsApiController(Invitations invitations, People people) {
        this.invitations = invitations;
        this.people = people;
    }

    @PostMapping("/api/v1/accounts/{key}/people/{personId}/invite")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> invite(AccountContext ctx, @PathVariable UUID personId) {
        ctx.requireAdmin();
        invitations.invite(ctx.accountId(), personId);
        return Map.of("personId", personId, "invitation", "pending");
    }

    @PostMapping("/api/v1/accounts/{key}/people/invite")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> inviteAll(AccountContext ctx, @RequestParam(required = false) String q,
            @RequestParam(required = false) String email, @RequestParam(required = false) String status,
            @RequestParam(required = false) String oktaId, @RequestParam(required = false) UUID team) {
        ctx.requireAdmin();
        PersonStatus statusFilter = null;
        if (status != null && !status.isBlank()) {
            try {
                statusFilter = PersonStatus.fromWire(status);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("status", "use invited, active or deactivated");
            }
        }
        int queued = invitations.inviteAll(ctx.accountId(), new PeopleQuery(q, email, statusFilter, team, oktaId));
        return Map.of("queued", queued);
    }

    @GetMapping("/api/v1/accounts/{key}/people/{personId}/invitation")
    Map<String, Object> delivery(AccountContext ctx, @PathVariable UUID personId) {
        ctx.requireAdmin();
        var person = people.require(ctx.accountId(), personId).person();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("personId", personId);
        json.put("invitation", person.invitation().wireName());
        InvitationDelivery d = invitations.delivery(ctx.accountId(), personId).orElse(null);
        json.put("requestedAt", d == null ? null : d.requestedAt());
        json.put("sentAt", d == null ? null : d.sentAt());
        json.put("attempts", d == null ? 0 : d.attempts());
        json.put("lastAttemptAt", d == null ? null : d.lastAttemptAt());
        json.put("lastError", d == null ? null : d.lastError());
        json.put("linkExpiresAt", d == null ? null : d.linkExpiresAt());
        json.put("acceptedAt", d == null ? null : d.acceptedAt());
        return json;
    }
}
