package dev.roster.provisioning.web;

import dev.roster.provisioning.OktaEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.roster.accounts.AccountContext;
import dev.roster.common.InvalidInputException;
import dev.roster.common.NotFoundException;
import dev.roster.common.PublicUrl;
import dev.roster.okta.OktaConnection;
import dev.roster.directory.People;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaUrls;
import dev.roster.provisioning.ConnectionCheck;
import dev.roster.provisioning.HookDeliveries;
import dev.roster.provisioning.RunChange;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.SyncRuns;
import dev.roster.provisioning.internal.ReconcileSchedule;
import dev.roster.provisioning.internal.SyncBacklog;

/** The Okta page: connection settings, what to paste into Okta, "Sync users" and the runs. */
@Controller
@RequestMapping("/a/{key}/okta")
class OktaIntegrationController {

    private final OktaConnections connections;
    private final SyncRuns runs;
    private final PublicUrl publicUrl;
    private final People people;
    private final ConnectionCheck check;
    private final HookDeliveries deliveries;
    private final ReconcileSchedule schedule;
    private final SyncBacklog backlog;
    private final Clock clock;

    OktaIntegrationController(OktaConnections connections, SyncRuns runs, PublicUrl publicUrl, People people,
            ConnectionCheck check, HookDeliveries deliveries, ReconcileSchedule schedule, SyncBacklog backlog,
            Clock clock) {
        this.backlog = backlog;
        this.connections = connections;
        this.runs = runs;
        this.publicUrl = publicUrl;
        this.people = people;
        this.check = check;
        this.deliveries = deliveries;
        this.schedule = schedule;
        this.clock = clock;
    }

    @GetMapping
    String page(AccountContext ctx, Model model) {
        ctx.requireAdmin();
        OktaSettingsForm form = connections.find(ctx.accountId()).map(OktaSettingsForm::of).orElseGet(OktaSettingsForm::new);
        return page(ctx, form, List.of(), null, model);
    }

    @PostMapping
    String save(AccountContext ctx, @ModelAttribute("form") OktaSettingsForm form, Model model) {
        ctx.requireAdmin();
        try {
            OktaConnections.Saved saved = connections.save(ctx.accountId(), form.toSettings());
            return page(ctx, OktaSettingsForm.of(saved.connection()), List.of(),
                    saved.newHookSecret() == null ? null : saved.newHookSecret().reveal(), model);
        } catch (InvalidInputException e) {
            return page(ctx, form, e.problems(), null, model);
        }
    }

    /** Post/redirect/get: the results reach the Okta page once, so Back and reload work. */
    @PostMapping("/test")
    String test(AccountContext ctx, RedirectAttributes redirect) {
        ctx.requireAdmin();
        connections.find(ctx.accountId()).orElseThrow(() -> new NotFoundException("Save the connection first."));
        redirect.addFlashAttribute("checks", CheckShown.of(check.run(ctx.accountId())));
        redirect.addFlashAttribute("checkedAt", Instant.now(clock));
        return "redirect:/a/" + ctx.account().key() + "/okta";
    }

    @PostMapping("/hook-secret")
    String rotate(AccountContext ctx, Model model) {
        ctx.requireAdmin();
        String secret = connections.rotateHookSecret(ctx.accountId()).reveal();
        OktaConnection connection = connections.find(ctx.accountId()).orElseThrow();
        return page(ctx, OktaSettingsForm.of(connection), List.of(), secret, model);
    }

    @PostMapping("/sync")
    String sync(AccountContext ctx, Model model) {
        ctx.requireAdmin();
        try {
            SyncRun run = runs.start(ctx.accountId(), "manual");
            return "redirect:/a/" + ctx.account().key() + "/okta/runs/" + run.id();
        } catch (InvalidInputException e) {
            OktaSettingsForm form = connections.find(ctx.accountId()).map(OktaSettingsForm::of)
                    .orElseGet(OktaSettingsForm::new);
            return page(ctx, form, e.problems(), null, model);
        }
    }

    @GetMapping("/runs/{runId}")
    String run(AccountContext ctx, @PathVariable UUID runId, Model model) {
        ctx.requireAdmin();
        SyncRun run = runs.find(ctx.accountId(), runId).orElseThrow(() -> new NotFoundException("No such run."));
        model.addAttribute("ctx", ctx);
        model.addAttribute("run", run);
        List<RunChange> changes = runs.changes(ctx.accountId(), runId);
        List<UUID> held = "held".equals(run.status()) ? runs.held(ctx.accountId(), runId) : List.of();
        Set<UUID> ids = new HashSet<>(held);
        changes.stream().map(RunChange::personId).filter(java.util.Objects::nonNull).forEach(ids::add);
        model.addAttribute("changes", changes);
        model.addAttribute("held", held);
        model.addAttribute("names", people.names(ctx.accountId(), ids));
        return "okta/run";
    }

    /** A run's progress for the run page, which polls it while the run goes on. */
    @GetMapping(path = "/runs/{runId}/progress", produces = "application/json")
    @ResponseBody
    Map<String, Object> progress(AccountContext ctx, @PathVariable UUID runId) {
        ctx.requireAdmin();
        SyncRun run = runs.find(ctx.accountId(), runId).orElseThrow(() -> new NotFoundException("No such run."));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", run.status());
        json.put("finished", run.finished());
        json.put("startedAt", run.startedAt() == null ? "waiting" : run.startedAt().toString());
        json.put("pages", run.pages());
        json.put("listed", run.listed());
        json.put("created", run.counts().created());
        json.put("updated", run.counts().updated());
        json.put("unchanged", run.counts().unchanged());
        json.put("deactivated", run.counts().deactivated());
        json.put("failed", run.counts().failed());
        json.put("rateLimitWaits", run.rateLimitWaits());
        return json;
    }

    @PostMapping("/runs/{runId}/approve")
    String approve(AccountContext ctx, @PathVariable UUID runId) {
        ctx.requireAdmin();
        runs.approve(ctx.accountId(), runId, ctx.personId());
        return "redirect:/a/" + ctx.account().key() + "/okta/runs/" + runId;
    }

    @PostMapping("/runs/{runId}/reject")
    String reject(AccountContext ctx, @PathVariable UUID runId) {
        ctx.requireAdmin();
        runs.reject(ctx.accountId(), runId, ctx.personId());
        return "redirect:/a/" + ctx.account().key() + "/okta/runs/" + runId;
    }

    private String page(AccountContext ctx, OktaSettingsForm form, List<InvalidInputException.FieldProblem> problems,
            String newHookSecret, Model model) {
        OktaUrls urls = OktaUrls.of(publicUrl.base(), ctx.account().key());
        OktaConnection connection = connections.find(ctx.accountId()).orElse(null);
        model.addAttribute("ctx", ctx);
        model.addAttribute("form", form);
        model.addAttribute("connection", connection);
        model.addAttribute("problems", OktaSettingsForm.onForm(problems));
        model.addAttribute("labels", OktaSettingsForm.LABELS);
        model.addAttribute("newHookSecret", newHookSecret);
        model.addAttribute("redirectUri", urls.redirectUri());
        model.addAttribute("signOutRedirectUri", urls.signOutRedirectUri());
        model.addAttribute("initiateLoginUri", urls.initiateLoginUri());
        model.addAttribute("hookUrl", urls.hookUrl());
        model.addAttribute("eventTypes", OktaEvents.SUBSCRIBED);
        model.addAttribute("runs", connection == null ? List.of() : runs.page(ctx.accountId(), 0, 10).items());
        model.addAttribute("deliveries", connection == null ? List.of() : deliveries.latest(ctx.accountId(), 10));
        model.addAttribute("backlog", connection == null ? null : backlog.of(connection));
        Instant nextRun = connection == null ? null
                : schedule.nextDue(ctx.accountId(), connection.syncTimeUtc(), Instant.now(clock));
        model.addAttribute("nextRun", nextRun);
        // the account's own slot: daily runs are spread over a window after the configured time
        model.addAttribute("dailyAt", nextRun == null ? null
                : DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(nextRun) + " UTC");
        return "okta/settings";
    }
}
