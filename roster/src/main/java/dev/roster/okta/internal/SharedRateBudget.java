package dev.roster.okta.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One account's allowance in each Okta rate-limit bucket, in the database so that every instance
 * draws on the same one: N instances together stay within the account's share, not N × it.
 *
 * <ul>
 * <li>A call takes a unit with one atomic {@code UPDATE … WHERE allowance > 0}.</li>
 * <li>Each answer's headers set it: {@code remaining − (1 − share) × limit}, never raised within a
 * window (calls still under way are already taken), and fresh when Okta's reset says a new window began.</li>
 * <li>When a window has passed and no answer has told about the next one yet, or nothing is known
 * about a bucket, a short provisional window of one second's worth of the share lets calls go on
 * until the first answer brings the real numbers.</li>
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

    /** An answer's {@code X-Rate-Limit-*} values. */
    public void observe(String bucket, long limit, long remaining, long resetEpochSecond) {
        long fresh = Math.max(0, remaining - (long) Math.ceil(limit * (1 - share)));
        autocommit.executeWithoutResult(s -> {
            int updated = jdbc.sql("""
                    UPDATE okta_rate_budget
                    SET allowance = CASE WHEN window_reset = :reset THEN LEAST(allowance, :fresh) ELSE :fresh END,
                        window_reset = :reset, bucket_limit = :limit
                    WHERE account_id = :account AND bucket = :bucket AND window_reset <= :reset
                    """).param("reset", resetEpochSecond).param("fresh", fresh).param("limit", limit)
                    .param("account", accountId).param("bucket", bucket).update();
            if (updated == 0) {
                // no row yet (else the answer was from a window already over: ignored)
                insert(bucket, resetEpochSecond, limit, fresh);
            }
        });
    }

    /** After a 429: nothing more until Okta's reset, for every instance. */
    public void exhausted(String bucket, long resetEpochSecond) {
        autocommit.executeWithoutResult(s -> {
            int updated = jdbc.sql("UPDATE okta_rate_budget SET allowance = 0, window_reset = GREATEST(window_reset, ?)"
                    + " WHERE account_id = ? AND bucket = ?").params(resetEpochSecond, accountId, bucket).update();
            if (updated == 0) {
                insert(bucket, resetEpochSecond, 0, 0);
            }
        });
    }

    private Permit takeNow(String bucket, long now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.sql("UPDATE okta_rate_budget SET allowance = allowance - 1 WHERE account_id = ? AND bucket = ?"
                    + " AND window_reset > ? AND allowance > 0").params(accountId, bucket, now).update() == 1) {
                return new Permit.Granted();
            }
            List<long[]> row = jdbc.sql("SELECT window_reset, bucket_limit FROM okta_rate_budget"
                    + " WHERE account_id = ? AND bucket = ?").params(accountId, bucket)
                    .query((rs, n) -> new long[] {rs.getLong("window_reset"), rs.getLong("bucket_limit")}).list();
            if (row.isEmpty()) {
                // nothing known: one call finds out, the others wait for its answer
                if (insert(bucket, now + PROVISIONAL_SECONDS, 0, 0)) {
                    return new Permit.Granted();
                }
                continue;
            }
            long reset = row.get(0)[0];
            if (reset > now) {
                return new Permit.Wait(reset);
            }
            // the window is over: a provisional one, one second's worth of the share, until an answer tells more
            long provisional = Math.max(1, (long) Math.floor(row.get(0)[1] * share / 60));
            if (jdbc.sql("UPDATE okta_rate_budget SET window_reset = ?, allowance = ? WHERE account_id = ?"
                            + " AND bucket = ? AND window_reset = ?")
                    .params(now + PROVISIONAL_SECONDS, provisional - 1, accountId, bucket, reset).update() == 1) {
                return new Permit.Granted();
            }
        }
        return new Permit.Wait(now + PROVISIONAL_SECONDS);
    }

    private boolean insert(String bucket, long reset, long limit, long allowance) {
        try {
            jdbc.sql("INSERT INTO okta_rate_budget (account_id, bucket, window_reset, bucket_limit, allowance)"
                    + " VALUES (?, ?, ?, ?, ?)").params(accountId, bucket, reset, limit, allowance).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false; // another instance wrote it first
        }
    }
}
