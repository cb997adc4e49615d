package dev.roster.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.roster.accounts.Account;
import dev.roster.okta.OktaConnections;
import dev.roster.provisioning.ConnectionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/** {@code roster check --account KEY}: the Okta page's "Test connection", in a terminal. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Checks the account's Okta setup piece by piece and prints the fix for each failure.")
class CheckCommand implements Callable<Integer> {

    @Mixin
    AccountOption account;

    @Option(names = "--json", description = "print the checks as a JSON array")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Beans beans;

    CheckCommand(Beans beans) {
        this.beans = beans;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Account found = account.find(beans, err).orElse(null);
        if (found == null) {
            return ExitCode.UNKNOWN_ACCOUNT.code;
        }
        if (beans.get(OktaConnections.class).find(found.id()).isEmpty()) {
            err.println("roster: " + found.key() + " has no Okta connection yet; save one on /a/" + found.key()
                    + "/okta first");
            return ExitCode.NOT_READY.code;
        }
        List<ConnectionCheck.Check> checks = beans.get(ConnectionCheck.class).run(found.id());
        long passed = checks.stream().filter(ConnectionCheck.Check::ok).count();
        if (json) {
            out.println(beans.get(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(checks));
        } else {
            int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(0);
            for (ConnectionCheck.Check c : checks) {
                out.println((c.ok() ? "PASS  " : "FAIL  ") + c.name() + " ".repeat(width - c.name().length() + 2)
                        + (c.detail() == null ? "" : c.detail()));
                if (!c.ok() && c.fix() != null) {
                    out.println("      fix: " + c.fix());
                }
            }
            out.println(passed + " of " + checks.size() + " checks passed.");
        }
        return passed == checks.size() ? ExitCode.OK.code : ExitCode.FAILED.code;
    }
}
