package dev.roster.scim.protocol;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SCIM PATCH request (RFC 7644 §3.5.2), read leniently where real clients differ from the RFC
 * (each quirk has its own test) and applied to a resource's JSON all or nothing: {@link #apply}
 * works on a copy and throws before returning anything when one operation is refused.
 *
 * <p>Dialects: op names in any case (Entra ID's {@code Replace}); {@code "True"}/{@code "False"}
 * strings for booleans (Entra ID); a pathless value whose keys are paths ({@code name.givenName},
 * an extension URN with its attribute) or an extension's whole object; {@code remove} on a
 * multi-valued path with a {@code value} list removes only those values (Entra ID's member removal —
 * the RFC's reading would empty the group); a filtered {@code add}/{@code replace} that matches no
 * value creates it ({@code emails[type eq "work"].value}); a {@code manager} sent as a plain id;
 * read-only attributes ({@code id}, {@code meta}, {@code schemas}) echoed back by Okta are ignored.
 */
public final class Patch {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /** More operations than any client sends in one request; a cap on hostile bodies. */
    static final int MAX_OPERATIONS = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public enum Op { ADD, REPLACE, REMOVE }

    public record Operation(Op op, PatchPath path, JsonNode value) {
    }

    private final List<Operation> operations;

    private Patch(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Reads a PatchOp body; refuses it whole, with what is wrong, before anything is applied. */
    public static Patch parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ScimException.InvalidSyntax("a PATCH body is a JSON object with \"Operations\"");
        }
        JsonNode ops = Json.get(body, "Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw new ScimException.InvalidSyntax("\"Operations\" must be a non-empty array");
        }
        if (ops.size() > MAX_OPERATIONS) {
            throw new ScimException.InvalidSyntax("more than " + MAX_OPERATIONS + " operations in one request");
        }
        List<Operation> operations = new ArrayList<>();
        int index = 0;
        for (JsonNode node : ops) {
            index++;
            if (!node.isObject()) {
                throw new ScimException.InvalidSyntax("operation " + index + " is not an object");
            }
            JsonNode opNode = Json.get(node, "op");
            Op op;
            try {
                op = Op.valueOf(opNode == null ? "" : opNode.asString().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ScimException.InvalidSyntax("operation " + index + ": \"op\" must be add, replace or remove");
            }
            JsonNode pathNode = Json.get(node, "path");
            PatchPath path = pathNode == null || pathNode.isNull() ? null : FilterParser.parsePath(pathNode.asString());
            JsonNode value = Json.get(node, "value");
            if (op != Op.REMOVE && (value == null || value.isMissingNode())) {
                throw new ScimException.InvalidValue("operation " + index + " (" + op.name().toLowerCase(Locale.ROOT)
                        + ") has no value");
            }
            if (op == Op.REMOVE && path == null) {
                throw new ScimException.NoTarget("operation " + index + " (remove) has no path");
            }
            if (op != Op.REMOVE && path == null) {
                if (!value.isObject()) {
                    throw new ScimException.InvalidValue("operation " + index + " has no path, so its value must be"
                            + " an object of attributes");
                }
                operations.addAll(pathless(op, (ObjectNode) value));
            } else {
                operations.add(new Operation(op, path, value));
            }
        }
        return new Patch(operations);
    }

    /** A pathless add/replace becomes one operation per attribute, each with its own path. */
    private static List<Operation> pathless(Op op, ObjectNode value) {
        List<Operation> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String key = entry.getKey();
            if (isReadOnly(key)) {
                continue;
            }
            if (entry.getValue().isObject() && key.regionMatches(true, 0, "urn:", 0, 4) && isSchemaUrn(key)) {
                for (Map.Entry<String, JsonNode> inner : entry.getValue().properties()) {
                    result.add(new Operation(op, FilterParser.parsePath(key + ":" + inner.getKey()), inner.getValue()));
                }
            } else {
                result.add(new Operation(op, FilterParser.parsePath(key), entry.getValue()));
            }
        }
        return result;
    }

    /** An extension's URN alone ({@code urn:…:enterprise:2.0:User}), as opposed to a URN with an attribute. */
    private static boolean isSchemaUrn(String key) {
        String last = key.substring(key.lastIndexOf(':') + 1);
        return last.equals("User") || last.equals("Group") || last.contains(".");
    }

    private static boolean isReadOnly(String key) {
        return key.equalsIgnoreCase("id") || key.equalsIgnoreCase("meta") || key.equalsIgnoreCase("schemas");
    }

    /** The resource with every operation applied, or an exception and the resource untouched. */
    public ObjectNode apply(ObjectNode resource) {
        ObjectNode result = resource.deepCopy();
        for (Operation operation : operations) {
            apply(result, operation);
        }
        return result;
    }

    private static void apply(ObjectNode resource, Operation operation) {
        PatchPath path = operation.path();
        AttributePath attribute = path.attribute();
        if (isReadOnly(attribute.attribute()) && attribute.schema() == null) {
            return;
        }
        ObjectNode container = Json.containerForWrite(resource, attribute.schema());
        String key = existingOr(container, attribute.attribute());
        JsonNode value = normalise(attribute, operation.value());
        if (path.valueFilter() != null) {
            applyFiltered(container, key, path, operation.op(), value);
            return;
        }
        if (attribute.subAttribute() != null) {
            applySub(container, key, attribute.subAttribute(), operation.op(), value);
            return;
        }
        JsonNode current = container.get(key);
        switch (operation.op()) {
            case REMOVE -> {
                if (value != null && current != null && current.isArray() && value.isArray()) {
                    removeListed((ArrayNode) current, value);
                } else {
                    container.remove(key);
                }
            }
            case ADD -> {
                if (current != null && current.isArray()) {
                    addAll((ArrayNode) current, value);
                } else if (current != null && current.isObject() && value.isObject()) {
                    ((ObjectNode) current).setAll((ObjectNode) value);
                } else {
                    container.set(key, value);
                }
            }
            case REPLACE -> {
                if (current != null && current.isObject() && value.isObject()) {
                    ((ObjectNode) current).setAll((ObjectNode) value);
                } else {
                    container.set(key, value);
                }
            }
        }
    }

    private static void applySub(ObjectNode container, String key, String sub, Op op, JsonNode value) {
        JsonNode current = container.get(key);
        if (op == Op.REMOVE) {
            if (current != null && current.isObject()) {
                ObjectNode object = (ObjectNode) current;
                String subKey = Json.key(object, sub);
                if (subKey != null) {
                    object.remove(subKey);
                }
            }
            return;
        }
        ObjectNode object = current != null && current.isObject() ? (ObjectNode) current : container.putObject(key);
        object.set(existingOr(object, sub), value);
    }

    private static void applyFiltered(ObjectNode container, String key, PatchPath path, Op op, JsonNode value) {
        JsonNode current = container.get(key);
        ArrayNode values = current != null && current.isArray() ? (ArrayNode) current : null;
        boolean matched = false;
        if (values != null) {
            for (Iterator<JsonNode> it = values.iterator(); it.hasNext();) {
                JsonNode item = it.next();
                if (!FilterEvaluator.matches(item, path.valueFilter())) {
                    continue;
                }
                matched = true;
                if (op == Op.REMOVE) {
                    if (path.subAttribute() == null) {
                        it.remove();
                    } else if (item.isObject()) {
                        String subKey = Json.key(item, path.subAttribute());
                        if (subKey != null) {
                            ((ObjectNode) item).remove(subKey);
                        }
                    }
                } else if (path.subAttribute() != null && item.isObject()) {
                    ((ObjectNode) item).set(existingOr(item, path.subAttribute()), value);
                } else if (item.isObject() && value.isObject()) {
                    ((ObjectNode) item).setAll((ObjectNode) value);
                }
            }
        }
        if (!matched && op != Op.REMOVE) {
            ObjectNode created = fromEqualities(path.valueFilter());
            if (path.subAttribute() != null) {
                created.set(path.subAttribute(), value);
            } else if (value.isObject()) {
                created.setAll((ObjectNode) value);
            } else {
                throw new ScimException.InvalidValue("the value for \"" + path.attribute() + "[…]\" must be an object");
            }
            (values != null ? values : container.putArray(key)).add(created);
        }
    }

    /** The value a filter like {@code type eq "work"} describes, for a filtered add that matched nothing. */
    private static ObjectNode fromEqualities(Filter filter) {
        ObjectNode created = NODES.objectNode();
        if (!collectEqualities(filter, created)) {
            throw new ScimException.NoTarget("no value matches the filter, and it does not say how to make one");
        }
        return created;
    }

    private static boolean collectEqualities(Filter filter, ObjectNode into) {
        if (filter instanceof Filter.And and) {
            return collectEqualities(and.left(), into) && collectEqualities(and.right(), into);
        }
        if (filter instanceof Filter.Compare compare && compare.operator() == Filter.Operator.EQ
                && compare.path().schema() == null && compare.path().subAttribute() == null) {
            Object value = compare.value();
            into.set(compare.path().attribute(), value == null ? NODES.nullNode()
                    : value instanceof Boolean b ? NODES.booleanNode(b)
                    : value instanceof java.math.BigDecimal n ? NODES.numberNode(n) : NODES.stringNode((String) value));
            return true;
        }
        return false;
    }

    private static void removeListed(ArrayNode values, JsonNode listed) {
        for (JsonNode remove : listed) {
            JsonNode id = remove.isObject() ? Json.get(remove, "value") : remove;
            for (Iterator<JsonNode> it = values.iterator(); it.hasNext();) {
                JsonNode item = it.next();
                JsonNode itemId = item.isObject() ? Json.get(item, "value") : item;
                if (id != null && itemId != null && itemId.asString().equalsIgnoreCase(id.asString())) {
                    it.remove();
                }
            }
        }
    }

    private static void addAll(ArrayNode values, JsonNode added) {
        for (JsonNode item : added.isArray() ? added : NODES.arrayNode().add(added)) {
            boolean present = false;
            for (JsonNode existing : values) {
                present |= existing.equals(item) || sameValue(existing, item);
            }
            if (!present) {
                values.add(item);
            }
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        JsonNode va = a.isObject() ? Json.get(a, "value") : null;
        JsonNode vb = b.isObject() ? Json.get(b, "value") : null;
        return va != null && vb != null && va.isString() && vb.isString()
                && va.asString().equalsIgnoreCase(vb.asString()) && Json.get(a, "type") == null;
    }

    /** Booleans sent as strings, and a manager sent as a bare id, in the shape the schema has. */
    private static JsonNode normalise(AttributePath attribute, JsonNode value) {
        if (value == null) {
            return null;
        }
        String name = attribute.subAttribute() != null ? attribute.subAttribute() : attribute.attribute();
        if ((name.equalsIgnoreCase("active") || name.equalsIgnoreCase("primary")) && value.isString()) {
            Boolean b = Json.bool(value);
            if (b == null) {
                throw new ScimException.InvalidValue("\"" + attribute + "\" must be true or false, not \""
                        + value.asString() + "\"");
            }
            return NODES.booleanNode(b);
        }
        if (attribute.is("manager") && value.isString()) {
            return NODES.objectNode().put("value", value.asString());
        }
        return value;
    }

    /** The key as the resource already spells it, or the name as given. */
    private static String existingOr(JsonNode object, String name) {
        String key = Json.key(object, name);
        return key != null ? key : name;
    }
}
