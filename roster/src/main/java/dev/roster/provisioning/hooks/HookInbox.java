package dev.roster.provisioning.hooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.roster.okta.OktaConnection;

/**
 * The durable inbox, with group commit: deliveries arriving together are written by a small pool
 * of writer threads, each batch in one transaction ({@link HookInboxStore}), and each caller is
 * answered only once the transaction holding its delivery has committed, so a 2xx still means
 * "stored". Under load a commit serves many deliveries instead of each paying its own round trips
 * and its own flush.
 */
@Component
class HookInbox implements DisposableBean {

    /** What happened to a delivery. */
    sealed interface Outcome {

        /** Stored, with this many of its users' syncs queued. */
        record Stored(int events, int queued) implements Outcome {
        }

        /** Okta sent this {@code eventId} before; nothing new stored. */
        record Duplicate(int events) implements Outcome {
        }

        /**
         * Not known to be stored (a copy of it was being stored concurrently, storing took too long,
         * or the inbox is shutting down); Okta retries, and a copy that did commit dedupes the retry.
         */
        record Retry(String reason) implements Outcome {
        }
    }

    /** Deliveries written per transaction at most. */
    private static final int MAX_BATCH = 200;

    /**
     * Transactions in flight at once. More than one, so that a writer waiting for the disk or for
     * its share of a busy CPU does not hold up every delivery; few, so that under load deliveries
     * queue up and share commits.
     */
    static final int WRITERS = 4;

    /** Okta gives up after 3 s; past this the caller is told to retry (its delivery may still commit, deduplicated then). */
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private record Pending(HookInboxStore.Item item, CompletableFuture<Outcome> outcome) {
    }

    private final LinkedBlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final AtomicInteger writerThreads = new AtomicInteger();
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, task -> {
        Thread thread = new Thread(task, "hook-inbox-writer-" + writerThreads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final HookInboxStore store;

    HookInbox(HookInboxStore store) {
        this.store = store;
    }

    /** Stores the delivery durably; returns once it is committed (or known to be a duplicate). */
    Outcome accept(OktaConnection connection, HookDelivery delivery) {
        Pending pending = new Pending(new HookInboxStore.Item(connection, delivery), new CompletableFuture<>());
        waiting.add(pending);
        try {
            writers.execute(this::writeWaiting);
        } catch (RejectedExecutionException e) {
            waiting.remove(pending);
            return new Outcome.Retry("shutting down");
        }
        try {
            return pending.outcome().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Outcome.Retry("not stored in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes whatever is waiting as one batch. Each accept queues one call; a call that finds the
     * queue empty found its delivery already taken by an earlier batch.
     */
    private void writeWaiting() {
        List<Pending> batch = new ArrayList<>();
        waiting.drainTo(batch, MAX_BATCH);
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Outcome> outcomes = store.store(batch.stream().map(Pending::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            // One delivery's conflict must not fail the deliveries that shared its transaction.
            for (Pending pending : batch) {
                try {
                    pending.outcome().complete(storeAlone(pending.item()));
                } catch (RuntimeException alone) {
                    pending.outcome().completeExceptionally(alone);
                }
            }
        }
    }

    /**
     * Stores one delivery. A key conflict means another transaction was storing the same delivery
     * or event and has committed by now (its insert held ours until then): a second attempt
     * deduplicates against it.
     */
    private Outcome storeAlone(HookInboxStore.Item item) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.store(List.of(item)).get(0);
            } catch (DuplicateKeyException e) {
                if (attempt == 2) {
                    return new Outcome.Retry("the same delivery is being stored concurrently");
                }
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writers.shutdown();
        writers.awaitTermination(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
