package dev.roster.okta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.okta.OktaClientProperties;
import dev.roster.okta.OktaConnection;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.secrets.Secret;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;
import tools.jackson.databind.json.JsonMapper;

/** Several instances draw on one account's rate-limit share in the database: together they stay within it. */
class SharedRateBudgetTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** Two instances, four workers each, racing for a window's allowance of 50 (half of 100). */
    @Test
    void takeWhenTwoInstancesDrawAtOnceThenTogetherExactlyTheShare() throws Exception {
        TestAccount acme = accounts.create();
        long now = Instant.now().getEpochSecond();
        SharedRateBudget first = new SharedRateBudget(jdbc, transactions, acme.id(), 0.5);
        SharedRateBudget second = new SharedRateBudget(jdbc, transactions, acme.id(), 0.5);
        first.observe("apps", 100, 100, now + 30);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        CyclicBarrier together = new CyclicBarrier(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                SharedRateBudget instance = w % 2 == 0 ? first : second;
                running.add(workers.submit(() -> {
                    together.await();
                    while (instance.take("apps", now) instanceof SharedRateBudget.Permit.Granted) {
                        granted.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(granted).hasValue(50);
        assertThat(second.take("apps", now)).isEqualTo(new SharedRateBudget.Permit.Wait(now + 30));
        // an answer never raises the allowance within its window; a new window starts fresh
        second.observe("apps", 100, 90, now + 30);
        assertThat(first.take("apps", now)).isInstanceOf(SharedRateBudget.Permit.Wait.class);
        second.observe("apps", 100, 100, now + 90);
        assertThat(first.take("apps", now + 31)).isInstanceOf(SharedRateBudget.Permit.Granted.class);
    }

    /** A 429 blocks the bucket until its own reset (a concurrency 429's is seconds away), not the window's. */
    @Test
    void takeWhenA429NamedAnEarlierResetThanTheWindowThenFreeAgainAtThatReset() {
        TestAccount acme = accounts.create();
        long now = Instant.now().getEpochSecond();
        SharedRateBudget budget = new SharedRateBudget(jdbc, transactions, acme.id(), 0.5);
        budget.observe("users", 600, 500, now + 50);

        budget.exhausted("users", now + 2);

        assertThat(budget.take("users", now + 1)).isEqualTo(new SharedRateBudget.Permit.Wait(now + 2));
        assertThat(budget.take("users", now + 2)).isInstanceOf(SharedRateBudget.Permit.Granted.class);
        // the first answer after it brings the window's real numbers back
        budget.observe("users", 600, 480, now + 50);
        assertThat(budget.take("users", now + 3)).isInstanceOf(SharedRateBudget.Permit.Granted.class);
    }

    /**
     * Against the simulator's limits: an apps bucket of 40 a minute, the account's share a quarter
     * (10 calls). Two instances with three workers each call as fast as they can; Okta's own count
     * shows that exactly 10 reached it, and no 429 was needed.
     */
    @Test
    void callsWhenTwoInstancesShareTheAccountThenOktaSeesOnlyTheShare() throws Exception {
        TestAccount acme = accounts.create();
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().port(0).users(3).rateLimit("apps", 40)
                .build())) {
            awaitFreshMinute();
            String userId = sim.org().users().get(0).id();
            List<RestOktaApi> instances = List.of(api(sim, acme), api(sim, acme));
            AtomicInteger answered = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < 6; w++) {
                    RestOktaApi instance = instances.get(w % 2);
                    running.add(workers.submit(() -> {
                        try {
                            while (true) {
                                instance.isAssigned(sim.appId(), userId);
                                answered.incrementAndGet();
                            }
                        } catch (WouldWaitForNextWindow stop) {
                            return null;
                        }
                    }));
                }
                for (Future<?> worker : running) {
                    worker.get();
                }
            } finally {
                workers.shutdownNow();
            }
            assertThat(answered).hasValue(10);
            HttpResponse<String> probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.orgUrl() + "/api/v1/apps/" + sim.appId() + "/users/" + userId))
                    .header("Authorization", "SSWS " + sim.apiToken()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(probe.statusCode()).isEqualTo(200);
            // 40 − Roster's 10 − this probe
            assertThat(probe.headers().firstValue("X-Rate-Limit-Remaining")).hasValue("29");
        }
    }

    /** Thrown instead of sleeping until the next minute: the test only looks at one window. */
    private static final class WouldWaitForNextWindow extends RuntimeException {
    }

    private RestOktaApi api(OktaSimulator sim, TestAccount account) {
        OktaClientProperties properties = new OktaClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(10), Duration.ofMillis(50), 3, Duration.ofSeconds(65));
        OktaConnection connection = new OktaConnection(account.id(), sim.orgUrl(), "org", sim.clientId(), null,
                Secret.of(sim.apiToken()), null, Secret.of("hook"), "Authorization", false, true, false, false, false,
                new BigDecimal("0.25"), LocalTime.of(3, 0), 20, 500, Instant.now());
        // short waits (a provisional window while the first answer is awaited) are slept; a window's are not
        Sleeper sleeper = d -> {
            if (d.compareTo(Duration.ofSeconds(3)) > 0) {
                throw new WouldWaitForNextWindow();
            }
            Sleeper.REAL.sleep(d);
        };
        return new RestOktaApi(connection, new RateLimitGovernor(new SharedRateBudget(jdbc, transactions,
                account.id(), 0.25), sleeper, properties.maxWait()), null, JsonMapper.builder().build(), properties,
                sleeper, OktaHttp.restClient(properties));
    }

    /** Okta's windows are minutes: start early in one so the test's calls all fall in it. */
    private static void awaitFreshMinute() throws InterruptedException {
        int second = Instant.now().atOffset(ZoneOffset.UTC).getSecond();
        if (second > 45) {
            Thread.sleep((61 - second) * 1000L);
        }
    }
}
