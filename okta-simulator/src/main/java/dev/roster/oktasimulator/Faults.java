package dev.roster.oktasimulator;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults on demand for reliability tests. Shares are probabilities in [0, 1], drawn from one random
 * sequence seeded at start (and by {@link #seed}), so a single-threaded test sees the same faults each run.
 * Management API faults apply to {@code /api/v1/**} only.
 */
public final class Faults {
    private volatile long latencyMillis;
    private volatile double errorShare;
    private volatile double timeoutShare;
    private volatile long timeoutMillis = 10_000;
    private volatile double hookDropShare;
    private volatile double hookDuplicateShare;
    private volatile double hookReorderShare;
    private volatile long hookDelayMillis;
    private volatile double rateLimitFactor = 1.0;
    private final Map<String, Integer> rateLimitOverrides = new ConcurrentHashMap<>();
    private final long initialSeed;
    private Random random;

    public Faults(long seed) {
        this.initialSeed = seed;
        this.random = new Random(seed);
    }

    /** Added to every Management API call before it is answered. */
    public Faults latency(Duration latency) {
        this.latencyMillis = latency.toMillis();
        return this;
    }

    /** Share of Management API calls answered 500 E0000009. */
    public Faults errorShare(double share) {
        this.errorShare = share;
        return this;
    }

    /** Share of Management API calls held for {@link #timeoutDuration} and then dropped without an answer. */
    public Faults timeoutShare(double share) {
        this.timeoutShare = share;
        return this;
    }

    public Faults timeoutDuration(Duration duration) {
        this.timeoutMillis = duration.toMillis();
        return this;
    }

    /** Share of hook deliveries (batches) never sent. */
    public Faults hookDropShare(double share) {
        this.hookDropShare = share;
        return this;
    }

    /** Share of hook deliveries sent twice with the same eventId. */
    public Faults hookDuplicateShare(double share) {
        this.hookDuplicateShare = share;
        return this;
    }

    /** Share of hook deliveries held back so that later ones overtake them (and their events reversed). */
    public Faults hookReorderShare(double share) {
        this.hookReorderShare = share;
        return this;
    }

    /** Extra delay before every hook delivery. */
    public Faults hookDelay(Duration delay) {
        this.hookDelayMillis = delay.toMillis();
        return this;
    }

    /** Multiplies every rate limit (e.g. 0.1 = a tenth of the normal limits) at run time. */
    public Faults squeezeRateLimits(double factor) {
        this.rateLimitFactor = factor;
        return this;
    }

    /** Sets one bucket's limit per minute at run time (buckets: see README). */
    public Faults rateLimit(String bucket, int perMinute) {
        rateLimitOverrides.put(bucket, perMinute);
        return this;
    }

    public synchronized Faults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** Back to no faults (and the start seed). */
    public synchronized Faults reset() {
        latencyMillis = 0;
        errorShare = 0;
        timeoutShare = 0;
        timeoutMillis = 10_000;
        hookDropShare = 0;
        hookDuplicateShare = 0;
        hookReorderShare = 0;
        hookDelayMillis = 0;
        rateLimitFactor = 1.0;
        rateLimitOverrides.clear();
        random = new Random(initialSeed);
        return this;
    }

    /** True with the given probability; never consumes randomness when the share is 0. */
    public synchronized boolean roll(double share) {
        return share > 0 && (share >= 1 || random.nextDouble() < share);
    }

    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public double errorShare() {
        return errorShare;
    }

    public double timeoutShare() {
        return timeoutShare;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public double hookDropShare() {
        return hookDropShare;
    }

    public double hookDuplicateShare() {
        return hookDuplicateShare;
    }

    public double hookReorderShare() {
        return hookReorderShare;
    }

    public long hookDelayMillis() {
        return hookDelayMillis;
    }

    public double rateLimitFactor() {
        return rateLimitFactor;
    }

    /** The limit in force for a bucket, given its configured limit. */
    public int effectiveLimit(String bucket, int configured) {
        Integer override = rateLimitOverrides.get(bucket);
        int base = override != null ? override : configured;
        return Math.max(1, (int) Math.floor(base * rateLimitFactor));
    }

    public Map<String, Object> describe() {
        return Map.of("latencyMs", latencyMillis, "errorShare", errorShare, "timeoutShare", timeoutShare,
                "timeoutMs", timeoutMillis, "hookDropShare", hookDropShare, "hookDuplicateShare",
                hookDuplicateShare, "hookReorderShare", hookReorderShare, "hookDelayMs", hookDelayMillis,
                "rateLimitFactor", rateLimitFactor, "rateLimits", Map.copyOf(rateLimitOverrides));
    }
}
