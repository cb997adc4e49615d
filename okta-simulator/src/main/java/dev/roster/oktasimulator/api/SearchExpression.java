package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.internal.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Okta's SCIM-like expressions for {@code search} (eq ne sw co ew gt ge lt le pr, and/or, parentheses;
 * strings compared case-insensitively) and {@code filter} (eq only, plus gt/lt on timestamps; case-sensitive).
 */
public final class SearchExpression {
    private final List<String> tokens;
    private final boolean filterMode;
    private int pos;

    private SearchExpression(String text, boolean filterMode) {
        this.tokens = tokenize(text);
        this.filterMode = filterMode;
    }

    public static Predicate<OktaUser> search(String text) {
        return parse(text, false);
    }

    public static Predicate<OktaUser> filter(String text) {
        return parse(text, true);
    }

    private static Predicate<OktaUser> parse(String text, boolean filterMode) {
        SearchExpression parser = new SearchExpression(text, filterMode);
        Predicate<OktaUser> result = parser.or();
        if (parser.pos != parser.tokens.size()) {
            throw invalid();
        }
        return result;
    }

    private Predicate<OktaUser> or() {
        Predicate<OktaUser> left = and();
        while (peekWord("or")) {
            pos++;
            left = left.or(and());
        }
        return left;
    }

    private Predicate<OktaUser> and() {
        Predicate<OktaUser> left = primary();
        while (peekWord("and")) {
            pos++;
            left = left.and(primary());
        }
        return left;
    }

    private Predicate<OktaUser> primary() {
        String token = next();
        if ("(".equals(token)) {
            Predicate<OktaUser> inner = or();
            if (!")".equals(next())) {
                throw invalid();
            }
            return inner;
        }
        String attribute = token;
        String op = next().toLowerCase(Locale.ROOT);
        if ("pr".equals(op)) {
            if (filterMode) {
                throw invalid();
            }
            return u -> value(u, attribute) != null;
        }
        String literal = next();
        Object expected = literal(literal);
        boolean timestamp = isTimestamp(attribute);
        if (filterMode && !"eq".equals(op) && !(timestamp && ("gt".equals(op) || "lt".equals(op)))) {
            throw invalid();
        }
        boolean caseSensitive = filterMode;
        return u -> compare(value(u, attribute), op, expected, caseSensitive);
    }

    private static boolean compare(Object actual, String op, Object expected, boolean caseSensitive) {
        if ("ne".equals(op)) {
            return !compare(actual, "eq", expected, caseSensitive);
        }
        if (actual == null) {
            return false;
        }
        if (actual instanceof List<?> list) {
            return list.stream().anyMatch(item -> compare(item, op, expected, caseSensitive));
        }
        if (expected instanceof String s && !(actual instanceof String)) {
            actual = actual.toString();
        }
        if (actual instanceof String a && expected instanceof String e) {
            String x = caseSensitive ? a : a.toLowerCase(Locale.ROOT);
            String y = caseSensitive ? e : e.toLowerCase(Locale.ROOT);
            return switch (op) {
                case "eq" -> x.equals(y);
                case "sw" -> x.startsWith(y);
                case "ew" -> x.endsWith(y);
                case "co" -> x.contains(y);
                case "gt" -> x.compareTo(y) > 0;
                case "ge" -> x.compareTo(y) >= 0;
                case "lt" -> x.compareTo(y) < 0;
                case "le" -> x.compareTo(y) <= 0;
                default -> throw invalid();
            };
        }
        if (actual instanceof Number a && expected instanceof Number e) {
            int c = Double.compare(a.doubleValue(), e.doubleValue());
            return switch (op) {
                case "eq" -> c == 0;
                case "gt" -> c > 0;
                case "ge" -> c >= 0;
                case "lt" -> c < 0;
                case "le" -> c <= 0;
                default -> throw invalid();
            };
        }
        return "eq".equals(op) && actual.equals(expected);
    }

    private static Object value(OktaUser u, String attribute) {
        if (attribute.startsWith("profile.")) {
            return u.profile().get(attribute.substring("profile.".length()));
        }
        return switch (attribute) {
            case "id" -> u.id();
            case "status" -> u.status();
            case "created" -> time(u.createdMillis());
            case "activated" -> time(u.activatedMillis());
            case "statusChanged" -> time(u.statusChangedMillis());
            case "lastUpdated" -> time(u.lastUpdatedMillis());
            case "lastLogin" -> time(u.lastLoginMillis());
            case "passwordChanged" -> time(u.passwordChangedMillis());
            default -> throw invalid();
        };
    }

    private static boolean isTimestamp(String attribute) {
        return List.of("created", "activated", "statusChanged", "lastUpdated", "lastLogin", "passwordChanged")
                .contains(attribute);
    }

    private static String time(long millis) {
        return millis == 0 ? null : Timestamps.format(millis);
    }

    private static Object literal(String token) {
        if (token.startsWith("\"")) {
            return token.substring(1, token.length() - 1).replace("\\\"", "\"");
        }
        if ("true".equals(token) || "false".equals(token)) {
            return Boolean.valueOf(token);
        }
        if ("null".equals(token)) {
            return null;
        }
        try {
            return Double.valueOf(token);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private boolean peekWord(String word) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw invalid();
        }
        return tokens.get(pos++);
    }

    private static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < text.length() && (text.charAt(j) != '"' || text.charAt(j - 1) == '\\')) {
                    j++;
                }
                if (j >= text.length()) {
                    throw invalid();
                }
                out.add(text.substring(i, j + 1));
                i = j + 1;
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '('
                        && text.charAt(j) != ')') {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    static OktaApiException invalid() {
        return new OktaApiException(400, "E0000031", "Invalid search criteria.");
    }
}
