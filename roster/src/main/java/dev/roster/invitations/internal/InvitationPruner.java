package dev.roster.invitations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;
import dev.roster.retention.Pruner;
import dev.roster.retention.RetentionProperties;

/**
 * Bounds {@code invitation}: rows accepted, or sent and expired, before the cutoff. A row whose
 * email is still wanted (never sent, or a resend asked for after the last send) is never pruned, so
 * the dispatcher never mistakes a pruned row for a person still to invite; an admin can invite again.
 */
@Component
class InvitationPruner implements Pruner {

    private final JdbcClient jdbc;

    InvitationPruner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String table() {
        return "invitation";
    }

    @Override
    public Duration retention(RetentionProperties properties) {
        return properties.invitations();
    }

    @Override
    @Transactional
    public int pruneBatch(UUID accountId, Instant cutoff, int limit) {
        if (accountId == null) {
            return 0;
        }
        List<UUID> ids = jdbc.sql("""
                SELECT person_id FROM invitation
                WHERE account_id = :account AND sent_at IS NOT NULL AND sent_at >= requested_at
                  AND (accepted_at < :cutoff OR (accepted_at IS NULL AND token_expires_at < :cutoff))
                LIMIT :limit
                """).param("account", accountId).param("cutoff", Instants.toJdbc(cutoff)).param("limit", limit)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM invitation WHERE account_id = :account AND person_id IN (:ids)")
                .param("account", accountId).param("ids", ids).update();
    }
}
