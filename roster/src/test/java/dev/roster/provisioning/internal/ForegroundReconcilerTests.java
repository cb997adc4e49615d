package dev.roster.provisioning.internal;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.SyncRuns;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** A command stopped mid-run (Ctrl-C, SIGTERM) leaves no run "running" to block the account. */
class ForegroundReconcilerTests extends LiveServerTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).rateLimits(false).build());

    @Autowired
    ForegroundReconciler reconciler;

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Test
    void stoppedWhenRunInProgressThenRecordedFailed() throws Exception {
        OktaSimulator sim = okta.simulator();
        TestAccount acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), sim);
        sim.faults().latency(Duration.ofSeconds(2));
        CompletableFuture<?> running = CompletableFuture.runAsync(() -> reconciler.run(acme.id(), p -> { }));
        eventually(() -> runs.page(acme.id(), 0, 1).items().stream().anyMatch(r -> r.status().equals("running")));

        reconciler.stopped();

        SyncRun run = runs.page(acme.id(), 0, 1).items().get(0);
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).isEqualTo("stopped: Roster shut down during the run");
        sim.faults().latency(Duration.ZERO);
        running.get(30, TimeUnit.SECONDS);
    }
}
