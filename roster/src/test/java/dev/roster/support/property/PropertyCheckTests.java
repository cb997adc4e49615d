package dev.roster.support.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The property runner that replaced jqwik: seeds, replay, shrinking and its time limit. */
class PropertyCheckTests {

    private static final Gen<List<Integer>> LISTS = Gen.between(0, 99).list(1, 30);

    @AfterEach
    void clearSettings() {
        System.clearProperty("roster.property.seed");
        System.clearProperty("roster.property.shrink-seconds");
    }

    @Test
    void generateWhenSameSeedThenSameValue() {
        assertThat(LISTS.generate(new Random(42))).isEqualTo(LISTS.generate(new Random(42)))
                .isNotEqualTo(LISTS.generate(new Random(43)));
    }

    @Test
    void checkWhenPropertyHoldsThenEveryCaseRunsAndTheRunIsRecorded() {
        List<List<Integer>> seen = new ArrayList<>();
        PropertyCheck.forAll(LISTS).tries(25).check(info(), seen::add);
        assertThat(seen).hasSize(PropertyCheck.scaledTries(25));
        assertThat(Set.copyOf(seen)).as("cases differ").hasSizeGreaterThan(1);
        assertThat(PropertyCheck.lastRun().cases()).isEqualTo(seen.size());
    }

    @Test
    void checkWhenACaseFailsThenShrunkToTheFailingCoreWithSeedAndReplayCommand() {
        // Broken invariant: "no list holds a 7". Any failing list shrinks to exactly [7].
        PropertyCheck<List<Integer>> check = PropertyCheck.forAll(Gen.between(0, 9).list(10, 30)).tries(200)
                .shrinking(list -> Shrink.removingChunks(list, 1));
        assertThatThrownBy(() -> check.check(info(), list -> assertThat(list).doesNotContain(7)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed on case 1 of")
                .hasMessageContaining("to: [7]")
                .hasMessageContaining("-Dtest='PropertyCheckTests#method' -Droster.property.seed="
                        + PropertyCheck.lastRun().seed());
    }

    @Test
    void checkWhenSeedGivenThenReplaysExactlyThatFailingCase() {
        Gen<List<Integer>> gen = Gen.between(0, 9).list(10, 30);
        PropertyCheck<List<Integer>> check = PropertyCheck.forAll(gen).tries(200);
        List<List<Integer>> failing = new ArrayList<>();
        assertThatThrownBy(() -> check.check(info(), list -> {
            if (list.get(0) == 3) {
                failing.add(list);
                throw new AssertionError("starts with 3");
            }
        }));
        long seed = PropertyCheck.lastRun().seed();

        System.setProperty("roster.property.seed", String.valueOf(seed));
        List<List<Integer>> replayed = new ArrayList<>();
        assertThatThrownBy(() -> check.check(info(), list -> {
            replayed.add(list);
            assertThat(list.get(0)).isNotEqualTo(3);
        }));
        assertThat(replayed).containsExactly(failing.get(0));
        assertThat(PropertyCheck.lastRun().cases()).isEqualTo(1);
    }

    @Test
    void checkWhenShrinkingOutlastsItsTimeThenStopsAndSaysSo() {
        System.setProperty("roster.property.shrink-seconds", "0");
        PropertyCheck<List<Integer>> check = PropertyCheck.forAll(Gen.between(0, 9).list(10, 30)).tries(5)
                .shrinking(list -> Shrink.removingChunks(list, 1));
        assertThatThrownBy(() -> check.check(info(), list -> assertThat(list).isEmpty()))
                .hasMessageContaining("Shrunk in 0 step(s) (time limit reached)");
    }

    @Test
    void removingChunksWhenListOfEightThenHalvesFirstAndNeverBelowMinimum() {
        List<List<Integer>> candidates = Shrink.removingChunks(List.of(1, 2, 3, 4, 5, 6, 7, 8), 5).toList();
        assertThat(candidates.get(0)).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(candidates).allSatisfy(c -> assertThat(c).hasSizeGreaterThanOrEqualTo(5))
                .contains(List.of(1, 2, 3, 4, 5, 6, 7)).doesNotContain(List.of(5, 6, 7, 8));
    }

    @Test
    void frequencyWhenWeightedThenDrawsInProportion() {
        Gen<String> gen = Gen.frequency(Gen.weight(3, Gen.oneOf("a")), Gen.weight(1, Gen.oneOf("b")));
        Random random = new Random(1);
        long as = java.util.stream.IntStream.range(0, 4000).mapToObj(i -> gen.generate(random))
                .filter("a"::equals).count();
        assertThat(as).isBetween(2800L, 3200L);
    }

    private static TestInfo info() {
        return new TestInfo() {
            @Override
            public String getDisplayName() {
                return "method";
            }

            @Override
            public Set<String> getTags() {
                return Set.of();
            }

            @Override
            public Optional<Class<?>> getTestClass() {
                return Optional.of(PropertyCheckTests.class);
            }

            @Override
            public Optional<Method> getTestMethod() {
                try {
                    return Optional.of(PropertyCheckTests.class.getDeclaredMethod("method"));
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** Stands for the property method in the failure message. */
    private static void method() {
    }
}
