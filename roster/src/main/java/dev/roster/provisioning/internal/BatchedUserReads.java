package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * own job wait for that batch; a claim older than {@link #CLAIM_TIMEOUT} (its job died) is taken over.
 * Each user's counter is read when claimed, before Okta is read, and recorded as covered after the
 * write: an event counted later leaves the user waiting, so the lost-update guarantee holds per user.
 */
@Component
class BatchedUserReads {

    /** Longer than a batch can take, paced by Okta's rate limits (one assignment check per user). */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

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
        try {
            if (claimed.size() == 1) {
                UserSyncJob.runOnce(request, single, state);
            } else {
                batchSync.syncUsers(accountId, claimed.keySet());
            }
            covered = true;
        } finally {
            boolean done = covered;
            transaction.executeWithoutResult(s -> state.release(accountId, claim, claimed, done));
        }
        return Result.READ;
    }
}
