package dev.roster.scim.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;
import dev.roster.okta.OktaConnections;

/**
 * Whether SCIM is the account's provisioning source, and whether the people it creates get an
 * invitation email. One source per account: SCIM cannot be switched on while Okta's API still
 * provisions the account, or two sources would fight over the same people.
 */
@Service
public class ScimSettings {

    public record Settings(boolean enabled, boolean withholdInvitations) {
        static final Settings OFF = new Settings(false, false);
    }

    /** Refused: another source provisions the account. */
    public static final class SourceConflict extends RuntimeException {
        SourceConflict(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final OktaConnections okta;
    private final Clock clock;

    ScimSettings(JdbcClient jdbc, OktaConnections okta, Clock clock) {
        this.jdbc = jdbc;
        this.okta = okta;
        this.clock = clock;
    }

    public Settings find(UUID accountId) {
        return jdbc.sql("SELECT enabled, withhold_invitations FROM scim_settings WHERE account_id = ?").param(accountId)
                .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getBoolean(2))).optional().orElse(Settings.OFF);
    }

    @Transactional
    public Settings save(UUID accountId, boolean enabled, Boolean withholdInvitations) {
        if (enabled && okta.find(accountId).map(c -> c.provisioningEnabled()).orElse(false)) {
            throw new SourceConflict("Okta's API provisions this account. Switch provisioning off in the Okta"
                    + " settings first, then switch SCIM on: an account has one provisioning source.");
        }
        Settings current = find(accountId);
        Settings next = new Settings(enabled, withholdInvitations != null ? withholdInvitations
                : current.withholdInvitations());
        int updated = jdbc.sql("UPDATE scim_settings SET enabled = ?, withhold_invitations = ?, updated_at = ?"
                        + " WHERE account_id = ?")
                .params(next.enabled(), next.withholdInvitations(), Instants.toJdbc(Instant.now(clock)), accountId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO scim_settings (account_id, enabled, withhold_invitations, updated_at)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(accountId, next.enabled(), next.withholdInvitations(), Instants.toJdbc(Instant.now(clock)))
                    .update();
        }
        return next;
    }
}
