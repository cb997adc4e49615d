package dev.roster.provisioning.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * When an account's daily reconciliation falls due: its configured UTC time plus a fixed offset in
 * {@code [0, spread)} drawn from the account id, so that thousands of accounts configured for 03:00
 * start spread over the window instead of in the same second, each always at the same minute.
 */
record DailyRunTimes(Duration spread) {

    /** This account's offset after its configured time: deterministic, uniform over the window. */
    Duration offset(UUID accountId) {
        long seconds = spread.toSeconds();
        if (seconds <= 0) {
            return Duration.ZERO;
        }
        // A hash of the id's text rather than UUID.hashCode(), whose xor of halves is not uniform for every id shape.
        return Duration.ofSeconds(Math.floorMod(hash(accountId), seconds));
    }

    /** The most recent moment at or before {@code now} when this account's daily run fell due. */
    Instant latestDue(UUID accountId, LocalTime at, Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Instant todays = today.atTime(at).toInstant(ZoneOffset.UTC).plus(offset(accountId));
        // an offset can carry a late time past midnight: step back until the moment is not in the future
        while (todays.isAfter(now)) {
            todays = todays.minus(Duration.ofDays(1));
        }
        return todays;
    }

    /** The next moment after {@code now} when this account's daily run falls due. */
    Instant nextDue(UUID accountId, LocalTime at, Instant now) {
        return latestDue(accountId, at, now).plus(Duration.ofDays(1));
    }

    private static long hash(UUID accountId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accountId.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
