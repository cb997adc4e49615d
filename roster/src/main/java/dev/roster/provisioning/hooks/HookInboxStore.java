package dev.roster.provisioning.hooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;
import dev.roster.okta.OktaConnection;
import dev.roster.provisioning.OktaEvents;
import dev.roster.provisioning.internal.SyncRequests;

/**
 * Writes a batch of deliveries in one transaction: each delivery and its events, deduplicated on
 * Okta's {@code eventId} and each event's {@code uuid} (against the table and earlier deliveries of
 * the same batch), and one sync request per user concerned. The statements per batch do not grow
 * with its size: two look-ups per account, two batched inserts, and the sync requests.
 */
@Component
class HookInboxStore {

    /** The event types that can change who is in the directory or what they look like. */
    static final Set<String> RELEVANT = Set.copyOf(OktaEvents.SUBSCRIBED);

    /** Bounds the IN lists of the look-ups. */
    private static final int CHUNK = 500;

    /** A delivery to store, for this connection's account. */
    record Item(OktaConnection connection, HookDelivery delivery) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SyncRequests requests;
    private final Clock clock;

    HookInboxStore(JdbcClient jdbc, JdbcTemplate batch, SyncRequests requests, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.requests = requests;
        this.clock = clock;
    }

    /** Stores the items; the outcomes are in the items' order. */
    @Transactional
    List<HookInbox.Outcome> store(List<Item> items) {
        Object now = Instants.toJdbc(Instant.now(clock));
        Map<UUID, Set<String>> deliveriesSeen = seen(items, "okta_hook_delivery", "event_id",
                item -> item.delivery().eventId() == null ? List.of() : List.of(item.delivery().eventId()));
        Map<UUID, Set<String>> eventsSeen = seen(items, "okta_hook_event", "event_uuid",
                item -> item.delivery().events().stream().map(HookDelivery.Event::uuid).toList());
        // sorted by account, then user: concurrent batches lock okta_user_sync rows in one order
        Map<UUID, Set<String>> users = new TreeMap<>();
        List<Object[]> deliveryRows = new ArrayList<>();
        List<Object[]> eventRows = new ArrayList<>();
        List<HookInbox.Outcome> outcomes = new ArrayList<>(items.size());
        for (Item item : items) {
            UUID accountId = item.connection().accountId();
            HookDelivery delivery = item.delivery();
            String eventId = delivery.eventId() != null ? delivery.eventId() : "none:" + UUID.randomUUID();
            if (!deliveriesSeen.get(accountId).add(eventId)) {
                outcomes.add(new HookInbox.Outcome.Duplicate(delivery.events().size()));
                continue;
            }
            UUID deliveryId = UUID.randomUUID();
            Set<String> queued = new LinkedHashSet<>();
            Set<String> types = new LinkedHashSet<>();
            for (HookDelivery.Event event : delivery.events()) {
                if (!eventsSeen.get(accountId).add(event.uuid())) {
                    continue;
                }
                boolean queue = relevant(item.connection(), event);
                if (queue) {
                    queued.add(event.userId());
                }
                types.add(event.eventType());
                eventRows.add(new Object[] {accountId, event.uuid(), deliveryId, event.eventType(), event.userId(),
                        Instants.toJdbc(event.published()), queue ? "queued" : "ignored"});
            }
            deliveryRows.add(new Object[] {deliveryId, accountId, eventId, now, delivery.events().size(), queued.size(),
                    abbreviate(String.join(",", types))});
            users.computeIfAbsent(accountId, id -> new LinkedHashSet<>()).addAll(queued);
            outcomes.add(new HookInbox.Outcome.Stored(delivery.events().size(), queued.size()));
        }
        if (!deliveryRows.isEmpty()) {
            batch.batchUpdate("INSERT INTO okta_hook_delivery (id, account_id, event_id, received_at, event_count,"
                    + " queued_count, event_types) VALUES (?, ?, ?, ?, ?, ?, ?)", deliveryRows);
        }
        if (!eventRows.isEmpty()) {
            batch.batchUpdate("INSERT INTO okta_hook_event (account_id, event_uuid, delivery_id, event_type,"
                    + " okta_user_id, published, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)", eventRows);
        }
        users.forEach((accountId, ids) -> {
            if (!ids.isEmpty()) {
                requests.requestAll(accountId, ids);
            }
        });
        return outcomes;
    }

    /** Per account of the batch, which of the keys its items carry are already in the table. */
    private Map<UUID, Set<String>> seen(List<Item> items, String table, String column,
            Function<Item, List<String>> keys) {
        Map<UUID, Set<String>> wanted = new HashMap<>();
        for (Item item : items) {
            wanted.computeIfAbsent(item.connection().accountId(), id -> new LinkedHashSet<>())
                    .addAll(keys.apply(item));
        }
        Map<UUID, Set<String>> seen = new HashMap<>();
        wanted.forEach((accountId, candidates) -> {
            Set<String> found = new HashSet<>();
            List<String> list = List.copyOf(candidates);
            for (int from = 0; from < list.size(); from += CHUNK) {
                found.addAll(jdbc.sql("SELECT " + column + " FROM " + table + " WHERE account_id = :account AND "
                                + column + " IN (:keys)")
                        .param("account", accountId).param("keys", list.subList(from, Math.min(list.size(), from + CHUNK)))
                        .query(String.class).list());
            }
            seen.put(accountId, found);
        });
        return seen;
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
