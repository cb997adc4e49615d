package dev.roster.provisioning.hooks;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.Accounts;
import dev.roster.common.ApiProblems;
import dev.roster.common.NotFoundException;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;

/**
 * The account's Okta event hook URL. Thin on purpose: authenticate, parse, store, answer — no call
 * to Okta and no directory write on this thread, since Okta gives up after 3 seconds.
 */
@RestController
@RequestMapping("/hooks/okta/{key}")
class OktaHookController {

    private static final Logger log = LoggerFactory.getLogger(OktaHookController.class);

    private final Accounts accounts;
    private final OktaConnections connections;
    private final HookInbox inbox;

    OktaHookController(Accounts accounts, OktaConnections connections, HookInbox inbox) {
        this.accounts = accounts;
        this.connections = connections;
        this.inbox = inbox;
    }

    /** Okta's one-time verification: echo the challenge. */
    @GetMapping
    ResponseEntity<?> verify(@PathVariable String key,
            @RequestHeader(name = "X-Okta-Verification-Challenge", required = false) String challenge) {
        connection(key);
        if (challenge == null || challenge.isBlank() || challenge.length() > 1000) {
            return ResponseEntity.badRequest().body(ApiProblems.problem(HttpStatus.BAD_REQUEST,
                    "Missing challenge", "Okta's verification sends the X-Okta-Verification-Challenge header."));
        }
        return ResponseEntity.ok(Map.of("verification", challenge));
    }

    @PostMapping
    ResponseEntity<?> deliver(@PathVariable String key, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        OktaConnection connection = connection(key);
        if (!connection.hookSecret().readable()) {
            // Not a 5xx: Okta's one retry would meet the same key, and a 4xx is never retried. The event
            // waits for the daily reconciliation; SecretBox has logged the cause once, the Okta page shows it.
            return problem(HttpStatus.UNAUTHORIZED, "Hook secret unreadable",
                    "This Roster instance cannot decrypt the account's hook secret (it was written with another"
                            + " secrets key), so it cannot authenticate deliveries. See the account's Okta page.");
        }
        if (!connection.hookSecret().matches(request.getHeader(connection.hookHeaderName()))) {
            return problem(HttpStatus.UNAUTHORIZED, "Wrong hook secret",
                    "Send the secret Roster generated in the " + connection.hookHeaderName() + " header.");
        }
        HookDelivery delivery;
        try {
            delivery = HookDeliveryParser.parse(body == null ? new byte[0] : body);
        } catch (HookDeliveryParser.Malformed e) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed event hook delivery", e.getMessage());
        }
        HookInbox.Outcome outcome = inbox.accept(connection, delivery);
        if (outcome instanceof HookInbox.Outcome.Retry retry) {
            // Okta retries once on a 5xx; that retry lands on the stored copy and is deduplicated.
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Delivery not stored yet",
                    "Retry this delivery (" + retry.reason() + ").");
        }
        log.debug("Hook delivery for {}: {}", key, outcome);
        return ResponseEntity.noContent().build();
    }

    private OktaConnection connection(String key) {
        return accounts.byKey(key).flatMap(account -> connections.find(account.id()))
                .orElseThrow(() -> new NotFoundException("No Okta connection for this account."));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(ApiProblems.problem(status, title, detail));
    }
}
