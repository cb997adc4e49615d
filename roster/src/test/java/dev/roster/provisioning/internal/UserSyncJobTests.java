package dev.roster.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.provisioning.OktaUserSync;
import dev.roster.provisioning.SyncOutcome;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/** The lost-update race: an event that arrives while a job runs, or while it finishes, makes the job run again. */
class UserSyncJobTests extends IntegrationTest {

    @Autowired
    UserSyncState state;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void runOnceWhenEventArrivesDuringOktaReadThenRunsAgain() {
        TestAccount acme = accounts.create();
        UserSyncJob.Request request = new UserSyncJob.Request(acme.id(), "00uRACE");
        state.requestAll(acme.id(), List.of("00uRACE"));
        OktaUserSync heldBetweenReadAndWrite = (accountId, oktaUserId) -> {
            // Okta has been read; now a newer event lands before the write.
            state.requestAll(accountId, List.of(oktaUserId));
            return new SyncOutcome.Skipped(null, "test");
        };
        long before = UserSyncJob.runOnce(request, heldBetweenReadAndWrite, state);
        assertThat(UserSyncJob.requestedSince(request, before, state)).isTrue();
    }

    @Test
    void runOnceWhenNothingArrivesMeanwhileThenFinishes() {
        TestAccount acme = accounts.create();
        UserSyncJob.Request request = new UserSyncJob.Request(acme.id(), "00uCALM");
        state.requestAll(acme.id(), List.of("00uCALM"));
        OktaUserSync quiet = (accountId, oktaUserId) -> new SyncOutcome.Unchanged(UUID.randomUUID());
        long before = UserSyncJob.runOnce(request, quiet, state);
        assertThat(UserSyncJob.requestedSince(request, before, state)).isFalse();
    }

    /**
     * The job's last look happens while an event's transaction has bumped the counter but not yet
     * committed (it is about to find the job still queued and not queue another): the look waits for
     * that commit and sees the bump, so the job runs again instead of being removed.
     */
    @Test
    void requestedSinceWhenAnEventsBumpIsNotYetCommittedThenWaitsAndSeesIt() throws Exception {
        TestAccount acme = accounts.create();
        UserSyncJob.Request request = new UserSyncJob.Request(acme.id(), "00uEDGE");
        state.requestAll(acme.id(), List.of("00uEDGE"));
        long before = state.requested(acme.id(), "00uEDGE");
        CountDownLatch bumped = new CountDownLatch(1);
        CompletableFuture<Void> event = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
            state.requestAll(acme.id(), List.of("00uEDGE"));
            bumped.countDown();
            sleep(600);
        }));
        assertThat(bumped.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        Boolean again = transaction.execute(s -> UserSyncJob.requestedSince(request, before, state));

        assertThat(again).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(300);
        event.get(10, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
