package dev.roster.okta.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one account within its share of each Okta rate-limit bucket. Okta's buckets are shared by
 * every integration of the org, so Roster stops while the bucket's remainder is down to what the
 * other integrations are owed ({@code (1 − share) × limit}) and waits for the window's reset.
 */
public class RateLimitGovernor {

    private record Window(long limit, long remaining, long resetEpochSecond) {
    }

    private final double share;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong waits = new AtomicLong();

    public RateLimitGovernor(double share, Sleeper sleeper, Duration maxWait) {
        this.share = share;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    /** Waits, if needed, until a call in this bucket is within the share. */
    public void acquire(String bucket) {
        Window window = windows.get(bucket);
        if (window == null || window.limit() <= 0) {
            return;
        }
        long reserve = (long) Math.ceil(window.limit() * (1 - share));
        if (window.remaining() <= reserve && clock.instant().getEpochSecond() < window.resetEpochSecond()) {
            waitForReset(bucket, window.resetEpochSecond());
        }
    }

    /** Notes the bucket's state from a response's {@code X-Rate-Limit-*} headers. */
    public void observe(String bucket, String limit, String remaining, String reset) {
        try {
            if (limit != null && remaining != null && reset != null) {
                windows.put(bucket, new Window(Long.parseLong(limit.strip()), Long.parseLong(remaining.strip()),
                        Long.parseLong(reset.strip())));
            }
        } catch (NumberFormatException e) {
            // Okta always sends numbers; anything else is ignored rather than trusted.
        }
    }

    /** After a 429: wait for the reset Okta named, whatever the bookkeeping said. */
    public void rejected(String bucket, String reset) {
        long resetAt;
        try {
            resetAt = reset == null ? clock.instant().getEpochSecond() + 1 : Long.parseLong(reset.strip());
        } catch (NumberFormatException e) {
            resetAt = clock.instant().getEpochSecond() + 1;
        }
        windows.remove(bucket);
        waitForReset(bucket, resetAt);
    }

    public long waits() {
        return waits.get();
    }

    private void waitForReset(String bucket, long resetEpochSecond) {
        Duration until = Duration.between(clock.instant(), Instant.ofEpochSecond(resetEpochSecond));
        // A little jitter so that several workers do not all fire at the window's first second.
        Duration wait = until.plusMillis(ThreadLocalRandom.current().nextLong(50, 500));
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        waits.incrementAndGet();
        windows.remove(bucket);
        if (!wait.isNegative()) {
            sleeper.sleep(wait);
        }
    }
}
