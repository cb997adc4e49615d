package dev.roster.okta.internal;

import java.time.Duration;

/** Waiting, made replaceable so tests of back-off and rate limits do not take minutes. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Okta", e);
        }
    };

    void sleep(Duration duration);
}
