package dev.roster.provisioning.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

import dev.roster.okta.OktaConnection;

/**
 * The account's users waiting to be re-read from Okta, for the Okta page. Past what the account's
 * rate-limit share allows in a minute, the backlog is a paced catch-up: reads go by the hundred and
 * the rate governor spaces the calls, so the page says how long the wait is rather than letting a
 * storm look like a hang.
 */
@Component
public class SyncBacklog {

    /**
     * Okta's published limit of {@code /api/v1/apps*} per org and minute: each re-read user costs one
     * assignment check there, the scarcest bucket a re-read uses.
     */
    static final int APPS_PER_MINUTE = 100;

    /**
     * @param waiting    users with a sync waiting or running
     * @param perMinute  about how many users a minute the account's share lets through
     * @param catchingUp whether the backlog is larger than one minute's worth
     */
    public record Status(int waiting, int perMinute, boolean catchingUp) {
    }

    private final UserSyncState state;

    SyncBacklog(UserSyncState state) {
        this.state = state;
    }

    public Status of(OktaConnection connection) {
        int waiting = state.waitingCount(connection.accountId());
        int perMinute = Math.max(1, connection.rateLimitShare().multiply(BigDecimal.valueOf(APPS_PER_MINUTE))
                .setScale(0, RoundingMode.DOWN).intValue());
        return new Status(waiting, perMinute, waiting > perMinute);
    }
}
