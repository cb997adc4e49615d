package dev.roster.invitations;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one person's invitation email stands, as shown on their page.
 *
 * @param sentAt        when the latest requested email went out; null while it waits or fails
 * @param lastError     why the latest attempt failed, cleared when one succeeds
 * @param linkExpiresAt when the accept link of the latest email stops working
 */
public record InvitationDelivery(
        UUID personId,
        Instant requestedAt,
        Instant sentAt,
        int attempts,
        Instant lastAttemptAt,
        String lastError,
        Instant linkExpiresAt,
        Instant acceptedAt) {

    /** Requested and not (yet) delivered. */
    public boolean waiting() {
        return acceptedAt == null && (sentAt == null || sentAt.isBefore(requestedAt));
    }
}
