package dev.roster.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named counters a reliability suite keeps while it runs (cases, faults injected, outcomes), for
 * the figures {@link ReliabilityRecorder} writes into docs/RELIABILITY.md.
 */
public final class ReliabilityCounts {

    private final Map<String, Long> counts;

    private ReliabilityCounts(Map<String, Long> counts) {
        this.counts = counts;
    }

    /** Reported in the order first counted. */
    public static ReliabilityCounts inOrder() {
        return new ReliabilityCounts(new LinkedHashMap<>());
    }

    /** Reported by name. */
    public static ReliabilityCounts byName() {
        return new ReliabilityCounts(new TreeMap<>());
    }

    public synchronized void add(String what) {
        add(what, 1);
    }

    public synchronized void add(String what, long n) {
        counts.merge(what, n, Long::sum);
    }

    /** Keeps the largest value seen, e.g. the slowest answer. */
    public synchronized void max(String what, long value) {
        counts.merge(what, value, Math::max);
    }

    public synchronized Map<String, Object> figures() {
        return new LinkedHashMap<>(counts);
    }
}
