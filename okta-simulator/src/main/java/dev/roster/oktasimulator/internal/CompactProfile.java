package dev.roster.oktasimulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable profile kept as the UTF-8 JSON object Okta would send. Two reasons: 100,000 users must fit
 * in 300 MB (bytes are denser than a map of String objects), and list pages embed thousands of profiles a
 * second, which is then a plain array copy. Reading an attribute scans the bytes (about a microsecond).
 */
public final class CompactProfile extends AbstractMap<String, Object> {
    private final byte[] json;

    private CompactProfile(byte[] json) {
        this.json = json;
    }

    public static CompactProfile of(Map<String, ?> source) {
        if (source instanceof CompactProfile compact) {
            return compact;
        }
        JsonBytes out = new JsonBytes(source.size() * 40 + 2);
        out.raw('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : source.entrySet()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            out.string(e.getKey()).raw(':').value(e.getValue());
        }
        out.raw('}');
        return new CompactProfile(out.toBytes());
    }

    /** A copy with the given attributes set (a null value keeps the attribute, as null, as Okta does). */
    public CompactProfile merge(Map<String, ?> changes) {
        Map<String, Object> copy = new LinkedHashMap<>(this);
        copy.putAll(changes);
        return of(copy);
    }

    public String string(String key) {
        Object value = get(key);
        return value == null ? null : value.toString();
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Reader r = new Reader(json);
        r.pos = 1;
        while (r.peek() != '}') {
            boolean match = r.keyEquals(name);
            r.pos++; // ':'
            if (match) {
                return r.value();
            }
            r.skipValue();
            if (r.peek() == ',') {
                r.pos++;
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && decode().containsKey(key);
    }

    @Override
    public int size() {
        return decode().size();
    }

    public void writeJson(JsonBytes out) {
        out.bytes(json);
    }

    /** A copy of the JSON bytes. */
    public byte[] toJsonBytes() {
        return json.clone();
    }

    public void writeJson(StringBuilder out) {
        out.append(new String(json, StandardCharsets.UTF_8));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return decode().entrySet();
    }

    private Map<String, Object> decode() {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) new Reader(json).value();
        return java.util.Collections.unmodifiableMap(map);
    }

    /** A minimal reader for the JSON this class writes (compact, no whitespace). */
    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        byte peek() {
            return b[pos];
        }

        /** Compares the key at pos with name and moves past it. */
        boolean keyEquals(String name) {
            int start = pos + 1;
            int end = endOfString(start);
            boolean equal;
            if (end - start == name.length()) {
                equal = true;
                for (int i = 0; i < name.length(); i++) {
                    if (b[start + i] != name.charAt(i)) {
                        equal = false;
                        break;
                    }
                }
                if (!equal && hasEscapeOrNonAscii(start, end)) {
                    equal = readStringAt(start - 1).equals(name);
                }
            } else {
                equal = hasEscapeOrNonAscii(start, end) && readStringAt(start - 1).equals(name);
            }
            pos = end + 1;
            return equal;
        }

        private boolean hasEscapeOrNonAscii(int start, int end) {
            for (int i = start; i < end; i++) {
                if (b[i] == '\\' || b[i] < 0) {
                    return true;
                }
            }
            return false;
        }

        private int endOfString(int from) {
            int i = from;
            while (b[i] != '"') {
                i += b[i] == '\\' ? 2 : 1;
            }
            return i;
        }

        private String readStringAt(int quote) {
            int save = pos;
            pos = quote;
            String s = string();
            pos = save;
            return s;
        }

        Object value() {
            byte c = b[pos];
            switch (c) {
                case '"':
                    return string();
                case '{': {
                    Map<String, Object> map = new LinkedHashMap<>();
                    pos++;
                    while (b[pos] != '}') {
                        String key = string();
                        pos++; // ':'
                        map.put(key, value());
                        if (b[pos] == ',') {
                            pos++;
                        }
                    }
                    pos++;
                    return map;
                }
                case '[': {
                    List<Object> list = new ArrayList<>();
                    pos++;
                    while (b[pos] != ']') {
                        list.add(value());
                        if (b[pos] == ',') {
                            pos++;
                        }
                    }
                    pos++;
                    return java.util.Collections.unmodifiableList(list);
                }
                case 't':
                    pos += 4;
                    return Boolean.TRUE;
                case 'f':
                    pos += 5;
                    return Boolean.FALSE;
                case 'n':
                    pos += 4;
                    return null;
                default:
                    return number();
            }
        }

        void skipValue() {
            byte c = b[pos];
            if (c == '"') {
                pos = endOfString(pos + 1) + 1;
            } else if (c == '{' || c == '[') {
                int depth = 0;
                do {
                    byte x = b[pos];
                    if (x == '"') {
                        pos = endOfString(pos + 1);
                    } else if (x == '{' || x == '[') {
                        depth++;
                    } else if (x == '}' || x == ']') {
                        depth--;
                    }
                    pos++;
                } while (depth > 0);
            } else {
                while (pos < b.length && b[pos] != ',' && b[pos] != '}' && b[pos] != ']') {
                    pos++;
                }
            }
        }

        private Object number() {
            int start = pos;
            boolean fraction = false;
            while (pos < b.length && b[pos] != ',' && b[pos] != '}' && b[pos] != ']') {
                byte x = b[pos];
                fraction |= x == '.' || x == 'e' || x == 'E';
                pos++;
            }
            String text = new String(b, start, pos - start, StandardCharsets.US_ASCII);
            if (fraction) {
                return Double.valueOf(text);
            }
            long n = Long.parseLong(text);
            if (n == (int) n) {
                return Integer.valueOf((int) n); // as Jackson reads it (a ?: here would widen to Long)
            }
            return Long.valueOf(n);
        }

        private String string() {
            int start = pos + 1;
            int end = endOfString(start);
            pos = end + 1;
            boolean escaped = false;
            for (int i = start; i < end; i++) {
                if (b[i] == '\\') {
                    escaped = true;
                    break;
                }
            }
            if (!escaped) {
                return new String(b, start, end - start, StandardCharsets.UTF_8);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(end - start);
            for (int i = start; i < end; i++) {
                if (b[i] != '\\') {
                    out.write(b[i]);
                    continue;
                }
                byte e = b[++i];
                switch (e) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case 'u' -> {
                        char ch = (char) Integer.parseInt(new String(b, i + 1, 4, StandardCharsets.US_ASCII), 16);
                        byte[] utf8 = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
                        out.write(utf8, 0, utf8.length);
                        i += 4;
                    }
                    default -> out.write(e);
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
