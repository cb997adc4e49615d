package dev.roster.okta;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * An account whose provisioning is switched on, with its daily reconciliation time and when it was
 * first connected (an account connected after its latest due time waits for the next one).
 */
public record DailySync(UUID accountId, LocalTime at, Instant connectedAt) {
}
