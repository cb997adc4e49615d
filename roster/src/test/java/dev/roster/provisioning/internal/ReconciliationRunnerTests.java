package dev.roster.provisioning.internal;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

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

/** A queued reconciliation when the job queue stops: it ends promptly and says why. */
class ReconciliationRunnerTests extends LiveServerTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).rateLimits(false).build());

    @Autowired
    ReconciliationRunner runner;

    @Autowired
    SyncRunRepository repository;

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Test
    void runWhenInterruptedWhileOktaAnswersSlowlyThenRecordedStoppedAndInterruptKept() throws Exception {
        OktaSimulator sim = okta.simulator();
        TestAccount acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), sim);
        sim.faults().latency(Duration.ofSeconds(20));
        UUID runId = UUID.randomUUID();
        repository.insert(runId, acme.id(), "manual", Instant.now());
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            runner.run(acme.id(), runId);
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        try {
            worker.start();
            eventually(() -> runs.find(acme.id(), runId).map(r -> r.status().equals("running")).orElse(false));

            worker.interrupt();
            worker.join(Duration.ofSeconds(5).toMillis());

            assertThat(worker.isAlive()).as("the run ended within 5 s of the interrupt").isFalse();
            SyncRun run = runs.find(acme.id(), runId).orElseThrow();
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.error()).isEqualTo(SyncRunRepository.STOPPED);
            assertThat(interruptKept).isTrue();
        } finally {
            sim.faults().latency(Duration.ZERO);
            worker.join(30_000);
        }
    }
}
