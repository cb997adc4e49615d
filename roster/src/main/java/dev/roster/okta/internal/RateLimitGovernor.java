package dev.roster.okta.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one account within its share of each Okta rate-limit bucket. Okta's buckets are shared by
 * every integration of the org, so Roster stops while the bucket's remainder is down to what the
 * other integrations are owed ({@code (1 − share) × limit}) and waits for the window's reset. The
 * books are a {@link SharedRateBudget} in the database, so every instance of Roster draws on the
 * same share.
 */
public class RateLimitGovernor {

    /** Enough turns to outlast a window; past them the call goes ahead and Okta's 429 decides. */
    private static final int MAX_TURNS = 10;

    private final SharedRateBudget budget;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong waits = new AtomicLong();
    /** The latest reset a wait here lasted until: time has reached it even if the clock says otherwise. */
    private final AtomicLong waitedUntil = new AtomicLong();

    public RateLimitGovernor(SharedRateBudget budget, Sleeper sleeper, Duration maxWait) {
        this.budget = budget;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    /** Waits, if needed, until a call in this bucket is within the share; then takes it from the budget. */
    public void acquire(String bucket) {
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            long now = Math.max(clock.instant().getEpochSecond(), waitedUntil.get());
            if (!(budget.take(bucket, now) instanceof SharedRateBudget.Permit.Wait wait)) {
                return;
            }
            waitForReset(wait.untilEpochSecond());
        }
    }

    /** Notes the bucket's state from an answer's {@code X-Rate-Limit-*} headers; the call has landed. */
    public void observe(String bucket, String limit, String remaining, String reset) {
        try {
            if (limit != null && remaining != null && reset != null) {
                budget.observe(bucket, Long.parseLong(limit.strip()), Long.parseLong(remaining.strip()),
                        Long.parseLong(reset.strip()));
                return;
            }
        } catch (NumberFormatException e) {
            // Okta always sends numbers; anything else is ignored rather than trusted.
        }
        budget.released(bucket);
    }

    /** A call that got no answer at all (time-out, connection lost). */
    public void released(String bucket) {
        budget.released(bucket);
    }

    /** After a 429: wait for the reset Okta named, whatever the bookkeeping said; other instances wait too. */
    public void rejected(String bucket, String reset) {
        long resetAt;
        try {
            resetAt = reset == null ? clock.instant().getEpochSecond() + 1 : Long.parseLong(reset.strip());
        } catch (NumberFormatException e) {
            resetAt = clock.instant().getEpochSecond() + 1;
        }
        budget.exhausted(bucket, resetAt);
        waitForReset(resetAt);
    }

    public long waits() {
        return waits.get();
    }

    private void waitForReset(long resetEpochSecond) {
        Duration until = Duration.between(clock.instant(), Instant.ofEpochSecond(resetEpochSecond));
        // A little jitter so that several workers do not all fire at the window's first second.
        Duration wait = until.plusMillis(ThreadLocalRandom.current().nextLong(50, 500));
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        waits.incrementAndGet();
        long reached = Math.min(resetEpochSecond, clock.instant().plus(wait).getEpochSecond());
        if (!wait.isNegative()) {
            sleeper.sleep(wait);
        }
        waitedUntil.accumulateAndGet(reached, Math::max);
    }
}
