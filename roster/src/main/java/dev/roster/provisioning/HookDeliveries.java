package dev.roster.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.roster.common.Instants;

/** The latest event-hook deliveries of an account, for the admin's Okta page. */
@Service
public class HookDeliveries {

    /** A delivery as received: when, which event types, how many events and how many users it queued. */
    public record Delivery(Instant receivedAt, String eventTypes, int events, int queued) {
    }

    private final JdbcClient jdbc;

    HookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Delivery> latest(UUID accountId, int limit) {
        return jdbc.sql("SELECT received_at, event_types, event_count, queued_count FROM okta_hook_delivery"
                        + " WHERE account_id = :account ORDER BY received_at DESC LIMIT :limit")
                .param("account", accountId).param("limit", limit)
                .query((rs, n) -> new Delivery(Instants.read(rs, "received_at"), rs.getString("event_types"),
                        rs.getInt("event_count"), rs.getInt("queued_count")))
                .list();
    }
}
