package dev.roster.provisioning.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** The inbox's group commit: deliveries arriving together share transactions, each still stored exactly once. */
class HookInboxTests extends IntegrationTest {

    private static final String APP_ID = "0oaINBOXAPP00000000";

    private static final int CALLERS = 40;

    @Autowired
    HookInbox inbox;

    @Autowired
    OktaConnections connections;

    @Autowired
    JdbcClient jdbc;

    TestAccount acme;
    OktaConnection connection;
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

    @BeforeEach
    void setUp() {
        acme = accounts.create();
        connections.save(acme.id(), OktaFixture.unreachableOrg(APP_ID, true));
        connection = connections.find(acme.id()).orElseThrow();
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        connections.save(acme.id(), OktaFixture.unreachableOrg(APP_ID, false));
    }

    private static HookDelivery delivery(String eventId, String eventUuid, String userId) {
        return new HookDelivery(eventId, List.of(new HookDelivery.Event(eventUuid, "user.account.update_profile",
                Instant.parse("2026-11-02T14:09:15Z"), userId, null)));
    }

    private List<HookInbox.Outcome> concurrently(List<HookDelivery> deliveries) throws Exception {
        List<Future<HookInbox.Outcome>> answers = new ArrayList<>();
        for (HookDelivery delivery : deliveries) {
            answers.add(callers.submit((Callable<HookInbox.Outcome>) () -> inbox.accept(connection, delivery)));
        }
        List<HookInbox.Outcome> outcomes = new ArrayList<>();
        for (Future<HookInbox.Outcome> answer : answers) {
            outcomes.add(answer.get());
        }
        return outcomes;
    }

    private long requested(String user) {
        return jdbc.sql("SELECT requested FROM okta_user_sync WHERE account_id = ? AND okta_user_id = ?")
                .params(acme.id(), user).query(Long.class).single();
    }

    @Test
    void acceptWhenManyDeliveriesArriveTogetherThenEachStoredAndEveryUserRequested() throws Exception {
        List<HookDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            deliveries.add(delivery("together-" + i, "together-event-" + i, "00uUSER" + (i % 4)));
        }

        List<HookInbox.Outcome> outcomes = concurrently(deliveries);

        assertThat(outcomes).allMatch(outcome -> outcome.equals(new HookInbox.Outcome.Stored(1, 1)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM okta_hook_delivery WHERE account_id = ?").param(acme.id())
                .query(Integer.class).single()).isEqualTo(CALLERS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM okta_hook_event WHERE account_id = ? AND outcome = 'queued'")
                .param(acme.id()).query(Integer.class).single()).isEqualTo(CALLERS);
        for (int user = 0; user < 4; user++) {
            // bumped once per committed batch holding the user's events: a running job only needs to see it move
            assertThat(requested("00uUSER" + user)).isBetween(1L, (long) CALLERS / 4);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'okta-user-sync'"
                + " AND task_instance LIKE ?").param(acme.id() + ":%").query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void acceptWhenOktaSendsTheSameDeliveryConcurrentlyThenStoredOnceAndTheRestDuplicates() throws Exception {
        List<HookDelivery> copies = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            copies.add(delivery("same-delivery", "same-event", "00uSAME"));
        }

        List<HookInbox.Outcome> outcomes = concurrently(copies);

        assertThat(outcomes).filteredOn(HookInbox.Outcome.Stored.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(HookInbox.Outcome.Duplicate.class::isInstance).hasSize(CALLERS - 1);
        assertThat(requested("00uSAME")).isEqualTo(1);
    }

    @Test
    void acceptWhenAnEventCameInAnEarlierDeliveryThenNotQueuedAgain() throws Exception {
        List<HookInbox.Outcome> outcomes = concurrently(List.of(delivery("first", "shared-event", "00uSHARED"),
                delivery("second", "shared-event", "00uSHARED")));

        assertThat(outcomes).containsExactlyInAnyOrder(new HookInbox.Outcome.Stored(1, 1),
                new HookInbox.Outcome.Stored(1, 0));
        assertThat(requested("00uSHARED")).isEqualTo(1);
    }
}
