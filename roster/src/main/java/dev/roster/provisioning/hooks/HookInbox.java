package dev.roster.provisioning.hooks;

import dev.roster.provisioning.OktaEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;
import dev.roster.okta.OktaConnection;
import dev.roster.provisioning.internal.SyncRequests;

/**
 * The durable inbox: stores a delivery and its events, deduplicated on Okta's {@code eventId} and
 * each event's {@code uuid}, and queues one sync job per user concerned, all in one transaction.
 */
@Component
class HookInbox {

    /** The event types that can change who is in the directory or what they look like. */
    static final Set<String> RELEVANT = Set.copyOf(OktaEvents.SUBSCRIBED);

    /** What happened to a delivery. */
    record Accepted(boolean duplicate, int events, int queued) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SyncRequests requests;
    private final Clock clock;

    HookInbox(JdbcClient jdbc, NamedParameterJdbcTemplate named, SyncRequests requests, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional
    Accepted accept(OktaConnection connection, HookDelivery delivery) {
        UUID accountId = connection.accountId();
        String eventId = delivery.eventId() != null ? delivery.eventId() : "none:" + UUID.randomUUID();
        boolean seen = jdbc.sql("SELECT COUNT(*) FROM okta_hook_delivery WHERE account_id = ? AND event_id = ?")
                .params(accountId, eventId).query(Integer.class).single() > 0;
        if (seen) {
            return new Accepted(true, delivery.events().size(), 0);
        }
        UUID deliveryId = UUID.randomUUID();
        Set<String> known = knownUuids(accountId, delivery);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        Set<String> users = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> inThisDelivery = new HashSet<>();
        for (HookDelivery.Event event : delivery.events()) {
            if (known.contains(event.uuid()) || !inThisDelivery.add(event.uuid())) {
                continue;
            }
            boolean queue = relevant(connection, event);
            if (queue) {
                users.add(event.userId());
            }
            types.add(event.eventType());
            rows.add(new MapSqlParameterSource().addValue("account", accountId).addValue("uuid", event.uuid())
                    .addValue("delivery", deliveryId).addValue("type", event.eventType())
                    .addValue("user", event.userId()).addValue("published", Instants.toJdbc(event.published()))
                    .addValue("outcome", queue ? "queued" : "ignored"));
        }
        jdbc.sql("INSERT INTO okta_hook_delivery (id, account_id, event_id, received_at, event_count, queued_count,"
                        + " event_types) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(deliveryId, accountId, eventId, Instants.toJdbc(Instant.now(clock)), delivery.events().size(),
                        users.size(), abbreviate(String.join(",", types)))
                .update();
        if (!rows.isEmpty()) {
            named.batchUpdate("INSERT INTO okta_hook_event (account_id, event_uuid, delivery_id, event_type,"
                    + " okta_user_id, published, outcome) VALUES (:account, :uuid, :delivery, :type, :user,"
                    + " :published, :outcome)", rows.toArray(MapSqlParameterSource[]::new));
        }
        users.forEach(user -> requests.request(accountId, user));
        return new Accepted(false, delivery.events().size(), users.size());
    }

    private Set<String> knownUuids(UUID accountId, HookDelivery delivery) {
        Set<String> known = new HashSet<>();
        List<String> uuids = delivery.events().stream().map(HookDelivery.Event::uuid).distinct().toList();
        for (int from = 0; from < uuids.size(); from += 1000) {
            known.addAll(jdbc.sql("SELECT event_uuid FROM okta_hook_event WHERE account_id = :account"
                            + " AND event_uuid IN (:uuids)")
                    .param("account", accountId).param("uuids", uuids.subList(from, Math.min(uuids.size(), from + 1000)))
                    .query(String.class).list());
        }
        return known;
    }

    /** A relevant type about a user; membership events must be about this account's app. */
    private static boolean relevant(OktaConnection connection, HookDelivery.Event event) {
        if (event.userId() == null || !RELEVANT.contains(event.eventType())) {
            return false;
        }
        return !event.eventType().startsWith("application.") || event.appInstanceId() == null
                || event.appInstanceId().equals(connection.appId());
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
