package dev.roster.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.roster.directory.Teams;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.ForegroundReconciliation.Previewed;
import dev.roster.provisioning.ForegroundReconciliation.Progress;
import dev.roster.provisioning.ForegroundReconciliation.Ran;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TableSnapshot;
import dev.roster.support.TestAccounts.TestAccount;

/** The dry-run seam and the foreground run, against a simulated org of 12 assigned users. */
class ForegroundReconciliationTests extends LiveServerTest {

    private static final int USERS = 12;

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(USERS).seed(11).rateLimits(false).build());

    @Autowired
    ForegroundReconciliation reconciliation;

    @Autowired
    OktaConnections connections;

    @Autowired
    Teams teams;

    @Autowired
    JdbcClient jdbc;

    TestAccount acme;
    OktaSimulator sim;

    @BeforeEach
    void connect() {
        sim = okta.simulator();
        acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), sim);
    }

    private SyncRun run() {
        return ((Ran) reconciliation.run(acme.id(), p -> { })).run();
    }

    private DryRun dryRun() {
        return ((Previewed) reconciliation.dryRun(acme.id(), p -> { })).dryRun();
    }

    @Test
    void runWhenForegroundThenRecordedAsCliAndProgressReported() {
        List<Progress> seen = new ArrayList<>();
        SyncRun run = ((Ran) reconciliation.run(acme.id(), seen::add)).run();
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(run.trigger()).isEqualTo("cli");
        assertThat(run.counts().created()).isEqualTo(USERS);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new Progress(1, USERS, 0, 0));
        // The next run estimates its size from this one.
        List<Progress> next = new ArrayList<>();
        reconciliation.run(acme.id(), next::add);
        assertThat(next.get(next.size() - 1).expected()).isEqualTo(USERS);
    }

    @Test
    void dryRunWhenNewOrgThenEveryoneWouldBeCreatedAndNoRowWritten() {
        var before = TableSnapshot.of(jdbc, acme.id());
        DryRun dry = dryRun();
        assertThat(TableSnapshot.of(jdbc, acme.id())).isEqualTo(before);
        assertThat(dry.counts().created()).isEqualTo(USERS);
        assertThat(dry.changes()).hasSize(USERS).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo("created");
            assertThat(c.personId()).isNull();
            assertThat(c.who()).contains("@");
        });
        assertThat(teams.all(acme.id())).isEmpty();
        assertThat(dry.wouldHold()).isFalse();
    }

    @Test
    void dryRunWhenOrgChangedThenListsEachChangeAndTheRealRunDoesExactlyThat() {
        run();
        List<String> ids = sim.org().users().stream().map(u -> u.id()).toList();
        sim.org().updateProfile(ids.get(0), Map.of("city", "Reykjavik", "department", "Skunkworks"));
        sim.org().unassign(ids.get(1));
        String created = sim.org().createUser(Map.of("login", "new.hire@example.com", "email", "new.hire@example.com",
                "firstName", "New", "lastName", "Hire"), true, true).id();
        var before = TableSnapshot.of(jdbc, acme.id());

        DryRun dry = dryRun();

        assertThat(TableSnapshot.of(jdbc, acme.id())).isEqualTo(before);
        assertThat(teams.byName(acme.id(), "Skunkworks")).isEmpty();
        assertThat(dry.changes()).extracting(DryRun.Change::kind, DryRun.Change::oktaUserId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("updated", ids.get(0)),
                org.assertj.core.groups.Tuple.tuple("deactivated", ids.get(1)),
                org.assertj.core.groups.Tuple.tuple("created", created));
        DryRun.Change update = dry.changes().stream().filter(c -> c.kind().equals("updated")).findFirst().orElseThrow();
        assertThat(update.changes()).contains("→ Reykjavik").contains("primaryTeam: (previous team) → Skunkworks");

        SyncRun real = run();
        assertThat(real.counts()).isEqualTo(dry.counts());
        assertThat(teams.byName(acme.id(), "Skunkworks")).isPresent();
    }

    @Test
    void dryRunWhenAboveThresholdThenWouldHoldAndListsWhoWithoutWriting() {
        run();
        for (int i = 0; i < 5; i++) {
            sim.org().unassign(sim.org().users().get(i).id());
        }
        var before = TableSnapshot.of(jdbc, acme.id());
        DryRun dry = dryRun();
        assertThat(TableSnapshot.of(jdbc, acme.id())).isEqualTo(before);
        assertThat(dry.wouldHold()).isTrue();
        assertThat(dry.unlisted()).isEqualTo(5);
        assertThat(dry.threshold()).isEqualTo(2);
        assertThat(dry.counts().deactivated()).isZero();
        assertThat(dry.changes()).hasSize(5).allSatisfy(c -> assertThat(c.kind()).isEqualTo("held"));
        assertThat(run().status()).isEqualTo("held");
    }

    @Test
    void dryRunWhenOktaFailsThenPreviewFailedWithTheError() {
        sim.faults().errorShare(1.0);
        var outcome = reconciliation.dryRun(acme.id(), p -> { });
        assertThat(outcome).isInstanceOfSatisfying(ForegroundReconciliation.PreviewFailed.class,
                f -> assertThat(f.error()).contains("500"));
    }

    @Test
    void runWhenProvisioningOffThenNotReadyAndNoRunRecorded() {
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .provisioningEnabled(false)
                .build());
        assertThat(reconciliation.run(acme.id(), p -> { })).isInstanceOf(ForegroundReconciliation.NotReady.class);
        assertThat(reconciliation.dryRun(acme.id(), p -> { })).isInstanceOf(ForegroundReconciliation.NotReady.class);
        assertThat(TableSnapshot.of(jdbc, acme.id()).get("okta_sync_run")).isEmpty();
    }
}
