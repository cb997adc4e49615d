package dev.roster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.SyncRuns;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TableSnapshot;
import dev.roster.support.TestAccounts.TestAccount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands through the real entry point ({@link RosterCli#run}), in-process with captured
 * stdout and stderr, against an account connected to a simulated org of 12 assigned users.
 */
class RosterCliTests extends LiveServerTest {

    private static final int USERS = 12;

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(USERS).seed(7).rateLimits(false).build());

    @Autowired
    ApplicationContext context;

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    TestAccount acme;
    OktaSimulator sim;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void connect() {
        sim = okta.simulator();
        acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), sim);
    }

    private Result cli(String... args) {
        return cli(false, () -> context, args);
    }

    private Result cli(boolean terminal, Supplier<ApplicationContext> beans, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RosterCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), terminal, beans);
        return new Result(code, out.toString(), err.toString());
    }

    private long activeLinked(UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE account_id = ? AND okta_id IS NOT NULL"
                + " AND status <> 'deactivated'").param(accountId).query(Long.class).single();
    }

    @Test
    void syncWhenNewOrgThenCreatesEveryoneAndExitsZero() {
        Result r = cli("sync", "--account", acme.key());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("of " + acme.key() + " succeeded in")
                .contains("listed 12 people on 1 page, 0 rate-limit waits")
                .contains("created 12, updated 0, deactivated 0, reactivated 0, unchanged 0, errors 0");
        assertThat(r.err()).contains("progress: 12 people, 1 page, 0 rate-limit waits").doesNotContain("\r");
        assertThat(activeLinked(acme.id())).isEqualTo(USERS);
        assertThat(runs.page(acme.id(), 0, 1).items().get(0).trigger()).isEqualTo("cli");
    }

    @Test
    void syncWhenStderrIsTerminalThenBarRedrawnInPlace() {
        cli("sync", "--account", acme.key());
        Result second = cli(true, () -> context, "sync", "--account", acme.key());
        assertThat(second.code()).isEqualTo(0);
        assertThat(second.err()).contains("\r[########################] 100%  12 people, 1 page, 0 rate-limit waits")
                .doesNotContain("progress:");
        assertThat(second.out()).contains("unchanged 12");
    }

    @Test
    void syncWhenAboveThresholdThenHeldExitsFourAndNobodyDeactivated() {
        cli("sync", "--account", acme.key());
        for (int i = 0; i < 5; i++) {
            sim.org().unassign(sim.org().users().get(i).id());
        }
        Result r = cli("sync", "--account", acme.key(), "--no-progress");
        assertThat(r.code()).isEqualTo(ExitCode.HELD.code).isEqualTo(4);
        assertThat(r.out()).contains(" held in ").contains("5 people would be deactivated, more than the threshold of 2")
                .contains("/okta/sync-runs/").contains("/approve");
        assertThat(r.err()).isEmpty();
        assertThat(activeLinked(acme.id())).isEqualTo(USERS);
    }

    @Test
    void syncWhenOktaFailsThenExitsOneWithTheRunsError() {
        sim.faults().errorShare(1.0);
        Result r = cli("sync", "--account", acme.key(), "--no-progress");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(" failed in ").contains("500");
        assertThat(runs.page(acme.id(), 0, 1).items().get(0).status()).isEqualTo("failed");
    }

    @Test
    void syncWhenAnotherRunIsActiveThenExitsSixAndStartsNothing() {
        sim.faults().latency(Duration.ofSeconds(2));
        SyncRun active = runs.start(acme.id(), "api");
        Result r = cli("sync", "--account", acme.key());
        assertThat(r.code()).isEqualTo(6);
        assertThat(r.err()).contains("already").contains(active.id().toString());
        assertThat(runs.page(acme.id(), 0, 10).total()).isEqualTo(1);
        sim.faults().latency(Duration.ZERO);
        OktaFixture.eventually(() -> runs.find(acme.id(), active.id()).orElseThrow().finished());
    }

    @Test
    void syncWhenJsonThenPrintsTheRun() {
        Result r = cli("sync", "--account", acme.key(), "--json", "--no-progress");
        JsonNode run = json.readTree(r.out());
        assertThat(run.path("status").asString()).isEqualTo("succeeded");
        assertThat(run.path("counts").path("created").asInt()).isEqualTo(USERS);
    }

    @Test
    void dryRunWhenOrgChangedThenListsChangesWritesNothingAndRealRunAgrees() {
        cli("sync", "--account", acme.key());
        List<String> ids = sim.org().users().stream().map(u -> u.id()).toList();
        sim.org().updateProfile(ids.get(0), Map.of("city", "Reykjavik"));
        sim.org().unassign(ids.get(1));
        String hire = sim.org().createUser(Map.of("login", "new.hire@example.com", "email", "new.hire@example.com",
                "firstName", "New", "lastName", "Hire"), true, true).id();
        var before = TableSnapshot.of(jdbc, acme.id());

        Result dry = cli("sync", "--account", acme.key(), "--dry-run");

        assertThat(TableSnapshot.of(jdbc, acme.id())).isEqualTo(before);
        assertThat(dry.code()).as(dry.err()).isEqualTo(0);
        assertThat(dry.out()).contains("Dry run of " + acme.key() + ": nothing was written.")
                .containsPattern("create +" + hire + " +new.hire@example.com")
                .containsPattern("update +" + ids.get(0) + " +\\S+ +primaryLocation: .* → Reykjavik")
                .containsPattern("deactivate +" + ids.get(1) + " +\\S+ +no longer assigned to the app in Okta")
                .contains("would: created 1, updated 1, deactivated 1, reactivated 0, unchanged 10, errors 0");
        assertThat(dry.err()).contains("progress: [########################] 100%  12 people, 1 page");

        Result real = cli("sync", "--account", acme.key());
        assertThat(real.out()).contains("created 1, updated 1, deactivated 1, reactivated 0, unchanged 10, errors 0");
    }

    @Test
    void dryRunWhenAboveThresholdThenExitsFourAndSaysTheRunWouldBeHeld() {
        cli("sync", "--account", acme.key());
        for (int i = 0; i < 5; i++) {
            sim.org().unassign(sim.org().users().get(i).id());
        }
        var before = TableSnapshot.of(jdbc, acme.id());
        Result r = cli("sync", "--account", acme.key(), "--dry-run", "--no-progress");
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.out()).contains("The run would be held: 5 people are no longer assigned, more than the threshold of 2")
                .containsPattern("(?m)^  hold ");
        assertThat(TableSnapshot.of(jdbc, acme.id())).isEqualTo(before);
    }

    @Test
    void dryRunWhenJsonThenChangesAndHoldParse() {
        Result r = cli("sync", "--account", acme.key(), "--dry-run", "--json", "--no-progress");
        JsonNode body = json.readTree(r.out());
        assertThat(body.path("wouldHold").asBoolean(true)).isFalse();
        assertThat(body.path("dryRun").path("counts").path("created").asInt()).isEqualTo(USERS);
        assertThat(body.path("dryRun").path("changes")).hasSize(USERS);
        assertThat(activeLinked(acme.id())).isZero();
    }

    @Test
    void accountsWhenSyncedThenRowShowsOktaProvisioningPeopleAndLastRun() {
        cli("sync", "--account", acme.key());
        Result table = cli("accounts");
        assertThat(table.code()).isEqualTo(0);
        assertThat(table.out()).startsWith("KEY").containsPattern(
                "(?m)^" + acme.key() + " +Test " + acme.key() + " +connected +on +13 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ succeeded$");

        JsonNode row = null;
        for (JsonNode node : json.readTree(cli("accounts", "--json").out())) {
            if (node.path("key").asString().equals(acme.key())) {
                row = node;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("oktaConnected").asBoolean()).isTrue();
        assertThat(row.path("provisioning").asBoolean()).isTrue();
        assertThat(row.path("people").asInt()).isEqualTo(USERS + 1);
        assertThat(row.path("lastRun").path("status").asString()).isEqualTo("succeeded");
        assertThat(row.path("lastRun").path("counts").path("created").asInt()).isEqualTo(USERS);
    }

    @Test
    void accountsWhenNoConnectionThenShownAsNotConnectedNeverRun() {
        TestAccount bare = accounts.create();
        assertThat(cli("accounts").out()).containsPattern("(?m)^" + bare.key() + " +Test " + bare.key() + " +- +off +1 +never$");
    }

    @Test
    void checkWhenHookNeverDeliveredThenFailsWithItsFixAndExitsOne() {
        Result r = cli("check", "--account", acme.key());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("PASS  API credentials: read users")
                .containsPattern("FAIL  Event hook +no delivery received yet")
                .contains("      fix: Create the event hook in Okta")
                .containsPattern("\\d of \\d checks passed.");
    }

    @Test
    void checkWhenEverythingRightThenAllPassAndExitsZero() {
        String secret = connections.rotateHookSecret(acme.id()).reveal();
        sim.hooks().registerVerified(baseUrl() + "/hooks/okta/" + acme.key(), OktaFixture.EVENT_TYPES, "Authorization",
                secret);
        sim.org().updateProfile(sim.org().users().get(0).id(), Map.of("city", "Oslo"));
        sim.hooks().awaitIdle(Duration.ofSeconds(5));
        Result r = cli("check", "--account", acme.key());
        assertThat(r.code()).as(r.out()).isEqualTo(0);
        assertThat(r.out()).doesNotContain("FAIL").containsPattern("(\\d) of \\1 checks passed.");
    }

    @Test
    void commandsWhenAccountHasNoConnectionThenExitFive() {
        TestAccount bare = accounts.create();
        assertThat(cli("check", "--account", bare.key()).code()).isEqualTo(5);
        Result sync = cli("sync", "--account", bare.key());
        assertThat(sync.code()).isEqualTo(5);
        assertThat(sync.err()).contains("no Okta connection");
        assertThat(cli("sync", "--account", bare.key(), "--dry-run").code()).isEqualTo(5);
    }

    @Test
    void commandsWhenUnknownAccountThenExitThree() {
        for (String command : List.of("check", "sync")) {
            Result r = cli(command, "--account", "no-such-account");
            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("no account has the key 'no-such-account'");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void commandsWhenUsageWrongThenExitTwoWithoutStartingRoster() {
        Supplier<ApplicationContext> never = () -> {
            throw new AssertionError("a usage error must not start Roster");
        };
        Result missing = cli(false, never, "sync");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option: '--account=KEY'");
        assertThat(cli(false, never, "frobnicate").code()).isEqualTo(2);
        assertThat(cli(false, never, "sync", "--account", "acme", "--bogus").err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void helpWhenAskedThenListsCommandsAndEveryExitCode() {
        Result r = cli(false, () -> {
            throw new AssertionError("help must not start Roster");
        }, "--help");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).contains("accounts").contains("check").contains("sync").contains("Exit codes:");
        for (ExitCode exit : ExitCode.values()) {
            assertThat(r.out()).containsPattern("(?m)^ +" + exit.code + " +" + exit.meaning.substring(0, 20));
        }
    }
}
