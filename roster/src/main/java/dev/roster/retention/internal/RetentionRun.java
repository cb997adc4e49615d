package dev.roster.retention.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.retention.Pruner;
import dev.roster.retention.RetentionProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One prune run: for every table, account by account, batches until a batch comes back short. Each
 * batch is its own transaction, so a first run over years of rows advances steadily and a crash
 * loses at most one batch's work. Counts go to {@code roster.retention.pruned}, sizes to
 * {@link TableSizes}.
 */
@Component
class RetentionRun {

    private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);

    private final List<Pruner> pruners;
    private final Accounts accounts;
    private final RetentionProperties properties;
    private final TableSizes sizes;
    private final MeterRegistry meters;
    private final Clock clock;

    RetentionRun(List<Pruner> pruners, Accounts accounts, RetentionProperties properties, TableSizes sizes,
            MeterRegistry meters, Clock clock) {
        this.pruners = pruners;
        this.accounts = accounts;
        this.properties = properties;
        this.sizes = sizes;
        this.meters = meters;
        this.clock = clock;
    }

    /** Prunes every table; returns the rows deleted per table. */
    Map<String, Long> pruneAll() {
        Instant now = Instant.now(clock);
        List<UUID> owners = new ArrayList<>();
        accounts.all().stream().map(Account::id).forEach(owners::add);
        owners.add(null); // rows of no account (sign-in attempts naming an unknown account)
        Map<String, Long> pruned = new LinkedHashMap<>();
        for (Pruner pruner : pruners) {
            Instant cutoff = now.minus(pruner.retention(properties));
            long deleted = 0;
            for (UUID owner : owners) {
                int batch;
                do {
                    batch = pruner.pruneBatch(owner, cutoff, properties.batchSize());
                    deleted += batch;
                } while (batch == properties.batchSize());
            }
            Counter.builder("roster.retention.pruned").description("Rows deleted by the retention job")
                    .tag("table", pruner.table()).register(meters).increment(deleted);
            pruned.put(pruner.table(), deleted);
        }
        sizes.refresh(pruners.stream().map(Pruner::table).toList());
        if (pruned.values().stream().anyMatch(n -> n > 0)) {
            log.info("Retention pruned {}", pruned);
        }
        return pruned;
    }
}
