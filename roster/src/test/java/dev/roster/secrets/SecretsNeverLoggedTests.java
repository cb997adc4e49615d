package dev.roster.secrets;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.SyncRuns;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * A whole provisioning cycle with every logger at DEBUG — connection saved, hook verified and
 * delivered, jobs run, a reconciliation, a failing token — and not one configured secret in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.dev.roster=DEBUG", "logging.level.com.github.kagkarlsson=DEBUG"})
class SecretsNeverLoggedTests extends LiveServerTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(5).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Test
    void logsWhenFullProvisioningCycleThenContainNoSecret(CapturedOutput output) {
        OktaSimulator sim = okta.simulator();
        TestAccount acme = accounts.create();
        String hookSecret = connections.save(acme.id(), new OktaSettings(sim.orgUrl(), "org", sim.clientId(),
                sim.clientSecret(), sim.apiToken(), null, null, true, true, false, null, null, null, null, null, null))
                .newHookSecret().reveal();
        sim.hooks().registerVerified(baseUrl() + "/hooks/okta/" + acme.key(), dev.roster.support.OktaFixture.EVENT_TYPES,
                "Authorization", hookSecret);
        UUID run = runs.start(acme.id(), "api").id();
        eventually(() -> runs.find(acme.id(), run).orElseThrow().finished());
        sim.org().updateProfile(sim.org().users().get(0).id(), Map.of("city", "Lisbon"));
        sim.hooks().awaitIdle(java.time.Duration.ofSeconds(5));
        connections.save(acme.id(), new OktaSettings(sim.orgUrl(), "org", sim.clientId(), null, "wrong-token-xyz",
                null, null, null, null, null, null, null, null, null, null, null));
        UUID failing = runs.start(acme.id(), "api").id();
        eventually(() -> runs.find(acme.id(), failing).orElseThrow().finished());

        assertThat(output.getAll()).contains("Reconciliation");
        for (String secret : List.of(sim.apiToken(), sim.clientSecret(), hookSecret, acme.token(), "wrong-token-xyz")) {
            assertThat(output.getAll()).as("a configured secret in the logs").doesNotContain(secret);
        }
    }
}
