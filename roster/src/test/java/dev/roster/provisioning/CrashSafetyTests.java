package dev.roster.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.PostgresOnly;
import dev.roster.support.RosterCluster;
import dev.roster.support.RosterCluster.Instance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three Roster instances on one PostgreSQL database and one Okta org; the one running a
 * reconciliation is killed with SIGKILL in the middle of it and of a hook burst. Every hook an
 * instance acknowledged is applied, nobody is created twice, the run completes on another instance,
 * and nothing stays locked.
 */
@Tag("integration")
@ExtendWith(PostgresOnly.class)
class CrashSafetyTests {

    private static final String KEY = "crash";
    private static final String TOKEN = "crash-test-owner-token-0123456789abcdef0123456789";
    private static final int USERS = 1_500;
    private static final int HOOKED = 90;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @Timeout(420)
    void killWhenReconcilingAndTakingHooksThenAcknowledgedHooksAppliedNoDuplicatesRunCompletesNothingLocked()
            throws Exception {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().port(0).users(USERS).seed(8)
                .rateLimits(false).build()); RosterCluster cluster = new RosterCluster()) {
            List<String> fast = List.of("--db-scheduler.polling-interval=200ms", "--db-scheduler.heartbeat-interval=500ms",
                    "--db-scheduler.missed-heartbeats-limit=4", "--roster.provisioning.page-size=100",
                    "--roster.provisioning.job-retry-delay=200ms", "--roster.okta.backoff=10ms",
                    "--roster.okta.max-backoff=50ms");
            cluster.start(Map.of("ROSTER_BOOTSTRAP_ACCOUNT", KEY, "ROSTER_BOOTSTRAP_ACCOUNT_NAME", "Crash Ltd",
                    "ROSTER_BOOTSTRAP_OWNER_EMAIL", "owner@crash.example", "ROSTER_BOOTSTRAP_OWNER_PASSWORD",
                    "a long enough passphrase", "ROSTER_BOOTSTRAP_API_TOKEN", TOKEN), fast);
            cluster.start(Map.of(), fast);
            cluster.start(Map.of(), fast);
            cluster.awaitUp(Duration.ofSeconds(240)); // ~10 s each on an idle machine; far more on a busy one
            List<Instance> instances = cluster.instances();

            String hookSecret = connect(instances.get(0), sim);
            // The changes the hooks announce are made in Okta first; the jobs re-read them from there.
            List<OktaUser> hooked = sim.org().users().stream().limit(HOOKED).toList();
            for (int i = 0; i < hooked.size(); i++) {
                sim.org().updateProfile(hooked.get(i).id(), Map.of("title", "Survivor " + i));
            }
            // Slow Okta down so that the run and the burst are both under way when the instance dies.
            sim.faults().latency(Duration.ofMillis(120));

            UUID runId = UUID.fromString(json.readTree(send(instances.get(1), "POST",
                    "/api/v1/accounts/" + KEY + "/okta/sync", TOKEN, null, null).body()).path("id").asString());

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> dead = ConcurrentHashMap.newKeySet();
            AtomicBoolean burstDone = new AtomicBoolean();
            ExecutorService burst = Executors.newFixedThreadPool(3);
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                senders.add(burst.submit(() -> {
                    for (int i = thread; i < hooked.size(); i += 3) {
                        deliver(instances, dead, i, hooked.get(i).id(), hookSecret, acknowledged);
                        pause(100);
                    }
                    return null;
                }));
            }

            // Kill the instance running the reconciliation once it has written a few pages and some hooks are in.
            Instance victim;
            try (Connection db = cluster.connect()) {
                awaitUntil(Duration.ofSeconds(60), () -> (pages(db, runId) >= 1 && acknowledged.size() >= HOOKED / 4)
                        || !Set.of("queued", "running").contains(status(db, runId)));
                victim = cluster.named(single(db, "SELECT picked_by FROM scheduled_tasks WHERE task_name = 'okta-reconcile'"
                        + " AND picked = TRUE"));
                assertThat(status(db, runId)).as("the run must still be going when its instance dies").isEqualTo("running");
                dead.add(victim.name());
                victim.process().destroyForcibly().waitFor();
                int acknowledgedAtKill = acknowledged.size();
                assertThat(acknowledgedAtKill).as("the hook burst must still be going when the instance dies")
                        .isLessThan(HOOKED);
                System.out.println("Killed " + victim.name() + " at page " + pages(db, runId) + " with "
                        + acknowledgedAtKill + " hooks acknowledged");
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            burstDone.set(true);
            burst.shutdown();
            assertThat(acknowledged).hasSize(HOOKED); // the "load balancer" sent each refused delivery to a live instance

            try (Connection db = cluster.connect()) {
                awaitUntil(Duration.ofSeconds(90), () -> !"running".equals(status(db, runId))
                        && count(db, "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name IN ('okta-user-sync',"
                                + " 'okta-reconcile')") == 0);
                assertThat(status(db, runId)).isEqualTo("succeeded");
                assertThat(count(db, "SELECT listed FROM okta_sync_run WHERE id = '" + runId + "'"))
                        .isEqualTo(sim.org().appUserCount());

                // every acknowledged hook is applied
                for (int i = 0; i < hooked.size(); i++) {
                    assertThat(single(db, "SELECT job_title FROM person WHERE okta_id = '" + hooked.get(i).id() + "'"))
                            .as("hook for user %d", i).isEqualTo("Survivor " + i);
                }
                // nobody twice, everybody once
                assertThat(count(db, "SELECT COUNT(*) FROM (SELECT okta_id FROM person WHERE okta_id IS NOT NULL"
                        + " GROUP BY account_id, okta_id HAVING COUNT(*) > 1) d")).isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM (SELECT email_lower FROM person"
                        + " GROUP BY account_id, email_lower HAVING COUNT(*) > 1) d")).isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM person WHERE okta_id IS NOT NULL"))
                        .isEqualTo(sim.org().appUserCount());
                // nothing locked: no execution still held by the dead instance, no run left queued or running
                assertThat(count(db, "SELECT COUNT(*) FROM scheduled_tasks WHERE picked = TRUE AND picked_by = '"
                        + victim.name() + "'")).isZero();
                assertThat(count(db, "SELECT COUNT(*) FROM okta_sync_run WHERE status IN ('queued', 'running')")).isZero();
            }
        }
    }

    /** Saves the account's Okta connection through the API; returns the hook secret it generated. */
    private String connect(Instance instance, OktaSimulator sim) throws Exception {
        String body = json.writeValueAsString(Map.of("orgUrl", sim.orgUrl(), "authorizationServer", "org",
                "clientId", sim.clientId(), "clientSecret", sim.clientSecret(), "apiToken", sim.apiToken(),
                "ssoEnabled", false, "provisioningEnabled", true, "withholdInvitations", true, "rateLimitShare", 1));
        HttpResponse<String> answer = send(instance, "PUT", "/api/v1/accounts/" + KEY + "/okta", TOKEN, body, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).path("hookSecret").asString();
    }

    /**
     * Delivers one event like Okta behind a load balancer: to the instance its turn falls on, and
     * to the next live one when that one does not answer. Acknowledged means a 2xx came back.
     */
    private void deliver(List<Instance> instances, Set<String> dead, int i, String userId, String secret,
            Set<String> acknowledged) throws InterruptedException {
        String body = """
                {"eventType":"com.okta.event_hook","eventTypeVersion":"1.0","cloudEventsVersion":"0.1",
                 "eventId":"crash-%d","data":{"events":[{"uuid":"crash-event-%d","published":"%s",
                 "eventType":"user.account.update_profile","target":[{"id":"%s","type":"User"}]}]}}"""
                .formatted(i, i, Instant.now(), userId);
        for (int attempt = 0; attempt < instances.size() * 2; attempt++) {
            Instance target = instances.get((i + attempt) % instances.size());
            if (dead.contains(target.name()) && attempt < instances.size()) {
                continue;
            }
            try {
                HttpResponse<String> answer = send(target, "POST", "/hooks/okta/" + KEY, null, body, secret);
                if (answer.statusCode() / 100 == 2) {
                    acknowledged.add(userId);
                    return;
                }
            } catch (IOException e) {
                // that instance is gone: the next one takes the delivery, as Okta's retry would
            }
        }
    }

    private HttpResponse<String> send(Instance instance, String method, String path, String token, String body,
            String hookSecret) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url(path)))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (hookSecret != null) {
            request.header("Authorization", hookSecret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int pages(Connection db, UUID runId) throws SQLException {
        return (int) count(db, "SELECT pages FROM okta_sync_run WHERE id = '" + runId + "'");
    }

    private static String status(Connection db, UUID runId) throws SQLException {
        return single(db, "SELECT status FROM okta_sync_run WHERE id = '" + runId + "'");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Duration timeout, Check check) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
