package dev.roster.oktasimulator.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable profile stored as two parallel arrays with interned keys: a HashMap per user would
 * cost about three times as much, and 100,000 users must fit in 300 MB.
 */
public final class CompactProfile extends AbstractMap<String, Object> {
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private final String[] keys;
    private final Object[] values;

    private CompactProfile(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    public static CompactProfile of(Map<String, ?> source) {
        if (source instanceof CompactProfile compact) {
            return compact;
        }
        String[] keys = new String[source.size()];
        Object[] values = new Object[source.size()];
        int i = 0;
        for (Map.Entry<String, ?> e : source.entrySet()) {
            keys[i] = KEYS.computeIfAbsent(e.getKey(), k -> k);
            values[i] = freeze(e.getValue());
            i++;
        }
        return new CompactProfile(keys, values);
    }

    private static Object freeze(Object value) {
        if (value instanceof List<?> list) {
            return List.copyOf(new ArrayList<>(list));
        }
        return value;
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
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String k : keys) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return keys.length;
    }

    public void writeJson(StringBuilder out) {
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Json.string(out, keys[i]);
            out.append(':');
            Json.write(out, values[i]);
        }
        out.append('}');
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
