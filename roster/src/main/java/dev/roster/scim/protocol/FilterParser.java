package dev.roster.scim.protocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses SCIM filters and PATCH paths by recursive descent. Precedence as RFC 7644 §3.4.2.2 gives
 * it: {@code not} binds tightest, then {@code and}, then {@code or}; parentheses group. Keywords and
 * operators are case-insensitive. Every refusal is an {@link ScimException.InvalidFilter} (or
 * {@link ScimException.InvalidPath} for a PATCH path) naming what was wrong and where.
 */
public final class FilterParser {

    /** Deeper nesting than any IdP sends; a cap so that hostile input cannot exhaust the stack. */
    static final int MAX_DEPTH = 32;
    static final int MAX_LENGTH = 4096;

    private final List<Token> tokens;
    private final String text;
    private int position;
    private int depth;

    private FilterParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    public static Filter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw new ScimException.InvalidFilter("the filter is empty");
        }
        if (filter.length() > MAX_LENGTH) {
            throw new ScimException.InvalidFilter("the filter is longer than " + MAX_LENGTH + " characters");
        }
        FilterParser parser = new FilterParser(filter);
        Filter result = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw parser.error("unexpected \"" + parser.peek().text() + "\"");
        }
        return result;
    }

    /** A PATCH path: {@code attrPath}, or {@code attrPath "[" valFilter "]" ["." subAttr]}. */
    public static PatchPath parsePath(String path) {
        if (path == null || path.isBlank()) {
            throw new ScimException.InvalidPath("the path is empty");
        }
        String trimmed = path.strip();
        int open = trimmed.indexOf('[');
        if (open < 0) {
            return new PatchPath(AttributePath.parse(trimmed), null, null);
        }
        int close = trimmed.lastIndexOf(']');
        if (close < open) {
            throw new ScimException.InvalidPath("\"" + path + "\" opens a \"[\" it does not close");
        }
        AttributePath attribute = AttributePath.parse(trimmed.substring(0, open));
        Filter filter;
        try {
            filter = parse(trimmed.substring(open + 1, close));
        } catch (ScimException.InvalidFilter e) {
            throw new ScimException.InvalidPath("the filter in \"" + path + "\" is not valid: " + e.getMessage());
        }
        String after = trimmed.substring(close + 1);
        String sub = null;
        if (!after.isEmpty()) {
            if (!after.startsWith(".") || after.length() == 1) {
                throw new ScimException.InvalidPath("\"" + path + "\" has \"" + after + "\" after its filter");
            }
            sub = AttributePath.parse(after.substring(1)).attribute();
        }
        return new PatchPath(attribute, filter, sub);
    }

    // ---- grammar ----

    private Filter or() {
        Filter left = and();
        while (keyword("or")) {
            left = new Filter.Or(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (keyword("and")) {
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        if (++depth > MAX_DEPTH) {
            throw error("the filter nests deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (keyword("not")) {
                expect(Kind.OPEN, "\"(\" after \"not\"");
                Filter inner = or();
                expect(Kind.CLOSE, "\")\"");
                return new Filter.Not(inner);
            }
            if (peekKind(Kind.OPEN)) {
                position++;
                Filter inner = or();
                expect(Kind.CLOSE, "\")\"");
                return inner;
            }
            return attributeExpression();
        } finally {
            depth--;
        }
    }

    private Filter attributeExpression() {
        Token name = expect(Kind.WORD, "an attribute name");
        AttributePath path;
        try {
            path = AttributePath.parse(name.text());
        } catch (ScimException.InvalidPath e) {
            throw error(e.getMessage());
        }
        if (peekKind(Kind.OPEN_BRACKET)) {
            position++;
            Filter inner = or();
            expect(Kind.CLOSE_BRACKET, "\"]\"");
            return new Filter.ValuePath(path, inner);
        }
        Token operator = expect(Kind.WORD, "an operator after \"" + name.text() + "\"");
        if (operator.text().equalsIgnoreCase("pr")) {
            return new Filter.Present(path);
        }
        Filter.Operator op = Filter.Operator.parse(operator.text());
        if (op == null) {
            throw error("\"" + operator.text() + "\" is not an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr)");
        }
        return new Filter.Compare(path, op, value());
    }

    private Object value() {
        if (position >= tokens.size()) {
            throw error("a value is missing at the end");
        }
        Token token = tokens.get(position++);
        if (token.kind() == Kind.STRING) {
            return token.text();
        }
        if (token.kind() == Kind.WORD) {
            switch (token.text().toLowerCase(Locale.ROOT)) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "null":
                    return null;
                default:
                    try {
                        return new BigDecimal(token.text());
                    } catch (NumberFormatException e) {
                        // falls through to the error below
                    }
            }
        }
        position--;
        throw error("\"" + token.text() + "\" is not a value (a quoted string, a number, true, false or null)");
    }

    // ---- tokens ----

    private enum Kind { WORD, STRING, OPEN, CLOSE, OPEN_BRACKET, CLOSE_BRACKET }

    private record Token(Kind kind, String text, int at) {
    }

    private boolean keyword(String word) {
        if (position < tokens.size() && tokens.get(position).kind() == Kind.WORD
                && tokens.get(position).text().equalsIgnoreCase(word)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean peekKind(Kind kind) {
        return position < tokens.size() && tokens.get(position).kind() == kind;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token expect(Kind kind, String what) {
        if (!peekKind(kind)) {
            throw error("expected " + what + (position < tokens.size() ? ", found \"" + peek().text() + "\""
                    : " at the end"));
        }
        return tokens.get(position++);
    }

    private ScimException.InvalidFilter error(String message) {
        int at = position < tokens.size() ? tokens.get(position).at() : text.length();
        return new ScimException.InvalidFilter(message + " (at character " + (at + 1) + " of the filter)");
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '[' || c == ']') {
                Kind kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : c == '[' ? Kind.OPEN_BRACKET
                        : Kind.CLOSE_BRACKET;
                tokens.add(new Token(kind, String.valueOf(c), i++));
            } else if (c == '"') {
                int start = i;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new ScimException.InvalidFilter("a string starting at character " + (start + 1)
                                + " is not closed");
                    }
                    char d = text.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\') {
                        i = unescape(text, i, value);
                    } else {
                        value.append(d);
                    }
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()[]\"".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
            }
        }
        return tokens;
    }

    /** JSON string escapes (RFC 8259 §7), as SCIM's compValue is a JSON string. */
    private static int unescape(String text, int i, StringBuilder value) {
        if (i >= text.length()) {
            throw new ScimException.InvalidFilter("a string ends with a lone backslash");
        }
        char e = text.charAt(i++);
        switch (e) {
            case '"', '\\', '/' -> value.append(e);
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'u' -> {
                if (i + 4 > text.length()) {
                    throw new ScimException.InvalidFilter("a \\u escape needs four hex digits");
                }
                try {
                    value.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                } catch (NumberFormatException ex) {
                    throw new ScimException.InvalidFilter("a \\u escape needs four hex digits");
                }
                i += 4;
            }
            default -> throw new ScimException.InvalidFilter("\"\\" + e + "\" is not a string escape");
        }
        return i;
    }
}
