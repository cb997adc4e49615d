package dev.roster.oktasimulator.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * A growable UTF-8 JSON buffer. List pages are rendered straight into bytes, with an ASCII fast path,
 * because a page of 500 expanded app users is ~800 KB and must be served hundreds of times a second.
 */
public final class JsonBytes {
    private byte[] buf;
    private int len;
    private char[] scratch = new char[256];
    private long lastDay = Long.MIN_VALUE;
    private final byte[] lastDate = new byte[10];

    public JsonBytes(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    private static final ThreadLocal<JsonBytes> POOL = ThreadLocal.withInitial(() -> new JsonBytes(1 << 20));

    /**
     * This thread's reusable buffer, emptied: a page is ~800 KB and allocating one per request costs more
     * garbage collection than rendering. Only for a response written before the thread takes other work.
     */
    public static JsonBytes pooled(int capacity) {
        JsonBytes buffer = POOL.get();
        buffer.len = 0;
        buffer.lastDay = Long.MIN_VALUE;
        buffer.ensure(capacity);
        return buffer;
    }

    public JsonBytes raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends ASCII text that needs no escaping (names, ids, URLs built by the simulator). */
    public JsonBytes raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        char[] chars = scratch.length >= n ? scratch : (scratch = new char[n * 2]);
        ascii.getChars(0, n, chars, 0);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            b[p++] = (byte) chars[i];
        }
        len = p;
        return this;
    }

    public JsonBytes string(String s) {
        int n = s.length();
        ensure(n + 2);
        // Locals and a bulk char copy keep this loop tight: it writes most of every page.
        char[] chars = scratch.length >= n ? scratch : (scratch = new char[n * 2]);
        s.getChars(0, n, chars, 0);
        byte[] b = buf;
        int p = len;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                len = p;
                slow(s, i);
                return this;
            }
            b[p++] = (byte) c;
        }
        b[p++] = '"';
        len = p;
        return this;
    }

    private void slow(String s, int from) {
        StringBuilder rest = new StringBuilder();
        Json.string(rest, s.substring(from));
        byte[] bytes = rest.substring(1).getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    public JsonBytes bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    public JsonBytes number(long n) {
        return raw(Long.toString(n));
    }

    /** An ISO-8601 UTC timestamp with milliseconds, quoted; or null for 0. */
    public JsonBytes timestamp(long millis) {
        if (millis == 0) {
            return raw("null");
        }
        long seconds = Math.floorDiv(millis, 1000L);
        int ms = (int) Math.floorMod(millis, 1000L);
        int secOfDay = (int) Math.floorMod(seconds, 86_400L);
        long day = Math.floorDiv(seconds, 86_400L);
        ensure(26);
        buf[len++] = '"';
        if (day != lastDay) {
            // Timestamps of one user mostly share a day; the date part is formatted once.
            LocalDate date = LocalDate.ofEpochDay(day);
            int start = len;
            digits(date.getYear(), 4);
            buf[len++] = '-';
            digits(date.getMonthValue(), 2);
            buf[len++] = '-';
            digits(date.getDayOfMonth(), 2);
            System.arraycopy(buf, start, lastDate, 0, 10);
            lastDay = day;
        } else {
            System.arraycopy(lastDate, 0, buf, len, 10);
            len += 10;
        }
        buf[len++] = 'T';
        digits(secOfDay / 3600, 2);
        buf[len++] = ':';
        digits(secOfDay / 60 % 60, 2);
        buf[len++] = ':';
        digits(secOfDay % 60, 2);
        buf[len++] = '.';
        digits(ms, 3);
        buf[len++] = 'Z';
        buf[len++] = '"';
        return this;
    }

    private void digits(int value, int width) {
        for (int i = len + width - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len += width;
    }

    public JsonBytes value(Object value) {
        if (value == null) {
            return raw("null");
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return raw(value.toString());
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Number) {
            StringBuilder sb = new StringBuilder();
            Json.write(sb, value);
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, len, bytes.length);
            len += bytes.length;
            return this;
        }
        return string(value.toString());
    }

    public int length() {
        return len;
    }

    public byte[] toBytes() {
        return java.util.Arrays.copyOf(buf, len);
    }

    /** The internal array (valid up to length()): saves a copy when sending. */
    public byte[] array() {
        return buf;
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
