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
 * Bounds {@code okta_hook_event}, the dedupe table on each event's uuid: the events of deliveries
 * received before the cutoff, found through the delivery's received-at index, deleted by primary key.
 * It runs before the deliveries' pruner, so those events are counted as events.
 */
@Component
@Order(0)
class HookEventPruner implements Pruner {

    private final JdbcClient jdbc;

    HookEventPruner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String table() {
        return "okta_hook_event";
    }

    @Override
    public Duration retention(RetentionProperties properties) {
        return properties.hookEvents();
    }

    @Override
    @Transactional
    public int pruneBatch(UUID accountId, Instant cutoff, int limit) {
        if (accountId == null) {
            return 0;
        }
        List<String> uuids = jdbc.sql("""
                SELECT e.event_uuid FROM okta_hook_delivery d JOIN okta_hook_event e ON e.delivery_id = d.id
                WHERE d.account_id = :account AND d.received_at < :cutoff AND e.account_id = :account
                ORDER BY d.received_at LIMIT :limit
                """).param("account", accountId).param("cutoff", Instants.toJdbc(cutoff)).param("limit", limit)
                .query(String.class).list();
        if (uuids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM okta_hook_event WHERE account_id = :account AND event_uuid IN (:uuids)")
                .param("account", accountId).param("uuids", uuids).update();
    }
}
