package dev.roster.oktasimulator;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to deliver a batch to a hook (or a verification). outcome: DELIVERED (2xx), REJECTED (other
 * status), TIMEOUT, FAILED (connection error), DROPPED (fault: never sent). status is the HTTP status or -1.
 */
public record HookDelivery(String hookId, String uri, String method, String eventId, List<String> eventTypes,
        List<String> eventUuids, String body, int attempt, boolean duplicate, int status, String outcome,
        Instant at) {
}
