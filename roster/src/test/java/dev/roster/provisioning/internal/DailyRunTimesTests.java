package dev.roster.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Many accounts' 03:00 GMT runs are spread over the hour after it, each account always at the same moment. */
class DailyRunTimesTests {

    private static final LocalTime THREE = LocalTime.of(3, 0);
    private final DailyRunTimes hour = new DailyRunTimes(Duration.ofHours(1));
    private final List<UUID> accounts = IntStream.range(0, 2_000).mapToObj(i -> UUID.randomUUID()).toList();

    @Test
    void offsetWhenManyAccountsThenEveryOneInsideTheWindowAndSpreadOverIt() {
        Map<Long, Integer> perTenMinutes = new HashMap<>();
        for (UUID account : accounts) {
            Duration offset = hour.offset(account);
            assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofHours(1));
            perTenMinutes.merge(offset.toMinutes() / 10, 1, Integer::sum);
        }
        // 2,000 accounts over six ten-minute slices: about 333 each, none empty or crowded
        assertThat(perTenMinutes).hasSize(6);
        assertThat(perTenMinutes.values()).allSatisfy(n -> assertThat(n).isBetween(230, 440));
        long distinctSeconds = accounts.stream().map(hour::offset).distinct().count();
        assertThat(distinctSeconds).isGreaterThan(1_000);
    }

    @Test
    void offsetWhenSameAccountThenSameOffsetEveryTime() {
        UUID account = accounts.get(0);
        assertThat(new DailyRunTimes(Duration.ofHours(1)).offset(account)).isEqualTo(hour.offset(account));
    }

    @Test
    void offsetWhenNoSpreadThenZero() {
        assertThat(new DailyRunTimes(Duration.ZERO).offset(accounts.get(0))).isZero();
    }

    @Test
    void nextDueWhenSpreadThenBetweenThreeAndFourGmtAndEqualToTheRealStartTime() {
        Instant now = Instant.parse("2030-01-02T01:00:00Z");
        for (UUID account : accounts) {
            Instant next = hour.nextDue(account, THREE, now);
            assertThat(next).isBetween(Instant.parse("2030-01-02T03:00:00Z"), Instant.parse("2030-01-02T03:59:59Z"));
            assertThat(next).isEqualTo(Instant.parse("2030-01-02T03:00:00Z").plus(hour.offset(account)));
            // the dispatcher finds it due exactly then, not a second before
            assertThat(hour.latestDue(account, THREE, next)).isEqualTo(next);
            assertThat(hour.latestDue(account, THREE, next.minusSeconds(1))).isEqualTo(next.minus(Duration.ofDays(1)));
        }
    }

    @Test
    void latestDueWhenOffsetCarriesPastMidnightThenStillOncePerDay() {
        UUID account = accounts.stream().filter(a -> hour.offset(a).toMinutes() >= 30).findFirst().orElseThrow();
        LocalTime late = LocalTime.of(23, 40);
        Instant due = Instant.parse("2030-01-01T23:40:00Z").plus(hour.offset(account));
        assertThat(hour.latestDue(account, late, due.plusSeconds(1))).isEqualTo(due);
        assertThat(hour.latestDue(account, late, due.minusSeconds(1))).isEqualTo(due.minus(Duration.ofDays(1)));
        assertThat(hour.nextDue(account, late, due.minusSeconds(1))).isEqualTo(due);
    }
}
