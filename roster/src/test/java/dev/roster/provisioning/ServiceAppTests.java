package dev.roster.provisioning;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/** Okta's recommended credentials: an OAuth service app with private_key_jwt instead of an API token. */
class ServiceAppTests extends IntegrationTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(4).seed(11).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    TestAccount acme;
    OktaSimulator sim;
    RSAKey key;

    @BeforeEach
    void setUp() throws Exception {
        sim = okta.simulator();
        acme = accounts.create();
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    private void connect(Set<String> scopes) throws Exception {
        String clientId = sim.org().addServiceApp(key.toPublicJWK(), scopes).clientId();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toRSAPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .clientSecret(sim.clientSecret())
                .serviceApp(new OktaSettings.ServiceAppSettings(clientId, pem))
                .ssoEnabled(true)
                .provisioningEnabled(true)
                .withholdInvitations(false)
                .build());
    }

    private SyncRun reconcile() {
        UUID id = runs.start(acme.id(), "api").id();
        eventually(() -> runs.find(acme.id(), id).orElseThrow().finished());
        return runs.find(acme.id(), id).orElseThrow();
    }

    @Test
    void reconcileWhenServiceAppHasScopesThenSucceedsWithoutApiToken() throws Exception {
        connect(Set.of("okta.users.read", "okta.apps.read"));
        SyncRun run = reconcile();
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(run.counts().created()).isEqualTo(4);
    }

    @Test
    void reconcileWhenServiceAppLacksAppsScopeThenFailsNamingTheScope() throws Exception {
        connect(Set.of("okta.users.read"));
        SyncRun run = reconcile();
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).contains("invalid_scope").contains("okta.apps.read");
    }
}
