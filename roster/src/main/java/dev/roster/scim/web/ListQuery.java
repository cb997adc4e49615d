package dev.roster.scim.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.roster.scim.protocol.Filter;
import dev.roster.scim.protocol.ScimException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A list request's paging and projection (RFC 7644 §3.4.2): {@code startIndex} is 1-based (below
 * 1 means 1), {@code count} defaults to 100 and is capped at {@link #MAX_COUNT} (negative means 0);
 * {@code attributes}/{@code excludedAttributes} keep or drop top-level attributes, never {@code id}.
 */
record ListQuery(Filter filter, int startIndex, int count, String attributes, String excludedAttributes) {

    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final int MAX_COUNT = 1000;
    private static final Set<String> ALWAYS = Set.of("id", "schemas");

    static ListQuery of(Filter filter, String startIndex, String count, String attributes, String excluded) {
        int start = Math.max(1, integer("startIndex", startIndex, 1));
        int size = Math.min(MAX_COUNT, Math.max(0, integer("count", count, 100)));
        return new ListQuery(filter, start, size, attributes, excluded);
    }

    JsonNode render(long total, List<ObjectNode> resources) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(LIST_SCHEMA);
        body.put("totalResults", total);
        body.put("startIndex", startIndex);
        body.put("itemsPerPage", resources.size());
        var array = body.putArray("Resources");
        resources.forEach(r -> array.add(project(r, attributes, excludedAttributes)));
        return body;
    }

    static ObjectNode project(ObjectNode resource, String attributes, String excluded) {
        if (attributes != null && !attributes.isBlank()) {
            Set<String> keep = names(attributes);
            ObjectNode projected = resource.objectNode();
            resource.properties().forEach(e -> {
                if (ALWAYS.contains(e.getKey()) || keep.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                    projected.set(e.getKey(), e.getValue());
                }
            });
            return projected;
        }
        if (excluded != null && !excluded.isBlank()) {
            Set<String> drop = names(excluded);
            ObjectNode projected = resource.deepCopy();
            for (String key : List.copyOf(projected.propertyNames())) {
                if (!ALWAYS.contains(key) && drop.contains(key.toLowerCase(Locale.ROOT))) {
                    projected.remove(key);
                }
            }
            return projected;
        }
        return resource;
    }

    /** Top-level names; {@code name.givenName} keeps (or drops) {@code name}, an extension URN its object. */
    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT).startsWith("urn:") ? s : s.split("\\.")[0])
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ScimException.InvalidValue("\"" + name + "\" must be a whole number, not \"" + value + "\"");
        }
    }
}
