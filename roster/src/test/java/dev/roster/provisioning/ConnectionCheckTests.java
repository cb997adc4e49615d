package dev.roster.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** "Test connection" names each broken piece and its fix. */
class ConnectionCheckTests extends LiveServerTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).rateLimits(false).build());

    @Autowired
    ConnectionCheck check;

    @Autowired
    OktaConnections connections;

    TestAccount acme;
    OktaSimulator sim;

    @BeforeEach
    void setUp() {
        sim = okta.simulator();
        acme = accounts.create();
    }

    private Map<String, ConnectionCheck.Check> run() {
        List<ConnectionCheck.Check> checks = check.run(acme.id());
        return checks.stream().collect(java.util.stream.Collectors.toMap(ConnectionCheck.Check::name, c -> c));
    }

    private void save(String secret, String token, String clientId) {
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), clientId)
                .clientSecret(secret)
                .apiToken(token)
                .ssoEnabled(true)
                .provisioningEnabled(true)
                .withholdInvitations(false)
                .build());
    }

    @Test
    void runWhenEverythingRightThenAllPass() {
        OktaFixture.connectWithHook(connections, acme.id(), acme.key(), sim, baseUrl());
        sim.org().updateProfile(sim.org().users().get(0).id(), Map.of("city", "Oslo"));
        sim.hooks().awaitIdle(java.time.Duration.ofSeconds(5));
        assertThat(run().values()).allSatisfy(c -> assertThat(c.ok()).as(c.name() + ": " + c.detail()).isTrue());
        assertThat(run().get("App and its assigned users").detail()).startsWith("3 people assigned");
    }

    @Test
    void runWhenClientSecretWrongThenThatCheckFailsWithFix() {
        save("wrong-secret", sim.apiToken(), sim.clientId());
        ConnectionCheck.Check client = run().get("Client id and secret");
        assertThat(client.ok()).isFalse();
        assertThat(client.fix()).contains("client id");
    }

    @Test
    void runWhenApiTokenWrongThenApiCheckFailsWithFix() {
        save(sim.clientSecret(), "not-a-token", sim.clientId());
        ConnectionCheck.Check api = run().get("API credentials: read users");
        assertThat(api.ok()).isFalse();
        assertThat(api.fix()).contains("API token");
        assertThat(run().get("Client id and secret").ok()).isTrue();
    }

    @Test
    void runWhenNoHookDeliveryYetThenHookCheckSaysWhatToDo() {
        save(sim.clientSecret(), sim.apiToken(), sim.clientId());
        ConnectionCheck.Check hook = run().get("Event hook");
        assertThat(hook.ok()).isFalse();
        assertThat(hook.fix()).contains("event hook");
    }

    @Test
    void runWhenOrgUrlUnreachableThenDiscoveryFails() {
        connections.save(acme.id(), OktaFixture.unreachableOrg(sim.clientId(), true));
        assertThat(run().get("Org URL and discovery").ok()).isFalse();
    }
}
