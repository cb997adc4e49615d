package dev.roster.provisioning.hooks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a delivery body into a {@link HookDelivery} or says exactly what is wrong with it. Unknown
 * fields are ignored; the shapes Roster relies on are checked; nesting depth is capped so a
 * hostile body cannot exhaust the stack.
 */
final class HookDeliveryParser {

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build()).build();

    private HookDeliveryParser() {
    }

    /** Thrown with a message fit for the 400 answer. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    static HookDelivery parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("the body must be a JSON object");
        }
        String eventId = optionalText(root.get("eventId"), "eventId", 100);
        JsonNode events = root.path("data").path("events");
        if (!events.isArray()) {
            throw new Malformed("data.events must be an array");
        }
        List<HookDelivery.Event> parsed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            parsed.add(event(events.get(i), "data.events[" + i + "]"));
        }
        return new HookDelivery(eventId, parsed);
    }

    private static HookDelivery.Event event(JsonNode event, String where) {
        if (!event.isObject()) {
            throw new Malformed(where + " must be an object");
        }
        String uuid = requiredText(event.get("uuid"), where + ".uuid", 100);
        String type = requiredText(event.get("eventType"), where + ".eventType", 200);
        String user = null;
        String app = null;
        JsonNode targets = event.get("target");
        if (targets != null && !targets.isNull()) {
            if (!targets.isArray()) {
                throw new Malformed(where + ".target must be an array");
            }
            for (JsonNode target : targets) {
                if (!target.isObject()) {
                    throw new Malformed(where + ".target entries must be objects");
                }
                String targetType = optionalText(target.get("type"), where + ".target.type", 100);
                if ("User".equals(targetType) && user == null) {
                    user = requiredText(target.get("id"), where + ".target.id", 64);
                } else if ("AppInstance".equals(targetType) && app == null) {
                    app = optionalText(target.get("id"), where + ".target.id", 100);
                }
            }
        }
        return new HookDelivery.Event(uuid, type, published(event.get("published")), user, app);
    }

    private static Instant published(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        try {
            return Instant.parse(node.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String requiredText(JsonNode node, String field, int max) {
        String text = optionalText(node, field, max);
        if (text == null) {
            throw new Malformed(field + " is required");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new Malformed(field + " must be a string");
        }
        String text = node.asString();
        if (text.isBlank()) {
            return null;
        }
        if (text.length() > max) {
            throw new Malformed(field + " is longer than " + max + " characters");
        }
        return text;
    }
}
