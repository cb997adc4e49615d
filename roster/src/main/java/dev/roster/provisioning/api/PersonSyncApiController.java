package dev.roster.provisioning.api;

import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.AccountContext;
import dev.roster.provisioning.PersonSync;
import dev.roster.provisioning.SyncOutcome;

/** {@code POST /api/v1/accounts/{key}/people/{id}/sync}: refresh one person from Okta now. */
@RestController
class PersonSyncApiController {

    private final PersonSync personSync;

    PersonSyncApiController(PersonSync personSync) {
        this.personSync = personSync;
    }

    @PostMapping("/api/v1/accounts/{key}/people/{personId}/sync")
    Map<String, Object> sync(AccountContext ctx, @PathVariable UUID personId) {
        ctx.requireAdmin();
        SyncOutcome outcome = personSync.syncNow(ctx.accountId(), personId);
        return OutcomeJson.of(outcome);
    }
}
