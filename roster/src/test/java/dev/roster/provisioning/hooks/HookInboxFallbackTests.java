package dev.roster.provisioning.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * When a batch fails, its deliveries are stored one by one, so one delivery's conflict does not
 * fail the deliveries that happened to share its transaction.
 */
class HookInboxFallbackTests {

    /** A store whose calls wait until every delivery is queued, and which fails batches holding "conflict". */
    static final class ConflictingStore extends HookInboxStore {
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final Semaphore entered = new Semaphore(0);
        final CountDownLatch allQueued = new CountDownLatch(1);

        ConflictingStore() {
            super(null, null, null, null);
        }

        @Override
        List<HookInbox.Outcome> store(List<Item> items) {
            entered.release();
            awaitQuietly();
            batchSizes.add(items.size());
            if (items.stream().anyMatch(item -> "conflict".equals(item.delivery().eventId()))) {
                throw new DuplicateKeyException("uq_hook_delivery");
            }
            if (items.stream().anyMatch(item -> "broken".equals(item.delivery().eventId()))) {
                throw new IllegalStateException("database gone");
            }
            return items.stream().<HookInbox.Outcome>map(item -> new HookInbox.Outcome.Stored(0, 0)).toList();
        }

        private void awaitQuietly() {
            try {
                allQueued.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    final ConflictingStore store = new ConflictingStore();
    final HookInbox inbox = new HookInbox(store);
    final ExecutorService callers = Executors.newFixedThreadPool(HookInbox.WRITERS + 3);

    @AfterEach
    void tearDown() throws InterruptedException {
        callers.shutdownNow();
        inbox.destroy();
    }

    private Future<HookInbox.Outcome> send(String eventId) {
        return callers.submit(() -> inbox.accept(null, new HookDelivery(eventId, List.of())));
    }

    @Test
    void acceptWhenOneDeliveryOfABatchConflictsThenOnlyItIsToldToRetry() throws Exception {
        List<Future<HookInbox.Outcome>> blockers = new ArrayList<>();
        for (int i = 0; i < HookInbox.WRITERS; i++) {
            blockers.add(send("blocker-" + i));
            assertThat(store.entered.tryAcquire(5, TimeUnit.SECONDS)).as("a writer holds blocker " + i).isTrue();
        }
        Future<HookInbox.Outcome> conflict = send("conflict");
        Future<HookInbox.Outcome> second = send("second");
        Future<HookInbox.Outcome> third = send("third");
        Thread.sleep(1000); // the three queue up until a writer is free, then go as one batch
        store.allQueued.countDown();

        for (Future<HookInbox.Outcome> blocker : blockers) {
            assertThat(blocker.get(5, TimeUnit.SECONDS)).isInstanceOf(HookInbox.Outcome.Stored.class);
        }
        assertThat(conflict.get(5, TimeUnit.SECONDS)).isInstanceOf(HookInbox.Outcome.Retry.class);
        assertThat(second.get(5, TimeUnit.SECONDS)).isInstanceOf(HookInbox.Outcome.Stored.class);
        assertThat(third.get(5, TimeUnit.SECONDS)).isInstanceOf(HookInbox.Outcome.Stored.class);
        assertThat(store.batchSizes).as("the batch of three, then each of its deliveries alone, the conflict twice")
                .containsSubsequence(3, 1, 1, 1, 1).hasSize(HookInbox.WRITERS + 5);
    }

    @Test
    void acceptWhenStoringFailsThenTheCallerSeesTheFailure() {
        store.allQueued.countDown();

        assertThatThrownBy(() -> inbox.accept(null, new HookDelivery("broken", List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessage("database gone");
    }
}
