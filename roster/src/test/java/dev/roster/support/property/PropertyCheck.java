package dev.roster.support.property;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInfo;
import org.opentest4j.TestAbortedException;

import dev.roster.support.TestDatabase;

/**
 * Runs a property: a check over many generated cases, each from its own seed. A failing case is
 * shrunk (for at most {@code roster.property.shrink-seconds}, default 120: each step may replay a
 * live scenario) and reported with the seed and the one command that replays it. The last run's
 * cases and seed are kept for {@link dev.roster.support.ReliabilityRecorder}, which writes the
 * reliability report.
 *
 * <p>Settings (system properties, or the environment variable in brackets):
 * {@code roster.property.seed} replays that one case; {@code roster.reliability.scale}
 * [{@code ROSTER_RELIABILITY_SCALE}] multiplies the number of cases.
 */
public final class PropertyCheck<T> {

    /** What a property class counted while it ran (cases, faults, outcomes), for the report. */
    public interface Figures {
        Map<String, Object> figures();
    }

    /** How many cases a run made, and the seed it reports: the run's, or the failing case's. */
    public record Run(int cases, long seed) {
    }

    private static final ThreadLocal<Run> LAST_RUN = new ThreadLocal<>();

    /** The property itself: throws (an assertion error, or any exception) when the case fails. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T value) throws Exception;
    }

    private final Gen<T> gen;
    private int declaredTries = 100;
    private Function<T, Stream<T>> shrinker = value -> Stream.empty();

    private PropertyCheck(Gen<T> gen) {
        this.gen = gen;
    }

    public static <T> PropertyCheck<T> forAll(Gen<T> gen) {
        return new PropertyCheck<>(gen);
    }

    /** The cases a CI run makes on H2; PostgreSQL runs a quarter; the scale multiplies both. */
    public PropertyCheck<T> tries(int declared) {
        this.declaredTries = declared;
        return this;
    }

    /** How a failing value gets smaller: candidates in the order to try them. */
    public PropertyCheck<T> shrinking(Function<T, Stream<T>> candidates) {
        this.shrinker = candidates;
        return this;
    }

    public void check(TestInfo test, Property<T> property) {
        String suite = test.getTestClass().orElseThrow().getSimpleName();
        String method = test.getTestMethod().orElseThrow().getName();
        Long fixedSeed = fixedSeed();
        long runSeed = fixedSeed != null ? fixedSeed : new SplittableRandom().nextLong();
        List<Long> caseSeeds = caseSeeds(runSeed, fixedSeed != null ? 1 : scaledTries(declaredTries));
        int run = 0;
        Failure<T> failure = null;
        for (long caseSeed : caseSeeds) {
            run++;
            T value = gen.generate(new Random(caseSeed));
            Throwable thrown = attempt(property, value);
            if (thrown != null) {
                failure = shrink(property, new Failure<>(caseSeed, run, value, thrown));
                break;
            }
        }
        LAST_RUN.set(new Run(run, failure == null ? runSeed : failure.caseSeed()));
        if (failure != null) {
            throw new AssertionError(failure.describe(suite, method, caseSeeds.size()), failure.thrown());
        }
    }

    private Failure<T> shrink(Property<T> property, Failure<T> original) {
        Instant deadline = Instant.now().plus(shrinkTime());
        Failure<T> smallest = original;
        boolean smaller = true;
        while (smaller && Instant.now().isBefore(deadline)) {
            smaller = false;
            for (T candidate : (Iterable<T>) shrinker.apply(smallest.value())::iterator) {
                if (!Instant.now().isBefore(deadline)) {
                    return smallest.outOfTime();
                }
                Throwable thrown = attempt(property, candidate);
                if (thrown != null) {
                    smallest = smallest.shrunkTo(candidate, thrown);
                    smaller = true;
                    break;
                }
            }
        }
        return smaller ? smallest.outOfTime() : smallest;
    }

    private Throwable attempt(Property<T> property, T value) {
        try {
            property.check(value);
            return null;
        } catch (TestAbortedException aborted) {
            throw aborted;
        } catch (Exception | AssertionError failed) {
            return failed;
        }
    }

    /** The run a property check made on this thread since {@link #forgetLastRun()}, or null for an example. */
    public static Run lastRun() {
        return LAST_RUN.get();
    }

    public static void forgetLastRun() {
        LAST_RUN.remove();
    }

    /** The seeds of the run's cases, drawn from the run's seed. */
    static List<Long> caseSeeds(long runSeed, int count) {
        SplittableRandom seeds = new SplittableRandom(runSeed);
        List<Long> result = new ArrayList<>(count);
        result.add(runSeed);
        while (result.size() < count) {
            result.add(seeds.nextLong());
        }
        return result;
    }

    static int scaledTries(int declared) {
        double scale = Double.parseDouble(setting("roster.reliability.scale", "ROSTER_RELIABILITY_SCALE", "1"));
        int base = TestDatabase.postgres() ? Math.max(1, declared / 4) : declared;
        return Math.max(1, (int) Math.round(base * scale));
    }

    private static Long fixedSeed() {
        String seed = setting("roster.property.seed", "ROSTER_PROPERTY_SEED", "");
        return seed.isBlank() ? null : Long.parseLong(seed.trim());
    }

    private static Duration shrinkTime() {
        return Duration.ofSeconds(Long.parseLong(setting("roster.property.shrink-seconds",
                "ROSTER_PROPERTY_SHRINK_SECONDS", "120")));
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The failing case as first found, then as shrunk. */
    private record Failure<V>(long caseSeed, int caseNumber, V original, V value, Throwable thrown, int steps,
            boolean shrinkingCut) {

        Failure(long caseSeed, int caseNumber, V value, Throwable thrown) {
            this(caseSeed, caseNumber, value, value, thrown, 0, false);
        }

        Failure<V> shrunkTo(V smaller, Throwable failure) {
            return new Failure<>(caseSeed, caseNumber, original, smaller, failure, steps + 1, false);
        }

        Failure<V> outOfTime() {
            return new Failure<>(caseSeed, caseNumber, original, value, thrown, steps, true);
        }

        String describe(String suite, String method, int cases) {
            return "Property " + suite + "." + method + " failed on case " + caseNumber + " of " + cases
                    + " (seed " + caseSeed + ").\n"
                    + "  Generated: " + original + "\n"
                    + "  Shrunk in " + steps + " step(s)" + (shrinkingCut ? " (time limit reached)" : "") + " to: "
                    + value + "\n"
                    + "  Failure of the shrunk case: " + thrown + "\n"
                    + "  Replay this case (and its shrinking) alone: mvn -B -ntp -pl roster -am"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true"
                    + " -Dtest='" + suite + "#" + method + "' -Droster.property.seed=" + caseSeed
                    + (TestDatabase.postgres() ? " -Droster.test.database=postgres" : "") + " test";
        }
    }
}
