package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.Faults;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Okta-style rate limits: a fixed one-minute window per bucket for the whole org, reported in
 * X-Rate-Limit-* headers; plus a cap on simultaneous requests. When not enforced the headers still appear.
 */
public final class RateLimiter {
    /** Last published Okta Workforce figures per minute; the others are this simulator's defaults. */
    public static final Map<String, Integer> OKTA_DEFAULTS = Map.of(
            "apps", 100,
            "users.get", 2000,
            "users.list", 600,
            "users.write", 600,
            "groups", 500,
            "eventHooks", 100,
            "oauth2.token", 600,
            "oauth2.authorize", 600,
            "oauth2.userinfo", 600,
            "other", 600);

    private final Map<String, Integer> limits;
    private final boolean enforced;
    private final Faults faults;
    private final Clock clock;
    private final Semaphore concurrency;
    private final int concurrencyLimit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final double clientShare;

    public RateLimiter(Map<String, Integer> overrides, boolean enforced, int concurrencyLimit, Faults faults,
            Clock clock) {
        this(overrides, enforced, concurrencyLimit, 1.0, faults, clock);
    }

    /**
     * clientShare below 1 models Okta's per-credential cap: one API token or service app may use only that
     * share of a bucket (Okta's default is 50 %); the headers still describe the org's bucket.
     */
    public RateLimiter(Map<String, Integer> overrides, boolean enforced, int concurrencyLimit, double clientShare,
            Faults faults, Clock clock) {
        this.clientShare = clientShare;
        this.limits = new ConcurrentHashMap<>(OKTA_DEFAULTS);
        this.limits.putAll(overrides);
        this.enforced = enforced;
        this.faults = faults;
        this.clock = clock;
        this.concurrencyLimit = concurrencyLimit;
        this.concurrency = new Semaphore(concurrencyLimit);
    }

    public boolean enforced() {
        return enforced;
    }

    public int concurrencyLimit() {
        return concurrencyLimit;
    }

    /** Counts one request in the bucket. */
    public Decision take(String bucket) {
        return take(bucket, null);
    }

    /** Counts one request in the bucket, and in the caller's share of it when a credential is known. */
    public Decision take(String bucket, String credential) {
        int limit = faults.effectiveLimit(bucket, limits.getOrDefault(bucket, limits.get("other")));
        long minute = clock.millis() / 60_000L;
        int used = count(bucket, minute);
        boolean allowed = !enforced || used <= limit;
        if (credential != null && clientShare < 1.0) {
            int own = count(bucket + " " + credential, minute);
            allowed &= !enforced || own <= Math.max(1, (int) Math.floor(limit * clientShare));
        }
        // Unenforced limits report a full bucket, so that clients pacing themselves on the headers run flat out.
        return new Decision(limit, enforced ? Math.max(0, limit - used) : limit, (minute + 1) * 60L, allowed);
    }

    private int count(String key, long minute) {
        Window window = windows.compute(key, (k, w) -> w == null || w.minute != minute ? new Window(minute) : w);
        synchronized (window) {
            return ++window.count;
        }
    }

    /** False when the concurrency cap is reached; release() must follow a true. */
    public boolean enter() {
        return !enforced || concurrency.tryAcquire();
    }

    public void leave() {
        if (enforced) {
            concurrency.release();
        }
    }

    private static final class Window {
        final long minute;
        int count;

        Window(long minute) {
            this.minute = minute;
        }
    }

    /** The outcome for one request; reset is in UTC epoch seconds. */
    public record Decision(int limit, int remaining, long reset, boolean allowed) {
    }
}
