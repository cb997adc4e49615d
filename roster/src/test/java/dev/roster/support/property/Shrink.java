package dev.roster.support.property;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Smaller candidates for a failing value, tried in order by {@link PropertyCheck}: the first that still fails wins. */
public final class Shrink {

    private Shrink() {
    }

    /**
     * The list without one chunk: first without halves, then quarters, and so on down to single
     * elements, never shorter than {@code minSize}. Removing big chunks first gets a long failing
     * sequence down to its core in few live replays.
     */
    public static <T> Stream<List<T>> removingChunks(List<T> list, int minSize) {
        List<List<T>> candidates = new ArrayList<>();
        for (int chunk = list.size() / 2; chunk >= 1; chunk /= 2) {
            if (list.size() - chunk < minSize) {
                continue;
            }
            for (int start = 0; start + chunk <= list.size(); start += chunk) {
                List<T> smaller = new ArrayList<>(list.subList(0, start));
                smaller.addAll(list.subList(start + chunk, list.size()));
                candidates.add(List.copyOf(smaller));
            }
        }
        return candidates.stream().distinct();
    }
}
