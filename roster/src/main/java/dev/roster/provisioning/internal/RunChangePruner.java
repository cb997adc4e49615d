package dev.roster.provisioning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;
import dev.roster.retention.Pruner;
import dev.roster.retention.RetentionProperties;

/**
 * Bounds {@code okta_sync_change}: the per-person change lists of runs that ended (succeeded, failed
 * or rejected) before the cutoff. The run rows and their counts stay; a held run keeps its list.
 */
@Component
class RunChangePruner implements Pruner {

    private final JdbcClient jdbc;

    RunChangePruner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String table() {
        return "okta_sync_change";
    }

    @Override
    public Duration retention(RetentionProperties properties) {
        return properties.runChanges();
    }

    @Override
    @Transactional
    public int pruneBatch(UUID accountId, Instant cutoff, int limit) {
        if (accountId == null) {
            return 0;
        }
        List<UUID> ids = jdbc.sql("""
                SELECT c.id FROM okta_sync_run r JOIN okta_sync_change c ON c.run_id = r.id
                WHERE r.account_id = :account AND r.created_at < :cutoff
                  AND r.status IN ('succeeded', 'failed', 'rejected')
                LIMIT :limit
                """).param("account", accountId).param("cutoff", Instants.toJdbc(cutoff)).param("limit", limit)
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM okta_sync_change WHERE id IN (:ids)").param("ids", ids).update();
    }
}
