package dev.roster.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.retention.Pruner;
import dev.roster.retention.RetentionProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A prune run asks each table for batches of exactly the configured size until one comes back short. */
class RetentionRunTests {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    /** A table with {@code rows} old rows for one account, recording each call's limit and cutoff. */
    static final class CountingPruner implements Pruner {
        int rows;
        final List<Integer> limits = new ArrayList<>();
        final List<Instant> cutoffs = new ArrayList<>();

        CountingPruner(int rows) {
            this.rows = rows;
        }

        @Override
        public String table() {
            return "t";
        }

        @Override
        public Duration retention(RetentionProperties properties) {
            return properties.hookEvents();
        }

        @Override
        public int pruneBatch(UUID accountId, Instant cutoff, int limit) {
            limits.add(limit);
            cutoffs.add(cutoff);
            if (accountId == null) {
                return 0;
            }
            int deleted = Math.min(limit, rows);
            rows -= deleted;
            return deleted;
        }
    }

    @Test
    void pruneAllWhenBacklogThenBatchesOfConfiguredSizeUntilShortOne() {
        RetentionProperties properties = new RetentionProperties(Duration.ofDays(3), Duration.ofDays(7),
                Duration.ofDays(90), Duration.ofDays(365), Duration.ofDays(30), 100, Duration.ofMinutes(10));
        Accounts accounts = mock(Accounts.class);
        when(accounts.all()).thenReturn(List.of(new Account(UUID.randomUUID(), "a", "A", NOW)));
        CountingPruner pruner = new CountingPruner(250);
        TableSizes sizes = mock(TableSizes.class);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RetentionRun run = new RetentionRun(List.of(pruner), accounts, properties, sizes, meters,
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(run.pruneAll()).containsEntry("t", 250L);

        // 100 + 100 + 50 for the account, then one empty call for rows of no account
        assertThat(pruner.limits).containsExactly(100, 100, 100, 100);
        assertThat(pruner.cutoffs).containsOnly(NOW.minus(Duration.ofDays(3)));
        assertThat(pruner.rows).isZero();
        assertThat(meters.get("roster.retention.pruned").tag("table", "t").counter().count()).isEqualTo(250);
    }
}
