package dev.roster.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.roster.accounts.Role;
import dev.roster.common.Instants;
import dev.roster.okta.OktaConnections;
import dev.roster.retention.Pruner;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;
import io.micrometer.core.instrument.MeterRegistry;

/** The growing tables stay bounded: old rows pruned in small batches, recent ones kept, dedupe intact in its window. */
class RetentionTests extends IntegrationTest {

    private static final String APP_ID = "0oaRETENTION0000000";

    @Autowired
    RetentionRun retention;

    @Autowired
    List<Pruner> pruners;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OktaConnections connections;

    TestAccount acme;
    Instant now = Instant.now();

    @BeforeEach
    void setUp() {
        acme = accounts.create();
    }

    @AfterEach
    void switchProvisioningOff() {
        if (connections.find(acme.id()).isPresent()) {
            connections.save(acme.id(), OktaFixture.unreachableOrg(APP_ID, false));
        }
    }

    @Test
    void pruneAllWhenHookInboxOlderThanItsWindowsThenPrunedAndRecentKept() {
        UUID old = delivery("old", ago(Duration.ofDays(10)), "o1", "o2");
        UUID middle = delivery("middle", ago(Duration.ofDays(5)), "m1");
        UUID recent = delivery("recent", ago(Duration.ofHours(1)), "r1", "r2");
        retention.pruneAll();
        assertThat(eventsOf(old)).isZero();
        assertThat(eventsOf(middle)).as("past the 3-day dedupe window").isZero();
        assertThat(eventsOf(recent)).isEqualTo(2);
        assertThat(deliveries()).as("the 10-day-old delivery goes, the 5-day-old one stays 7 days")
                .containsExactlyInAnyOrder(middle, recent);
        assertThat(meters.get("roster.retention.pruned").tag("table", "okta_hook_event").counter().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(meters.get("roster.table.rows").tag("table", "okta_hook_event").gauge()).isNotNull();
    }

    @Test
    void pruneAllWhenOnlyOldDeliveriesThenNewestKeptForTestConnection() {
        delivery("older", ago(Duration.ofDays(30)), "a1");
        UUID newest = delivery("newest", ago(Duration.ofDays(20)), "b1");
        retention.pruneAll();
        assertThat(deliveries()).containsExactly(newest);
        assertThat(eventsOf(newest)).isZero();
    }

    @Test
    void deliverWhenDuplicateInsideDedupeWindowAfterPruneThenStillDeduplicated() throws Exception {
        String secret = connections.save(acme.id(), OktaFixture.unreachableOrg(APP_ID, false)).newHookSecret().reveal();
        post(secret, "env-1", "uuid-1").andExpect(status().isNoContent());
        jdbc.sql("UPDATE okta_hook_delivery SET received_at = ? WHERE account_id = ?")
                .params(Instants.toJdbc(ago(Duration.ofDays(2))), acme.id()).update();
        delivery("filler", ago(Duration.ofDays(9)), "f1");
        retention.pruneAll();
        post(secret, "env-1", "uuid-1").andExpect(status().isNoContent());
        post(secret, "env-2", "uuid-1").andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM okta_hook_event WHERE account_id = ? AND event_uuid = 'uuid-1'")
                .param(acme.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT queued_count FROM okta_hook_delivery WHERE account_id = ? AND event_id = 'env-2'")
                .param(acme.id()).query(Integer.class).single()).as("the repeated event is not queued again").isZero();
    }

    @Test
    void pruneBatchWhenManyOldRowsThenEachBatchBoundedToItsLimit() {
        String[] uuids = new String[25];
        for (int i = 0; i < uuids.length; i++) {
            uuids[i] = "bulk-" + i;
        }
        UUID bulk = delivery("bulk", ago(Duration.ofDays(10)), uuids);
        Pruner events = pruner("okta_hook_event");
        assertThat(events.pruneBatch(acme.id(), ago(Duration.ofDays(3)), 10)).isEqualTo(10);
        assertThat(eventsOf(bulk)).isEqualTo(15);
        assertThat(events.pruneBatch(acme.id(), ago(Duration.ofDays(3)), 10)).isEqualTo(10);
        assertThat(events.pruneBatch(acme.id(), ago(Duration.ofDays(3)), 10)).isEqualTo(5);
        assertThat(events.pruneBatch(acme.id(), ago(Duration.ofDays(3)), 10)).isZero();
    }

    @Test
    void pruneAllWhenRunChangesAuditAndInvitationsOldThenPrunedAndRecentOrPendingKept() {
        UUID oldRun = run("succeeded", ago(Duration.ofDays(100)));
        UUID heldRun = run("held", ago(Duration.ofDays(100)));
        UUID newRun = run("succeeded", ago(Duration.ofDays(1)));
        audit(acme.id(), ago(Duration.ofDays(400)));
        UUID recentAudit = audit(acme.id(), ago(Duration.ofDays(10)));
        UUID strangerAudit = audit(null, ago(Duration.ofDays(400)));
        UUID acceptedLongAgo = invitation(ago(Duration.ofDays(45)), ago(Duration.ofDays(40)), ago(Duration.ofDays(38)), ago(Duration.ofDays(40)));
        UUID expiredLongAgo = invitation(ago(Duration.ofDays(50)), ago(Duration.ofDays(50)), ago(Duration.ofDays(43)), null);
        UUID neverSent = invitation(ago(Duration.ofDays(90)), null, null, null);
        UUID acceptedRecently = invitation(ago(Duration.ofDays(3)), ago(Duration.ofDays(3)), now.plus(Duration.ofDays(4)), ago(Duration.ofDays(1)));
        retention.pruneAll();
        assertThat(changesOf(oldRun)).isZero();
        assertThat(changesOf(heldRun)).as("an admin still has to decide").isEqualTo(2);
        assertThat(changesOf(newRun)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM okta_sync_run WHERE id = ?").param(oldRun).query(Integer.class)
                .single()).as("the run and its counts stay").isEqualTo(1);
        assertThat(jdbc.sql("SELECT id FROM sign_in_audit WHERE account_id = ?").param(acme.id()).query(UUID.class)
                .list()).containsExactly(recentAudit);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_audit WHERE id = ?").param(strangerAudit)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT person_id FROM invitation WHERE account_id = ?").param(acme.id())
                .query(UUID.class).list()).containsExactlyInAnyOrder(neverSent, acceptedRecently)
                .doesNotContain(acceptedLongAgo, expiredLongAgo);
    }

    private org.springframework.test.web.servlet.ResultActions post(String secret, String eventId, String uuid)
            throws Exception {
        String body = """
                {"eventId":"%s","data":{"events":[{"uuid":"%s","eventType":"user.account.update_profile",
                 "target":[{"id":"00uRET","type":"User"}]}]}}""".formatted(eventId, uuid);
        return mvc.perform(MockMvcRequestBuilders.post("/hooks/okta/" + acme.key())
                .contentType(MediaType.APPLICATION_JSON).content(body).header("Authorization", secret));
    }

    private Instant ago(Duration age) {
        return now.minus(age);
    }

    private Pruner pruner(String table) {
        return pruners.stream().filter(p -> p.table().equals(table)).findFirst().orElseThrow();
    }

    private UUID delivery(String eventId, Instant at, String... eventUuids) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO okta_hook_delivery (id, account_id, event_id, received_at, event_count, queued_count,"
                + " event_types) VALUES (?, ?, ?, ?, ?, 0, 'user.account.update_profile')")
                .params(id, acme.id(), eventId, Instants.toJdbc(at), eventUuids.length).update();
        for (String uuid : eventUuids) {
            jdbc.sql("INSERT INTO okta_hook_event (account_id, event_uuid, delivery_id, event_type, okta_user_id,"
                    + " published, outcome) VALUES (?, ?, ?, 'user.account.update_profile', '00uX', ?, 'ignored')")
                    .params(acme.id(), uuid, id, Instants.toJdbc(at)).update();
        }
        return id;
    }

    private int eventsOf(UUID delivery) {
        return jdbc.sql("SELECT COUNT(*) FROM okta_hook_event WHERE delivery_id = ?").param(delivery)
                .query(Integer.class).single();
    }

    private List<UUID> deliveries() {
        return jdbc.sql("SELECT id FROM okta_hook_delivery WHERE account_id = ?").param(acme.id()).query(UUID.class)
                .list();
    }

    private UUID run(String status, Instant createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO okta_sync_run (id, account_id, status, run_trigger, created_at, started_at, finished_at,
                    pages, listed, created_count, updated_count, unchanged_count, deactivated_count, reactivated_count,
                    failed_count, held_count, rate_limit_waits)
                VALUES (?, ?, ?, 'manual', ?, ?, ?, 1, 2, 0, 2, 0, 0, 0, 0, 0, 0)
                """).params(id, acme.id(), status, Instants.toJdbc(createdAt), Instants.toJdbc(createdAt),
                Instants.toJdbc(createdAt)).update();
        for (int i = 0; i < 2; i++) {
            jdbc.sql("INSERT INTO okta_sync_change (id, run_id, account_id, okta_user_id, kind, changes)"
                    + " VALUES (?, ?, ?, '00uC', 'updated', '[]')").params(UUID.randomUUID(), id, acme.id()).update();
        }
        return id;
    }

    private int changesOf(UUID run) {
        return jdbc.sql("SELECT COUNT(*) FROM okta_sync_change WHERE run_id = ?").param(run).query(Integer.class)
                .single();
    }

    private UUID audit(UUID accountId, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO sign_in_audit (id, account_id, at, method, outcome, email) VALUES (?, ?, ?, 'local',"
                + " 'failure', 'x@example.com')").params(id, accountId, Instants.toJdbc(at)).update();
        return id;
    }

    private UUID invitation(Instant requestedAt, Instant sentAt, Instant expiresAt, Instant acceptedAt) {
        UUID person = accounts.person(acme.account(), UUID.randomUUID() + "@" + acme.key() + ".example", Role.MEMBER).id();
        jdbc.sql("""
                INSERT INTO invitation (person_id, account_id, requested_at, requested_by, sent_at, attempts,
                    token_hash, token_expires_at, accepted_at)
                VALUES (?, ?, ?, 'admin', ?, 1, ?, ?, ?)
                """).params(person, acme.id(), Instants.toJdbc(requestedAt), toJdbc(sentAt),
                UUID.randomUUID().toString().replace("-", ""), toJdbc(expiresAt), toJdbc(acceptedAt)).update();
        return person;
    }

    private static Object toJdbc(Instant at) {
        return at == null ? null : Instants.toJdbc(at);
    }
}
