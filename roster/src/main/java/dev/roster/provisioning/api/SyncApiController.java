package dev.roster.provisioning.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.roster.accounts.AccountContext;
import dev.roster.common.NotFoundException;
import dev.roster.common.PageOf;
import dev.roster.common.PageRequest;
import dev.roster.provisioning.ConnectionCheck;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.SyncRuns;

/** {@code /api/v1/accounts/{key}/okta/sync…}: start a reconciliation, follow it, decide on held runs. */
@RestController
@RequestMapping("/api/v1/accounts/{key}/okta")
class SyncApiController {

    record RunResource(UUID id, String status, String trigger, Instant createdAt, Instant startedAt,
            Instant finishedAt, Map<String, Integer> counts, int pages, int listed, int held, int rateLimitWaits,
            String error) {

        static RunResource of(SyncRun run) {
            SyncRun.Counts c = run.counts();
            return new RunResource(run.id(), run.status(), run.trigger(), run.createdAt(), run.startedAt(),
                    run.finishedAt(), Map.of("created", c.created(), "updated", c.updated(), "unchanged",
                            c.unchanged(), "deactivated", c.deactivated(), "reactivated", c.reactivated(),
                            "failed", c.failed()),
                    run.pages(), run.listed(), run.heldCount(), run.rateLimitWaits(), run.error());
        }
    }

    private final SyncRuns runs;
    private final ConnectionCheck check;

    SyncApiController(SyncRuns runs, ConnectionCheck check) {
        this.runs = runs;
        this.check = check;
    }

    /** Test connection: each piece of the Okta setup checked on its own, with the fix for each failure. */
    @PostMapping("/test")
    List<ConnectionCheck.Check> test(AccountContext ctx) {
        ctx.requireAdmin();
        return check.run(ctx.accountId());
    }

    @PostMapping("/sync")
    ResponseEntity<RunResource> start(AccountContext ctx) {
        ctx.requireAdmin();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(RunResource.of(runs.start(ctx.accountId(), "api")));
    }

    @GetMapping("/sync-runs")
    PageOf<RunResource> list(AccountContext ctx, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        ctx.requireAdmin();
        PageRequest request = PageRequest.of(page, size == null ? 20 : size);
        return runs.page(ctx.accountId(), request.page(), request.size()).map(RunResource::of);
    }

    @GetMapping("/sync-runs/{runId}")
    RunResource read(AccountContext ctx, @PathVariable UUID runId) {
        ctx.requireAdmin();
        return RunResource.of(require(ctx, runId));
    }

    /** The people a held run would deactivate. */
    @GetMapping("/sync-runs/{runId}/held")
    Map<String, List<UUID>> held(AccountContext ctx, @PathVariable UUID runId) {
        ctx.requireAdmin();
        return Map.of("personIds", runs.held(ctx.accountId(), runId));
    }

    @PostMapping("/sync-runs/{runId}/approve")
    RunResource approve(AccountContext ctx, @PathVariable UUID runId) {
        ctx.requireAdmin();
        return RunResource.of(runs.approve(ctx.accountId(), runId, ctx.personId()));
    }

    @PostMapping("/sync-runs/{runId}/reject")
    RunResource reject(AccountContext ctx, @PathVariable UUID runId) {
        ctx.requireAdmin();
        return RunResource.of(runs.reject(ctx.accountId(), runId, ctx.personId()));
    }

    private SyncRun require(AccountContext ctx, UUID runId) {
        return runs.find(ctx.accountId(), runId).orElseThrow(() -> new NotFoundException("No such sync run."));
    }
}
