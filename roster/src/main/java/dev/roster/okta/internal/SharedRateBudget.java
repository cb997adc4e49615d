package dev.roster.okta.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One account's books for each Okta rate-limit bucket, in the database so that every instance
 * draws on the same share: N instances together stay within it, not N × it.
 *
 * <ul>
 * <li>A call starts only while {@code remaining − in flight > (1 − share) × limit}, checked and
 * counted in one atomic {@code UPDATE}: Okta's last word on the bucket, less the calls any instance
 * has started since, must leave the other integrations their part.</li>
 * <li>Each answer's headers lower {@code remaining} (the lowest answer in a window wins, as answers
 * overtake each other; a later reset starts a new window) and end that call's flight.</li>
 * <li>When nothing is known about a bucket, or its window has passed without an answer from the
 * next, a provisional one-second window lets one second's worth of the share go, the first answer
 * bringing the real numbers.</li>
 * </ul>
 * Statements run outside any caller's transaction, each committed at once, so no row lock is held longer.
 */
public class SharedRateBudget {

    /** What a caller may do now. */
    public sealed interface Permit {
        record Granted() implements Permit {
        }

        /** Nothing left in this window: wait until Okta's reset (epoch seconds). */
        record Wait(long untilEpochSecond) implements Permit {
        }
    }

    private static final long PROVISIONAL_SECONDS = 1;

    private final JdbcClient jdbc;
    private final TransactionTemplate autocommit;
    private final UUID accountId;
    private final double share;

    public SharedRateBudget(JdbcClient jdbc, TransactionTemplate transactions, UUID accountId, double share) {
        this.jdbc = jdbc;
        this.autocommit = new TransactionTemplate(transactions.getTransactionManager());
        this.autocommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.accountId = accountId;
        this.share = share;
    }

    public Permit take(String bucket, long nowEpochSecond) {
        return autocommit.execute(s -> takeNow(bucket, nowEpochSecond));
    }

    /** An answer's {@code X-Rate-Limit-*} values; its call is no longer in flight. */
    public void observe(String bucket, long limit, long remaining, long resetEpochSecond) {
        autocommit.executeWithoutResult(s -> {
            int updated = jdbc.sql("""
                    UPDATE okta_rate_budget
                    SET remaining = CASE WHEN window_reset = :reset THEN LEAST(remaining, :remaining) ELSE :remaining END,
                        in_flight = GREATEST(in_flight - 1, 0), window_reset = :reset, bucket_limit = :limit
                    WHERE account_id = :account AND bucket = :bucket AND window_reset <= :reset
                    """).param("reset", resetEpochSecond).param("remaining", remaining).param("limit", limit)
                    .param("account", accountId).param("bucket", bucket).update();
            if (updated == 0 && !insert(bucket, resetEpochSecond, limit, remaining, 0)) {
                // an answer from a window already over: only its flight ends
                landed(bucket);
            }
        });
    }

    /** A call that ended without Okta's headers (time-out, no answer): no longer in flight. */
    public void released(String bucket) {
        autocommit.executeWithoutResult(s -> landed(bucket));
    }

    /**
     * After a 429: nothing more until the reset that 429 named, for every instance. Its reset, not the
     * later one of the window on the books: Okta also answers 429 when too many calls are in flight at
     * once (its concurrency cap), with a reset seconds away, and the bucket is usable again from then
     * on; the first answer after it brings the window's real numbers back.
     */
    public void exhausted(String bucket, long resetEpochSecond) {
        autocommit.executeWithoutResult(s -> {
            int updated = jdbc.sql("UPDATE okta_rate_budget SET remaining = 0, window_reset = ?"
                    + " WHERE account_id = ? AND bucket = ?").params(resetEpochSecond, accountId, bucket).update();
            if (updated == 0) {
                insert(bucket, resetEpochSecond, 0, 0, 0);
            }
        });
    }

    private Permit takeNow(String bucket, long now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.sql("""
                    UPDATE okta_rate_budget SET in_flight = in_flight + 1
                    WHERE account_id = ? AND bucket = ? AND window_reset > ? AND remaining - in_flight > CEIL(bucket_limit * CAST(? AS DOUBLE PRECISION))
                    """).params(accountId, bucket, now, 1 - share).update() == 1) {
                return new Permit.Granted();
            }
            List<long[]> row = jdbc.sql("SELECT window_reset, bucket_limit FROM okta_rate_budget"
                    + " WHERE account_id = ? AND bucket = ?").params(accountId, bucket)
                    .query((rs, n) -> new long[] {rs.getLong("window_reset"), rs.getLong("bucket_limit")}).list();
            if (row.isEmpty()) {
                // nothing known: this call finds out, the others wait for its answer
                if (insert(bucket, now + PROVISIONAL_SECONDS, 0, 0, 1)) {
                    return new Permit.Granted();
                }
                continue;
            }
            long reset = row.get(0)[0];
            long limit = row.get(0)[1];
            if (reset > now) {
                return new Permit.Wait(reset);
            }
            // the window is over and no answer has told about the next: one second's worth of the share
            long others = (long) Math.ceil(limit * (1 - share));
            long provisional = others + Math.max(1, (long) Math.floor(limit * share / 60));
            if (jdbc.sql("UPDATE okta_rate_budget SET window_reset = ?, remaining = ?, in_flight = 1 WHERE account_id = ?"
                            + " AND bucket = ? AND window_reset = ?")
                    .params(now + PROVISIONAL_SECONDS, provisional, accountId, bucket, reset).update() == 1) {
                return new Permit.Granted();
            }
        }
        return new Permit.Wait(now + PROVISIONAL_SECONDS);
    }

    private void landed(String bucket) {
        jdbc.sql("UPDATE okta_rate_budget SET in_flight = GREATEST(in_flight - 1, 0) WHERE account_id = ? AND bucket = ?")
                .params(accountId, bucket).update();
    }

    private boolean insert(String bucket, long reset, long limit, long remaining, long inFlight) {
        try {
            jdbc.sql("INSERT INTO okta_rate_budget (account_id, bucket, window_reset, bucket_limit, remaining, in_flight)"
                    + " VALUES (?, ?, ?, ?, ?, ?)").params(accountId, bucket, reset, limit, remaining, inFlight).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false; // another instance wrote it first
        }
    }
}
