package dev.roster.demo;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.okta.OktaUrls;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.OktaEvents;
import dev.roster.provisioning.SyncRuns;

/**
 * The demo's Okta org: an embedded simulator, started with Roster and stopped with it. Once Roster
 * listens, the demo account is connected to it (SSO, provisioning, a verified event hook) and a
 * first reconciliation starts. The org is generated from a fixed seed, so its people keep their
 * Okta ids across restarts.
 */
@Component
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoOkta implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoOkta.class);

    private final DemoProperties properties;
    private final Accounts accounts;
    private final OktaConnections connections;
    private final SyncRuns runs;
    private static final int VERIFY_ATTEMPTS = 5;

    private OktaSimulator simulator;

    DemoOkta(DemoProperties properties, Accounts accounts, OktaConnections connections, SyncRuns runs) {
        this.properties = properties;
        this.accounts = accounts;
        this.connections = connections;
        this.runs = runs;
    }

    @EventListener
    @Order(0)
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        simulator = OktaSimulator.start(SimulatorOptions.builder().port(properties.oktaPort())
                .users(properties.oktaUsers()).seed(1).password("okta-demo").build());
        Account account = accounts.byKey(properties.account()).orElseThrow();
        UUID accountId = account.id();
        OktaConnections.Saved saved = connections.save(accountId,
                OktaSettings.builder(simulator.orgUrl(), simulator.clientId())
                        .clientSecret(simulator.clientSecret())
                        .apiToken(simulator.apiToken())
                        .ssoEnabled(true)
                        .provisioningEnabled(true)
                        .withholdInvitations(false)
                        .membersMustUseSso(false)
                        .ssoCreatesPeople(true)
                        .build());
        OktaConnection connection = saved.connection();
        String hookUrl = OktaUrls.of("http://localhost:" + port, account.key()).hookUrl();
        verifyHook(simulator.hooks().register("Roster demo", hookUrl, OktaEvents.SUBSCRIBED,
                connection.hookHeaderName(), connection.hookSecret().reveal(), Map.of()), hookUrl);
        runs.start(accountId, "startup");
        log.info("Demo: simulated Okta org at {} connected to account '{}'", simulator.orgUrl(), account.key());
    }

    /**
     * Okta gives a verification call 3 s; on a machine busy starting other programs the first one
     * can miss that, so the demo asks again a few times before giving up on its own hook.
     */
    private void verifyHook(String hookId, String hookUrl) {
        for (int attempt = 1; attempt <= VERIFY_ATTEMPTS; attempt++) {
            if (simulator.hooks().verify(hookId)) {
                return;
            }
            log.warn("Demo: hook verification at {} failed (attempt {} of {})", hookUrl, attempt, VERIFY_ATTEMPTS);
        }
        throw new IllegalStateException("Demo: the hook endpoint " + hookUrl + " did not answer Okta's verification");
    }

    OktaSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
