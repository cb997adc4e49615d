package dev.roster.scim.protocol;

import java.math.BigDecimal;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Evaluates a filter against one JSON value: a value of a multi-valued attribute picked by a PATCH
 * path ({@code members[value eq "…"]}), or a small resource. String comparisons ignore case, as
 * SCIM's attributes are {@code caseExact: false} unless a schema says otherwise, and the ones Roster
 * filters values on ({@code type}, {@code value}, {@code display}) are compared as IdPs send them.
 */
public final class FilterEvaluator {

    private FilterEvaluator() {
    }

    public static boolean matches(JsonNode node, Filter filter) {
        if (filter instanceof Filter.And and) {
            return matches(node, and.left()) && matches(node, and.right());
        }
        if (filter instanceof Filter.Or or) {
            return matches(node, or.left()) || matches(node, or.right());
        }
        if (filter instanceof Filter.Not not) {
            return !matches(node, not.filter());
        }
        if (filter instanceof Filter.Present present) {
            JsonNode value = Json.attribute(node, present.path());
            return value != null && !value.isNull() && !(value.isString() && value.asString().isEmpty())
                    && !(value.isArray() && value.isEmpty());
        }
        if (filter instanceof Filter.ValuePath valuePath) {
            JsonNode values = Json.attribute(node, valuePath.path());
            if (values == null || !values.isArray()) {
                return values != null && matches(values, valuePath.filter());
            }
            for (JsonNode value : values) {
                if (matches(value, valuePath.filter())) {
                    return true;
                }
            }
            return false;
        }
        Filter.Compare compare = (Filter.Compare) filter;
        JsonNode value = Json.attribute(node, compare.path());
        if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                if (compare(item.isObject() ? item.get("value") : item, compare)) {
                    return true;
                }
            }
            return false;
        }
        return compare(value, compare);
    }

    private static boolean compare(JsonNode actual, Filter.Compare compare) {
        Object expected = compare.value();
        boolean missing = actual == null || actual.isNull();
        if (expected == null) {
            return switch (compare.operator()) {
                case EQ -> missing;
                case NE -> !missing;
                default -> false;
            };
        }
        if (missing) {
            return compare.operator() == Filter.Operator.NE;
        }
        if (expected instanceof Boolean b) {
            Boolean given = Json.bool(actual);
            return switch (compare.operator()) {
                case EQ -> b.equals(given);
                case NE -> !b.equals(given);
                default -> false;
            };
        }
        if (expected instanceof BigDecimal number && actual.isNumber()) {
            return order(compare.operator(), actual.decimalValue().compareTo(number));
        }
        String a = actual.isString() ? actual.asString() : actual.toString();
        String e = expected.toString();
        String al = a.toLowerCase(Locale.ROOT);
        String el = e.toLowerCase(Locale.ROOT);
        return switch (compare.operator()) {
            case EQ -> al.equals(el);
            case NE -> !al.equals(el);
            case CO -> al.contains(el);
            case SW -> al.startsWith(el);
            case EW -> al.endsWith(el);
            // Dates are ISO-8601 strings in one format, so their order is the strings' order.
            default -> order(compare.operator(), al.compareTo(el));
        };
    }

    private static boolean order(Filter.Operator operator, int sign) {
        return switch (operator) {
            case EQ -> sign == 0;
            case NE -> sign != 0;
            case GT -> sign > 0;
            case GE -> sign >= 0;
            case LT -> sign < 0;
            case LE -> sign <= 0;
            default -> false;
        };
    }
}
