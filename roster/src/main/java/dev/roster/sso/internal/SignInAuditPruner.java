package dev.roster.sso.internal;

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

/** Bounds {@code sign_in_audit}, oldest first through its (account, at) index; attempts naming no account included. */
@Component
class SignInAuditPruner implements Pruner {

    private final JdbcClient jdbc;

    SignInAuditPruner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String table() {
        return "sign_in_audit";
    }

    @Override
    public Duration retention(RetentionProperties properties) {
        return properties.signInAudit();
    }

    @Override
    @Transactional
    public int pruneBatch(UUID accountId, Instant cutoff, int limit) {
        List<UUID> ids = (accountId == null
                ? jdbc.sql("SELECT id FROM sign_in_audit WHERE account_id IS NULL AND at < :cutoff ORDER BY at LIMIT :limit")
                : jdbc.sql("SELECT id FROM sign_in_audit WHERE account_id = :account AND at < :cutoff ORDER BY at"
                        + " LIMIT :limit").param("account", accountId))
                .param("cutoff", Instants.toJdbc(cutoff)).param("limit", limit).query(UUID.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM sign_in_audit WHERE id IN (:ids)").param("ids", ids).update();
    }
}
