package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.accounts.Accounts;
import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.provisioning.ForegroundReconciliation;
import dev.roster.provisioning.SyncRun;

/**
 * Runs and dry runs in the caller's thread. A run's row is created like the queue's, under the
 * same account lock, but without a job; its progress is read back from the row the runner writes
 * after each page, as the Okta page does, and it beats while it runs, so a command killed outright
 * frees the account once its heartbeat falls silent.
 */
@Service
class ForegroundReconciler implements ForegroundReconciliation {

    private static final long PROGRESS_EVERY_MS = 250;
    /** Well inside {@link SyncRunRepository#COMMAND_SILENCE}, so a live command is never taken for dead. */
    private static final long HEARTBEAT_EVERY_MS = 20_000;

    private final OktaConnections connections;
    private final SyncRunRepository runs;
    private final ReconciliationRunner runner;
    private final ReconciliationPreview preview;
    private final TransactionTemplate transaction;
    private final Accounts accounts;
    private final Clock clock;
    /** Runs executing in this process: run id → account id. */
    private final Map<UUID, UUID> inProgress = new ConcurrentHashMap<>();

    ForegroundReconciler(OktaConnections connections, SyncRunRepository runs, ReconciliationRunner runner,
            ReconciliationPreview preview, TransactionTemplate transaction, Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.connections = connections;
        this.runs = runs;
        this.runner = runner;
        this.preview = preview;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public RunOutcome run(UUID accountId, Consumer<Progress> progress) {
        Optional<String> notReady = notReady(accountId);
        if (notReady.isPresent()) {
            return new NotReady(notReady.get());
        }
        int expected = expected(accountId);
        UUID runId = UUID.randomUUID();
        SyncRun active = transaction.execute(s -> {
            accounts.lock(accountId);
            runs.failAbandonedCommandRuns(accountId, Instant.now(clock));
            return runs.active(accountId).orElseGet(() -> {
                runs.insert(runId, accountId, "cli", Instant.now(clock));
                runs.heartbeat(runId, Instant.now(clock));
                return null;
            });
        });
        if (active != null) {
            return new Busy(active);
        }
        inProgress.put(runId, accountId);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "roster-run-progress");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> report(accountId, runId, expected, progress), PROGRESS_EVERY_MS,
                PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(() -> runs.heartbeat(runId, Instant.now(clock)), HEARTBEAT_EVERY_MS,
                HEARTBEAT_EVERY_MS, TimeUnit.MILLISECONDS);
        try {
            runner.run(accountId, runId);
        } finally {
            poller.shutdown();
            awaitQuietly(poller);
            inProgress.remove(runId);
        }
        report(accountId, runId, expected, progress);
        return new Ran(runs.find(accountId, runId).orElseThrow());
    }

    @Override
    public PreviewOutcome dryRun(UUID accountId, Consumer<Progress> progress) {
        Optional<String> notReady = notReady(accountId);
        if (notReady.isPresent()) {
            return new NotReady(notReady.get());
        }
        OktaConnection connection = connections.find(accountId).orElseThrow();
        try {
            return new Previewed(preview.preview(connection, expected(accountId), progress));
        } catch (OktaApiException e) {
            return new PreviewFailed(e.getMessage());
        }
    }

    private Optional<String> notReady(UUID accountId) {
        Optional<OktaConnection> connection = connections.find(accountId);
        if (connection.isEmpty()) {
            return Optional.of("this account has no Okta connection yet");
        }
        if (!connection.get().provisioningEnabled()) {
            return Optional.of("provisioning from Okta is switched off for this account");
        }
        if (!connection.get().hasApiCredentials()) {
            return Optional.of("this account's Okta connection has no API credentials");
        }
        return Optional.empty();
    }

    /** How many people the last run that listed everything named (0: none yet). */
    private int expected(UUID accountId) {
        return runs.page(accountId, 0, 20).stream()
                .filter(r -> r.status().equals("succeeded") || r.status().equals("held"))
                .mapToInt(SyncRun::listed).findFirst().orElse(0);
    }

    private void report(UUID accountId, UUID runId, int expected, Consumer<Progress> progress) {
        runs.find(accountId, runId).filter(r -> r.startedAt() != null).ifPresent(r -> progress.accept(
                new Progress(r.pages(), r.listed(), r.rateLimitWaits(), expected)));
    }

    /**
     * Roster is stopping (Ctrl-C or SIGTERM on a command) while runs execute here: they are marked
     * failed, for a run left "running" would block the account's next runs. Called before the
     * database closes, since this bean depends on it.
     */
    @PreDestroy
    void stopped() {
        inProgress.forEach((runId, accountId) -> runs.find(accountId, runId).filter(r -> !r.finished())
                .ifPresent(r -> runs.finish(runId, "failed", 0, SyncRunRepository.STOPPED,
                        Instant.now(clock))));
    }

    private static void awaitQuietly(ScheduledExecutorService poller) {
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
