package dev.roster.support.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of random values for a property: the same {@link Random} (seeded by
 * {@link PropertyCheck}) always gives the same value, so a printed seed replays a case.
 */
@FunctionalInterface
public interface Gen<T> {

    T generate(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(generate(random));
    }

    /** Lists of {@code min} to {@code max} values, their length drawn uniformly. */
    default Gen<List<T>> list(int min, int max) {
        return random -> {
            int size = min + random.nextInt(max - min + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(generate(random));
            }
            return List.copyOf(values);
        };
    }

    /** Whole numbers from {@code min} to {@code max}, both included. */
    static Gen<Integer> between(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("between(" + min + ", " + max + "): max is below min");
        }
        return random -> min + random.nextInt(max - min + 1);
    }

    /** Any long, uniformly: seeds for the case's own dice. */
    static Gen<Long> longs() {
        return Random::nextLong;
    }

    /** One of the values, each listed value equally likely (list one twice to double its weight). */
    @SafeVarargs
    static <T> Gen<T> oneOf(T... values) {
        List<T> choices = Arrays.asList(values.clone());
        return random -> choices.get(random.nextInt(choices.size()));
    }

    static <E extends Enum<E>> Gen<E> oneOf(Class<E> type) {
        return oneOf(type.getEnumConstants());
    }

    /** A generator chosen for each value in proportion to its weight. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        int total = Arrays.stream(choices).mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().generate(random);
                }
            }
            throw new IllegalStateException("weights changed while drawing");
        };
    }

    static <T> Weighted<T> weight(int weight, Gen<T> gen) {
        return new Weighted<>(weight, gen);
    }

    record Weighted<T>(int weight, Gen<T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("a weight must be positive: " + weight);
            }
        }
    }
}
