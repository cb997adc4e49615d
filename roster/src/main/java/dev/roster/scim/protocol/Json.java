package dev.roster.scim.protocol;

import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Case-insensitive access to SCIM JSON: attribute names are case-insensitive (RFC 7643 §2.1). */
final class Json {

    private Json() {
    }

    /** The actual key in {@code object} for {@code name}, ignoring case, or null. */
    static String key(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getKey();
            }
        }
        return null;
    }

    static JsonNode get(JsonNode object, String name) {
        String key = key(object, name);
        return key == null ? null : object.get(key);
    }

    /** The node a path names inside {@code node}: the extension's object first when the path has a URN. */
    static JsonNode attribute(JsonNode node, AttributePath path) {
        JsonNode container = container(node, path.schema());
        JsonNode value = get(container, path.attribute());
        return path.subAttribute() == null || value == null ? value : get(value, path.subAttribute());
    }

    /**
     * Where a path's attribute lives: the resource itself for core attributes (no URN, or the
     * resource's own core schema URN), else the extension object named by the URN.
     */
    static JsonNode container(JsonNode node, String schema) {
        if (schema == null || isCore(schema)) {
            return node;
        }
        return get(node, schema);
    }

    static ObjectNode containerForWrite(ObjectNode node, String schema) {
        if (schema == null || isCore(schema)) {
            return node;
        }
        String key = key(node, schema);
        if (key != null && node.get(key).isObject()) {
            return (ObjectNode) node.get(key);
        }
        return node.putObject(key != null ? key : schema);
    }

    static boolean isCore(String schema) {
        String s = schema.toLowerCase(Locale.ROOT);
        return s.equals("urn:ietf:params:scim:schemas:core:2.0:user") || s.equals("urn:ietf:params:scim:schemas:core:2.0:group");
    }

    /** SCIM booleans, and Entra ID's "True"/"False" strings; null when the node is neither. */
    static Boolean bool(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            String s = node.asString().strip();
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }
}
