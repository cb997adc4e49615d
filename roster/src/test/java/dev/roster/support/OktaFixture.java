package dev.roster.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.provisioning.OktaEvents;
import dev.roster.oktasimulator.OktaSimulator;

/** Wires a test account to a simulated Okta org: connection settings and a verified event hook. */
public final class OktaFixture {

    public static final List<String> EVENT_TYPES = OktaEvents.SUBSCRIBED;

    private OktaFixture() {
    }

    /** Saves the account's connection to the simulator; returns the generated hook secret. */
    public static String connect(OktaConnections connections, UUID accountId, OktaSimulator sim) {
        return connections.save(accountId, OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .clientSecret(sim.clientSecret())
                .apiToken(sim.apiToken())
                .ssoEnabled(true)
                .provisioningEnabled(true)
                .withholdInvitations(false)
                .build())
                .newHookSecret().reveal();
    }

    /**
     * Settings for an org nobody answers at, for tests of the hook edge that look at the inbox, not at
     * what the jobs then do. Such tests switch provisioning off when they end: their queued jobs then
     * finish at once instead of retrying a dead org for minutes and holding the shared context's
     * workers away from the next test's jobs.
     */
    public static OktaSettings unreachableOrg(String appId, boolean provisioning) {
        return OktaSettings.builder("http://127.0.0.1:9", appId)
                .clientSecret("client-secret")
                .apiToken("api-token")
                .ssoEnabled(true)
                .provisioningEnabled(provisioning)
                .withholdInvitations(false)
                .build();
    }

    /** Connects and registers a verified hook pointing at Roster's URL for the account. */
    public static void connectWithHook(OktaConnections connections, UUID accountId, String accountKey,
            OktaSimulator sim, String rosterBaseUrl) {
        String secret = connect(connections, accountId, sim);
        sim.hooks().registerVerified(rosterBaseUrl + "/hooks/okta/" + accountKey, EVENT_TYPES, "Authorization", secret);
    }

    /** Waits (up to 15 s) until the condition holds. */
    public static void eventually(Supplier<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(condition::get);
    }
}
