package dev.roster.provisioning.internal;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.ForegroundReconciliation;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.SyncRuns;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** A command stopped mid-run (Ctrl-C, SIGTERM, or killed outright) leaves no run to block the account. */
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

    @Autowired
    SyncRunRepository repository;

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

    @Test
    void runWhenAnotherCommandsRunFellSilentThenFailsItAndRuns() {
        TestAccount acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), okta.simulator());
        Instant longAgo = Instant.now().minus(SyncRunRepository.COMMAND_SILENCE).minusSeconds(1);
        UUID killed = UUID.randomUUID();
        repository.insert(killed, acme.id(), "cli", longAgo);
        repository.started(killed, longAgo);

        ForegroundReconciliation.RunOutcome outcome = reconciler.run(acme.id(), p -> { });

        assertThat(outcome).isInstanceOf(ForegroundReconciliation.Ran.class);
        SyncRun abandoned = runs.find(acme.id(), killed).orElseThrow();
        assertThat(abandoned.status()).isEqualTo("failed");
        assertThat(abandoned.error()).isEqualTo(SyncRunRepository.ABANDONED);
    }

    @Test
    void runWhenAnotherCommandsRunStillBeatsThenBusy() {
        TestAccount acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), okta.simulator());
        Instant longAgo = Instant.now().minus(SyncRunRepository.COMMAND_SILENCE).minusSeconds(1);
        UUID alive = UUID.randomUUID();
        repository.insert(alive, acme.id(), "cli", longAgo);
        repository.started(alive, longAgo);
        repository.heartbeat(alive, Instant.now());

        ForegroundReconciliation.RunOutcome outcome = reconciler.run(acme.id(), p -> { });

        assertThat(outcome).isInstanceOf(ForegroundReconciliation.Busy.class);
        assertThat(runs.find(acme.id(), alive).orElseThrow().status()).isEqualTo("running");
    }
}
