package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.provisioning.OktaUserSync;
import dev.roster.provisioning.ProvisioningProperties;

/**
 * A user's sync job reads that user from Okta together with other users of the account who are
 * waiting too: one search ({@code id eq … or …}) for up to {@code roster.provisioning.read-batch}
 * users instead of one {@code GET} each. Each user's own job stays queued as before (nothing is lost
 * if the batch fails); it finds its user covered when it runs and asks Okta nothing.
 *
 * <p>Claims keep two batches from reading the same user: a user claimed by a live batch makes its
 * own job wait for that batch. A live batch refreshes its claims every {@link #CLAIM_REFRESH}, even
 * while a call waits for Okta's rate limit; a claim not refreshed for {@link #CLAIM_TIMEOUT} belongs
 * to a batch whose instance died, and is taken over.
 * Each user's counter is read when claimed, before Okta is read, and recorded as covered after the
 * write: an event counted later leaves the user waiting, so the lost-update guarantee holds per user.
 */
@Component
class BatchedUserReads implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchedUserReads.class);

    /** How often a live batch stamps its claims. */
    static final Duration CLAIM_REFRESH = Duration.ofSeconds(5);

    /** A claim not stamped for this long is a dead batch's: a few missed refreshes. */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(20);

    /** What a job should do after {@link #read}. */
    enum Result {
        /** This user was read (alone or in a batch) and written: finish as usual. */
        READ,
        /** Another job's batch is reading this user right now: look again shortly. */
        CLAIMED_ELSEWHERE
    }

    private final UserSyncState state;
    private final UserSyncService batchSync;
    private final TransactionTemplate transaction;
    private final ProvisioningProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "okta-read-claims");
        thread.setDaemon(true);
        return thread;
    });

    BatchedUserReads(UserSyncState state, UserSyncService batchSync, TransactionTemplate transaction,
            ProvisioningProperties properties, Clock clock) {
        this.state = state;
        this.batchSync = batchSync;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Reads the job's user, with up to {@code read-batch - 1} other waiting users of the account.
     * Alone, the user is read the single-user way ({@code GET /users/{id}}, the larger bucket).
     */
    Result read(UserSyncJob.Request request, OktaUserSync single) {
        UUID accountId = request.accountId();
        Instant now = Instant.now(clock);
        Instant stale = now.minus(CLAIM_TIMEOUT);
        List<String> users = new ArrayList<>();
        users.add(request.oktaUserId());
        users.addAll(state.waiting(accountId, request.oktaUserId(), stale, properties.readBatch() - 1));
        UUID claim = UUID.randomUUID();
        Map<String, Long> claimed = transaction.execute(s -> state.claim(accountId, users, claim, now, stale));
        if (!claimed.containsKey(request.oktaUserId())) {
            transaction.executeWithoutResult(s -> state.release(accountId, claim, claimed, false));
            if (state.claimedSince(accountId, request.oktaUserId(), stale)) {
                return Result.CLAIMED_ELSEWHERE;
            }
            UserSyncJob.runOnce(request, single, state); // no row to claim: nothing to coordinate with
            return Result.READ;
        }
        boolean covered = false;
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(
                () -> refresh(accountId, claim, claimed.keySet()), CLAIM_REFRESH.toMillis(), CLAIM_REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            if (claimed.size() == 1) {
                UserSyncJob.runOnce(request, single, state);
            } else {
                batchSync.syncUsers(accountId, claimed.keySet());
            }
            covered = true;
        } finally {
            heartbeat.cancel(false);
            boolean done = covered;
            transaction.executeWithoutResult(s -> state.release(accountId, claim, claimed, done));
        }
        return Result.READ;
    }

    private void refresh(UUID accountId, UUID claim, Set<String> users) {
        try {
            state.refreshClaim(accountId, claim, users, Instant.now(clock));
        } catch (RuntimeException e) {
            log.debug("Could not refresh a batch's claims; the next refresh tries again", e);
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }
}
