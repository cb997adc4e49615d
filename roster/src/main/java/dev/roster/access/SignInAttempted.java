package dev.roster.access;

import java.time.Instant;
import java.util.UUID;

/**
 * Published for every sign-in attempt, local or single sign-on, successful or not, so that the
 * attempt can be audited without the access module knowing where audits are kept.
 *
 * @param accountId null when the account named by the attempt does not exist
 * @param personId  null when no person was identified
 * @param reason    why it failed (a short code and detail), or null on success
 * @param subject   the Okta user id ({@code sub}) for single sign-on, else null
 */
public record SignInAttempted(UUID accountId, Instant at, UUID personId, Method method, boolean success,
        String reason, String subject, String email, String ip) {

    public enum Method {
        LOCAL, SSO;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
