package dev.roster.provisioning.hooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;
import dev.roster.retention.Pruner;
import dev.roster.retention.RetentionProperties;

/**
 * Bounds {@code okta_hook_delivery} (the dedupe on the envelope's eventId and the Okta page's list).
 * The account's newest delivery always stays, so "Test connection" can still say when the hook last
 * delivered; any event rows a delivery still has go in the same transaction (they reference it).
 */
@Component
@Order(1)
class HookDeliveryPruner implements Pruner {

    private final JdbcClient jdbc;

    HookDeliveryPruner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String table() {
        return "okta_hook_delivery";
    }

    @Override
    public Duration retention(RetentionProperties properties) {
        return properties.hookDeliveries();
    }

    @Override
    @Transactional
    public int pruneBatch(UUID accountId, Instant cutoff, int limit) {
        if (accountId == null) {
            return 0;
        }
        List<UUID> ids = jdbc.sql("""
                SELECT id FROM okta_hook_delivery
                WHERE account_id = :account AND received_at < :cutoff
                  AND received_at < (SELECT MAX(received_at) FROM okta_hook_delivery WHERE account_id = :account)
                ORDER BY received_at LIMIT :limit
                """).param("account", accountId).param("cutoff", Instants.toJdbc(cutoff)).param("limit", limit)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("DELETE FROM okta_hook_event WHERE delivery_id IN (:ids)").param("ids", ids).update();
        return jdbc.sql("DELETE FROM okta_hook_delivery WHERE id IN (:ids)").param("ids", ids).update();
    }
}
