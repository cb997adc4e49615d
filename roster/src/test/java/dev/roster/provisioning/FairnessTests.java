package dev.roster.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * One account's hook storm and long reconciliation do not hold up another account's hook: per-user
 * jobs are paced and capped per account, and hook jobs go before reconciliations.
 */
class FairnessTests extends LiveServerTest {

    private static final int STORM = 600;

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(STORM).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hookWhenAnotherAccountHasAStormAndALongRunThenAppliedWithinSeconds() throws Exception {
        OktaSimulator sim = okta.simulator();
        TestAccount stormy = accounts.create();
        TestAccount quiet = accounts.create();
        String stormySecret = OktaFixture.connect(connections, stormy.id(), sim);
        String quietSecret = OktaFixture.connect(connections, quiet.id(), sim);
        // every Okta call takes 100 ms: the storm alone is 600 jobs × 2 calls, about 15 s of all 8 workers
        sim.faults().latency(Duration.ofMillis(100));
        List<OktaUser> users = sim.org().users();

        runs.start(stormy.id(), "api");
        List<String> events = new ArrayList<>();
        for (OktaUser user : users) {
            events.add(event(user.id()));
        }
        assertThat(deliver(stormy, stormySecret, events)).isEqualTo(204);

        String quietUser = users.get(STORM / 2).id();
        Instant sent = Instant.now();
        assertThat(deliver(quiet, quietSecret, List.of(event(quietUser)))).isEqualTo(204);
        while (linked(quiet.id(), quietUser) == 0) {
            assertThat(Duration.between(sent, Instant.now())).as(() -> "the quiet account's hook is applied in time;"
                    + " its job: " + jdbc.sql("SELECT task_instance, execution_time, picked, consecutive_failures"
                    + " FROM scheduled_tasks WHERE task_instance LIKE ?").param(quiet.id() + ":%")
                    .query().listOfRows()).isLessThan(Duration.ofSeconds(5));
            Thread.sleep(20);
        }
        Duration took = Duration.between(sent, Instant.now());
        long stormLeft = jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'okta-user-sync'"
                + " AND task_instance LIKE ?").param(stormy.id() + ":%").query(Long.class).single();
        System.out.println("Quiet account's hook applied in " + took.toMillis() + " ms; the storm still had "
                + stormLeft + " jobs queued");
        // the storm was still far from done: the quiet hook did not simply wait for it
        assertThat(stormLeft).isGreaterThan(STORM / 4);
        sim.faults().reset();
    }

    private long linked(UUID accountId, String oktaId) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE account_id = ? AND okta_id = ?").params(accountId, oktaId)
                .query(Long.class).single();
    }

    private static String event(String userId) {
        return """
                {"uuid":"%s","published":"%s","eventType":"user.account.update_profile",
                 "target":[{"id":"%s","type":"User"}]}""".formatted(UUID.randomUUID(), Instant.now(), userId);
    }

    private int deliver(TestAccount account, String secret, List<String> events) throws Exception {
        String body = """
                {"eventType":"com.okta.event_hook","eventId":"%s","data":{"events":[%s]}}"""
                .formatted(UUID.randomUUID(), String.join(",", events));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/hooks/okta/" + account.key()))
                .header("Authorization", secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
