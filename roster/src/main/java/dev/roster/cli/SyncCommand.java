package dev.roster.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.roster.accounts.Account;
import dev.roster.provisioning.DryRun;
import dev.roster.provisioning.ForegroundReconciliation;
import dev.roster.provisioning.ForegroundReconciliation.Busy;
import dev.roster.provisioning.ForegroundReconciliation.NotReady;
import dev.roster.provisioning.ForegroundReconciliation.PreviewFailed;
import dev.roster.provisioning.ForegroundReconciliation.PreviewOutcome;
import dev.roster.provisioning.ForegroundReconciliation.Previewed;
import dev.roster.provisioning.ForegroundReconciliation.Ran;
import dev.roster.provisioning.ForegroundReconciliation.RunOutcome;
import dev.roster.provisioning.SyncRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/** {@code roster sync --account KEY [--dry-run]}: a full reconciliation in the foreground, or its preview. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = { "Runs a full reconciliation of the account now, in this process, and prints its summary. "
                + "It is recorded like a run started on the Okta page; a held run is approved or rejected there.",
                "With --dry-run, lists Okta and prints every change the run would make, writing nothing." })
class SyncCommand implements Callable<Integer> {

    /** How the changes read, in this order. */
    private static final Map<String, String> VERBS = Map.of("created", "create", "updated", "update",
            "reactivated", "reactivate", "deactivated", "deactivate", "held", "hold", "failed", "error",
            "unchanged", "warning");
    private static final List<String> ORDER = List.of("created", "updated", "reactivated", "deactivated", "held",
            "failed", "unchanged");
    private static final Duration LINE_EVERY = Duration.ofSeconds(5);

    /** The {@code --dry-run --json} shape. */
    record DryRunJson(boolean wouldHold, DryRun dryRun) {
    }

    @Mixin
    AccountOption account;

    @Option(names = "--dry-run", description = "print what the run would change; write nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print the run (or the dry run and its changes) as JSON")
    boolean json;

    @Option(names = "--no-progress", description = "no progress on stderr")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    private final Beans beans;
    private final boolean terminal;

    SyncCommand(Beans beans, boolean terminal) {
        this.beans = beans;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Account found = account.find(beans, err).orElse(null);
        if (found == null) {
            return ExitCode.UNKNOWN_ACCOUNT.code;
        }
        ProgressDisplay progress = new ProgressDisplay(err, terminal, LINE_EVERY);
        ForegroundReconciliation reconciliation = beans.get(ForegroundReconciliation.class);
        long started = System.nanoTime();
        if (dryRun) {
            PreviewOutcome outcome = reconciliation.dryRun(found.id(), noProgress ? p -> { } : progress);
            progress.finish();
            return previewed(found, outcome);
        }
        RunOutcome outcome = reconciliation.run(found.id(), noProgress ? p -> { } : progress);
        progress.finish();
        return ran(found, outcome, Duration.ofNanos(System.nanoTime() - started));
    }

    private int ran(Account account, RunOutcome outcome, Duration took) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outcome instanceof NotReady n) {
            err.println("roster: " + n.reason());
            return ExitCode.NOT_READY.code;
        }
        if (outcome instanceof Busy b) {
            err.println("roster: a run of " + account.key() + " is already " + b.active().status() + " (" + b.active().id()
                    + "); try again when it has finished");
            return ExitCode.BUSY.code;
        }
        SyncRun run = ((Ran) outcome).run();
        if (json) {
            out.println(beans.get(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(run));
        } else {
            out.printf("Run %s of %s %s in %.1f s.%n", run.id(), account.key(), run.status(), took.toMillis() / 1000.0);
            out.println("  " + listing(run.listed(), run.pages(), run.rateLimitWaits()));
            out.println("  " + counts(run.counts()));
            if (run.error() != null) {
                out.println("  " + run.error());
            }
            if (run.status().equals("held")) {
                out.println("  Approve or reject it on /a/" + account.key() + "/okta/runs/" + run.id()
                        + " or with POST /api/v1/accounts/" + account.key() + "/okta/sync-runs/" + run.id() + "/approve");
            }
        }
        return switch (run.status()) {
            case "succeeded" -> ExitCode.OK.code;
            case "held" -> ExitCode.HELD.code;
            default -> ExitCode.FAILED.code;
        };
    }

    private int previewed(Account account, PreviewOutcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outcome instanceof NotReady n) {
            err.println("roster: " + n.reason());
            return ExitCode.NOT_READY.code;
        }
        if (outcome instanceof PreviewFailed f) {
            err.println("roster: Okta could not be listed: " + f.error());
            return ExitCode.FAILED.code;
        }
        DryRun dry = ((Previewed) outcome).dryRun();
        if (json) {
            out.println(beans.get(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(
                    new DryRunJson(dry.wouldHold(), dry)));
        } else {
            out.println("Dry run of " + account.key() + ": nothing was written.");
            changes(dry.changes(), out);
            out.println("  " + listing(dry.listed(), dry.pages(), dry.rateLimitWaits()));
            out.println("  would: " + counts(dry.counts()));
            if (dry.wouldHold()) {
                out.println("  The run would be held: " + dry.unlisted() + " people are no longer assigned, more than"
                        + " the threshold of " + dry.threshold() + "; nobody would be deactivated until an admin approves.");
            }
        }
        return dry.wouldHold() ? ExitCode.HELD.code : ExitCode.OK.code;
    }

    private static void changes(List<DryRun.Change> changes, PrintWriter out) {
        List<DryRun.Change> sorted = changes.stream().sorted(Comparator
                .comparingInt((DryRun.Change c) -> ORDER.indexOf(c.kind()))
                .thenComparing(c -> c.who() == null ? "" : c.who())).toList();
        for (DryRun.Change c : sorted) {
            String detail = c.error() != null ? c.error() : c.changes() == null ? "" : c.changes();
            out.println(String.format("  %-10s  %-20s  %-32s  %s", VERBS.getOrDefault(c.kind(), c.kind()),
                    c.oktaUserId() == null ? "-" : c.oktaUserId(), c.who() == null ? "-" : c.who(), detail)
                    .stripTrailing());
        }
    }

    private static String listing(int listed, int pages, long waits) {
        return String.format("listed %,d people on %,d %s, %,d rate-limit %s", listed, pages,
                pages == 1 ? "page" : "pages", waits, waits == 1 ? "wait" : "waits");
    }

    private static String counts(SyncRun.Counts c) {
        return String.format("created %d, updated %d, deactivated %d, reactivated %d, unchanged %d, errors %d",
                c.created(), c.updated(), c.deactivated(), c.reactivated(), c.unchanged(), c.failed());
    }
}
