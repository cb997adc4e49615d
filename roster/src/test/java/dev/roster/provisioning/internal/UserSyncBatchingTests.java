package dev.roster.provisioning.internal;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** Fewer Okta reads under load: a burst for one user is one read, users waiting are read by the hundred. */
@TestPropertySource(properties = "roster.provisioning.coalesce-window=5s")
class UserSyncBatchingTests extends IntegrationTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(0).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    UserSyncState state;

    @Autowired
    BatchedUserReads reads;

    @Autowired
    UserSyncService sync;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    TestAccount acme;
    OktaSimulator sim;
    String hookSecret;

    @BeforeEach
    void connect() {
        sim = okta.simulator();
        acme = accounts.create();
        hookSecret = OktaFixture.connect(connections, acme.id(), sim);
    }

    @AfterEach
    void switchProvisioningOff() {
        connections.save(acme.id(), OktaFixture.unreachableOrg(sim.appId(), false));
    }

    private String createInOkta(String name) {
        return sim.org().createUser(Map.of("firstName", name, "lastName", "Batch", "email", name + "@acme.example",
                "login", name + "@acme.example"), true, true).id();
    }

    private int outcomes(String outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM okta_user_sync WHERE account_id = ? AND last_outcome = ?")
                .params(acme.id(), outcome).query(Integer.class).single();
    }

    @Test
    void hookWhenManyEventsForOneUserWithinTheWindowThenOneOktaRead() throws Exception {
        String id = createInOkta("burst");
        long gets = sim.apiCalls("users.get");
        long searches = sim.apiCalls("users.list");
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) { // one delivery every 100 ms: a user edited field by field
            String body = """
                    {"eventId":"burst-%d","data":{"events":[{"uuid":"burst-event-%d",
                     "eventType":"user.account.update_profile","target":[{"id":"%s","type":"User"}]}]}}
                    """.formatted(i, i, id);
            assertThat(post(body)).isEqualTo(204);
            sleep(100);
        }
        assertThat(System.nanoTime() - started).as("all ten landed within the 5 s window").isLessThan(5_000_000_000L);
        // every event is stored with its job by now: no job left means every event was read
        eventually(() -> state.waitingCount(acme.id()) == 0);
        assertThat(sim.apiCalls("users.get") - gets).isEqualTo(1);
        assertThat(outcomes("Created")).isEqualTo(1);
        assertThat(sim.apiCalls("users.list") - searches).isZero();
    }

    @Test
    void readWhenManyUsersWaitingThenOneSearchPerHundred() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(createInOkta("waiting" + i));
        }
        state.requestAll(acme.id(), ids.stream().sorted().toList());
        long gets = sim.apiCalls("users.get");
        long searches = sim.apiCalls("users.list");
        int jobsThatRead = 0;
        for (String id : ids) { // each user's job, one after the other
            if (state.coveredUpTo(acme.id(), id) < state.requested(acme.id(), id)) {
                assertThat(reads.read(new UserSyncJob.Request(acme.id(), id), sync))
                        .isEqualTo(BatchedUserReads.Result.READ);
                jobsThatRead++;
            }
        }
        assertThat(sim.apiCalls("users.list") - searches).as("ceil(250 / 100) searches").isEqualTo(3);
        assertThat(jobsThatRead).isEqualTo(3);
        assertThat(sim.apiCalls("users.get") - gets).isZero();
        assertThat(outcomes("Created")).isEqualTo(250);
        assertThat(ids).allSatisfy(id -> assertThat(state.coveredUpTo(acme.id(), id)).isEqualTo(1));
    }

    @Test
    void readWhenUserClaimedByAnotherLiveBatchThenWaitsWithoutAskingOkta() {
        String id = createInOkta("claimed");
        state.requestAll(acme.id(), List.of(id));
        UUID other = UUID.randomUUID();
        Map<String, Long> claimed = transaction.execute(s -> state.claim(acme.id(), List.of(id), other, Instant.now(),
                Instant.now().minus(BatchedUserReads.CLAIM_TIMEOUT)));
        long calls = sim.apiCalls("users.get") + sim.apiCalls("users.list");

        assertThat(reads.read(new UserSyncJob.Request(acme.id(), id), sync))
                .isEqualTo(BatchedUserReads.Result.CLAIMED_ELSEWHERE);
        assertThat(sim.apiCalls("users.get") + sim.apiCalls("users.list")).isEqualTo(calls);

        transaction.executeWithoutResult(s -> state.release(acme.id(), other, claimed, false));
        assertThat(reads.read(new UserSyncJob.Request(acme.id(), id), sync)).isEqualTo(BatchedUserReads.Result.READ);
        assertThat(outcomes("Created")).isEqualTo(1);
    }

    @Test
    void readWhenClaimedByABatchThatStoppedRefreshingThenTakenOver() {
        String id = createInOkta("orphan");
        state.requestAll(acme.id(), List.of(id));
        Instant died = Instant.now().minus(BatchedUserReads.CLAIM_TIMEOUT).minusSeconds(1);
        transaction.execute(s -> state.claim(acme.id(), List.of(id), UUID.randomUUID(), died,
                died.minus(BatchedUserReads.CLAIM_TIMEOUT)));

        assertThat(reads.read(new UserSyncJob.Request(acme.id(), id), sync)).isEqualTo(BatchedUserReads.Result.READ);
        assertThat(outcomes("Created")).isEqualTo(1);
        assertThat(state.coveredUpTo(acme.id(), id)).isEqualTo(1);
    }

    @Test
    void readWhenEventArrivesDuringTheBatchsOktaReadThenThatUserStaysWaiting() throws Exception {
        String first = createInOkta("racefirst");
        String second = createInOkta("racesecond");
        state.requestAll(acme.id(), List.of(first, second));
        sim.faults().latency(java.time.Duration.ofMillis(700));
        try {
            CompletableFuture<Void> event = CompletableFuture.runAsync(() -> {
                sleep(300); // the batch has claimed both and is waiting for Okta's answer
                state.requestAll(acme.id(), List.of(second));
            });
            assertThat(reads.read(new UserSyncJob.Request(acme.id(), first), sync))
                    .isEqualTo(BatchedUserReads.Result.READ);
            event.get();
        } finally {
            sim.faults().latency(java.time.Duration.ZERO);
        }
        assertThat(state.coveredUpTo(acme.id(), first)).isEqualTo(state.requested(acme.id(), first));
        assertThat(state.coveredUpTo(acme.id(), second)).as("covered up to the counter read before Okta was")
                .isEqualTo(1);
        assertThat(state.requested(acme.id(), second)).isEqualTo(2);
        assertThat(state.waiting(acme.id(), first, Instant.now().minus(BatchedUserReads.CLAIM_TIMEOUT), 10))
                .containsExactly(second);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int post(String body) {
        try {
            return mvc.perform(MockMvcRequestBuilders.post("/hooks/okta/" + acme.key())
                    .contentType(MediaType.APPLICATION_JSON).content(body).header("Authorization", hookSecret))
                    .andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
