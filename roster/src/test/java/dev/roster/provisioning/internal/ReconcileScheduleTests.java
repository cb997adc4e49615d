package dev.roster.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.roster.okta.OktaConnections;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** The daily run fires at the account's time with a clock the test controls, once per day. */
@TestPropertySource(properties = {"roster.provisioning.schedule-check=1h", "roster.provisioning.schedule-spread=0s"})
class ReconcileScheduleTests extends IntegrationTest {

    @Autowired
    ReconcileSchedule schedule;

    @Autowired
    OktaConnections connections;

    @Autowired
    JdbcClient jdbc;

    TestAccount acme;

    @BeforeEach
    void setUp() {
        acme = accounts.create();
        connections.save(acme.id(), OktaFixture.unreachableOrg("0oaSCHEDULE000000000", true));
        // Pretend the connection was made long ago, so that every test day is after it.
        jdbc.sql("UPDATE okta_connection SET created_at = ? WHERE account_id = ?")
                .params(java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z"), acme.id()).update();
    }

    private int scheduledRuns() {
        return jdbc.sql("SELECT COUNT(*) FROM okta_sync_run WHERE account_id = ? AND run_trigger = 'schedule'")
                .param(acme.id()).query(Integer.class).single();
    }

    private void finishRuns() {
        jdbc.sql("UPDATE okta_sync_run SET status = 'succeeded', finished_at = created_at WHERE account_id = ?")
                .param(acme.id()).update();
    }

    @Test
    void dispatchWhenBeforeThreeGmtThenNoRunAndAtThreeThenOneRun() {
        schedule.dispatch(Instant.parse("2030-06-01T00:00:00Z"));
        finishRuns();
        int before = scheduledRuns();
        schedule.dispatch(Instant.parse("2030-06-01T02:59:59Z"));
        assertThat(scheduledRuns()).isEqualTo(before);
        schedule.dispatch(Instant.parse("2030-06-01T03:00:00Z"));
        assertThat(scheduledRuns()).isEqualTo(before + 1);
    }

    @Test
    void dispatchWhenAlreadyRanTodayThenNotAgainUntilTomorrow() {
        jdbc.sql("UPDATE okta_connection SET sync_time_utc = '03:00' WHERE account_id = ?").param(acme.id()).update();
        schedule.dispatch(Instant.parse("2031-06-01T03:00:00Z"));
        int afterFirst = scheduledRuns();
        finishRuns();
        jdbc.sql("UPDATE okta_sync_run SET created_at = ? WHERE account_id = ?")
                .params(java.time.OffsetDateTime.parse("2031-06-01T03:00:01Z"), acme.id()).update();
        schedule.dispatch(Instant.parse("2031-06-01T15:00:00Z"));
        assertThat(scheduledRuns()).isEqualTo(afterFirst);
        schedule.dispatch(Instant.parse("2031-06-02T03:00:00Z"));
        assertThat(scheduledRuns()).isEqualTo(afterFirst + 1);
    }

    @Test
    void dispatchWhenConnectedAfterTodaysTimeThenWaitsForTomorrow() {
        jdbc.sql("UPDATE okta_connection SET created_at = ? WHERE account_id = ?")
                .params(java.time.OffsetDateTime.parse("2032-06-01T10:00:00Z"), acme.id()).update();
        schedule.dispatch(Instant.parse("2032-06-01T11:00:00Z"));
        assertThat(scheduledRuns()).isZero();
        schedule.dispatch(Instant.parse("2032-06-02T03:00:00Z"));
        assertThat(scheduledRuns()).isEqualTo(1);
    }

    /** Several instances' dispatchers ticking in the same minute: the account's row lock lets one start the run. */
    @Test
    void dispatchWhenManyInstancesTickAtTheSameMinuteThenOneRun() throws Exception {
        Instant three = Instant.parse("2033-06-01T03:00:30Z");
        int instances = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(instances);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> ticks = new java.util.ArrayList<>();
            for (int i = 0; i < instances; i++) {
                ticks.add(pool.submit(() -> {
                    together.await();
                    return schedule.dispatch(three);
                }));
            }
            for (java.util.concurrent.Future<Integer> tick : ticks) {
                tick.get();
            }
            assertThat(scheduledRuns()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        finishRuns();
        schedule.dispatch(three.plusSeconds(60));
        assertThat(scheduledRuns()).isEqualTo(1);
    }

    /**
     * An instance that read "not yet run today" just before another instance's run for the day
     * started and already finished: the re-check under the lock stops a second run.
     */
    @Test
    void startScheduledWhenTodaysRunAlreadyFinishedThenNoSecondRun(@Autowired ReconcileQueue queue,
            @Autowired org.springframework.transaction.support.TransactionTemplate transaction) {
        Instant dueAt = Instant.parse("2034-06-01T03:00:00Z");
        Instant tomorrow = dueAt.plus(java.time.Duration.ofDays(1));
        Boolean first = transaction.execute(s -> queue.startScheduled(acme.id(), dueAt, dueAt.plusSeconds(5)));
        finishRuns();
        Boolean again = transaction.execute(s -> queue.startScheduled(acme.id(), dueAt, dueAt.plusSeconds(65)));
        int afterAgain = scheduledRuns();
        Boolean nextDay = transaction.execute(s -> queue.startScheduled(acme.id(), tomorrow, tomorrow));
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(afterAgain).isEqualTo(1);
        assertThat(nextDay).isTrue();
        assertThat(scheduledRuns()).isEqualTo(2);
    }

    @Test
    void nextDueWhenBeforeOrAfterTodaysTimeThenTodayOrTomorrow() {
        java.time.LocalTime three = java.time.LocalTime.of(3, 0);
        assertThat(schedule.nextDue(acme.id(), three, Instant.parse("2030-01-02T01:00:00Z")))
                .isEqualTo(Instant.parse("2030-01-02T03:00:00Z"));
        assertThat(schedule.nextDue(acme.id(), three, Instant.parse("2030-01-02T03:00:00Z")))
                .isEqualTo(Instant.parse("2030-01-03T03:00:00Z"));
    }

    @Test
    void latestDueWhenCustomTimeThenThatTimeUtc() {
        assertThat(schedule.latestDue(acme.id(), java.time.LocalTime.of(22, 30), Instant.parse("2030-01-02T01:00:00Z")))
                .isEqualTo(Instant.parse("2030-01-01T22:30:00Z"));
    }
}
