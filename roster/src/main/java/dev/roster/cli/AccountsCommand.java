package dev.roster.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.SyncRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/** {@code roster accounts}: one line per account. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Lists the accounts: Okta connected, provisioning on, people, and the last reconciliation.")
class AccountsCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    /** One account as the command shows it; also the {@code --json} shape. */
    record Row(String key, String name, boolean oktaConnected, boolean provisioning, long people, LastRun lastRun) {
    }

    record LastRun(UUID id, String status, String trigger, Instant createdAt, Instant finishedAt,
            SyncRun.Counts counts, String error) {
    }

    @Option(names = "--json", description = "print a JSON array instead of a table")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Beans beans;

    AccountsCommand(Beans beans) {
        this.beans = beans;
    }

    @Override
    public Integer call() {
        List<Row> rows = beans.get(Accounts.class).all().stream().map(this::row).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(beans.get(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        } else {
            table(rows, out);
        }
        return ExitCode.OK.code;
    }

    private Row row(Account account) {
        OktaConnection okta = beans.get(OktaConnections.class).find(account.id()).orElse(null);
        long people = beans.get(People.class).search(account.id(), PeopleQuery.all(), PageRequest.of(0, 1)).total();
        LastRun last = beans.get(SyncRuns.class).page(account.id(), 0, 1).items().stream()
                .map(r -> new LastRun(r.id(), r.status(), r.trigger(), r.createdAt(), r.finishedAt(), r.counts(),
                        r.error()))
                .findFirst().orElse(null);
        return new Row(account.key(), account.name(), okta != null, okta != null && okta.provisioningEnabled(), people,
                last);
    }

    private static void table(List<Row> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("No accounts yet.");
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] { "KEY", "NAME", "OKTA", "PROVISIONING", "PEOPLE", "LAST RUN" });
        for (Row r : rows) {
            lines.add(new String[] { r.key(), r.name(), r.oktaConnected() ? "connected" : "-",
                    r.provisioning() ? "on" : "off", String.valueOf(r.people()), lastRun(r.lastRun()) });
        }
        int[] widths = new int[6];
        lines.forEach(l -> {
            for (int i = 0; i < l.length; i++) {
                widths[i] = Math.max(widths[i], l[i].length());
            }
        });
        for (String[] l : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < l.length; i++) {
                boolean number = i == 4;
                String cell = number ? " ".repeat(widths[i] - l[i].length()) + l[i] : l[i];
                text.append(cell).append(i == l.length - 1 ? "" : " ".repeat(widths[i] - cell.length() + 2));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private static String lastRun(LastRun run) {
        if (run == null) {
            return "never";
        }
        Instant when = run.finishedAt() != null ? run.finishedAt() : run.createdAt();
        return WHEN.format(when) + " " + run.status();
    }
}
