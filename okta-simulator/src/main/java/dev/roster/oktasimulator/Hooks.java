package dev.roster.oktasimulator;

import dev.roster.oktasimulator.hooks.HookDispatcher;
import dev.roster.oktasimulator.hooks.SystemLogEvents;
import dev.roster.oktasimulator.internal.EventHook;
import dev.roster.oktasimulator.internal.Ids;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Event hooks: registration, verification and the delivery log, for tests. */
public final class Hooks {
    private final HookDispatcher dispatcher;

    Hooks(HookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * Registers a hook as {@code POST /api/v1/eventHooks} does (status ACTIVE, UNVERIFIED); returns its id.
     * headerKey/headerValue is the authScheme (may be null); extra headers are sent as they are.
     */
    public String register(String name, String uri, List<String> eventTypes, String headerKey, String headerValue,
            Map<String, String> extraHeaders) {
        for (String type : eventTypes) {
            if (!SystemLogEvents.SUBSCRIBABLE.contains(type)) {
                throw OktaApiException.validation("events",
                        "events: The event type '" + type + "' is not eligible for event hooks.");
            }
        }
        if (eventTypes.isEmpty()) {
            throw OktaApiException.validation("events", "events: At least one event type is required.");
        }
        if (uri == null || !(uri.startsWith("http://") || uri.startsWith("https://"))) {
            throw OktaApiException.validation("channel.config.uri", "channel.config.uri: The URI is not valid.");
        }
        requireRoomForActiveHook();
        EventHook hook = new EventHook(Ids.okta("who"), name, eventTypes, uri, headerKey, headerValue,
                new ArrayList<>(extraHeaders.entrySet()), System.currentTimeMillis());
        dispatcher.register(hook);
        return hook.id;
    }

    /** Okta allows 25 active event hooks per org. */
    public static final int MAX_ACTIVE_HOOKS = 25;

    /** Throws Okta's validation error when the org already has the maximum of active hooks. */
    public void requireRoomForActiveHook() {
        long active = dispatcher.hooks().stream().filter(h -> "ACTIVE".equals(h.status)).count();
        if (active >= MAX_ACTIVE_HOOKS) {
            throw OktaApiException.validation("eventHook",
                    "eventHook: The maximum of " + MAX_ACTIVE_HOOKS + " active event hooks per org has been reached.");
        }
    }

    /** Registers and verifies in one go; fails when the endpoint does not answer the challenge. */
    public String registerVerified(String uri, List<String> eventTypes, String headerKey, String headerValue) {
        String id = register("hook", uri, eventTypes, headerKey, headerValue, Map.of());
        if (!verify(id)) {
            throw new IllegalStateException("Hook endpoint " + uri + " did not answer the verification challenge");
        }
        return id;
    }

    /** Okta's verification: a GET with x-okta-verification-challenge; true when it was echoed. */
    public boolean verify(String hookId) {
        EventHook hook = dispatcher.hook(hookId);
        if (hook == null) {
            throw OktaApiException.notFound(hookId, "EventHook");
        }
        return dispatcher.verify(hook);
    }

    /** Waits until every event emitted so far has been delivered (or retried and given up); false on time-out. */
    public boolean awaitIdle(Duration max) {
        return dispatcher.awaitIdle(max);
    }

    /** Every attempt so far (verifications included), oldest first. */
    public List<HookDelivery> deliveries() {
        return dispatcher.deliveries();
    }

    /** Only POST deliveries that carried events (no verifications, no dropped ones). */
    public List<HookDelivery> sentDeliveries() {
        return dispatcher.deliveries().stream()
                .filter(d -> "POST".equals(d.method()) && !"DROPPED".equals(d.outcome())).toList();
    }

    public void clearDeliveries() {
        dispatcher.clearDeliveries();
    }

    public List<String> hookIds() {
        return dispatcher.hooks().stream().map(h -> h.id).toList();
    }
}
