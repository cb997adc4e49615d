package dev.roster.retention.internal;

import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bounded tables' sizes as gauges, {@code roster.table.rows} (the database's own estimate: no
 * {@code COUNT(*)} over millions of rows) and, on PostgreSQL, {@code roster.table.bytes} (table,
 * indexes and TOAST). Measured after each prune run, never on a metrics scrape.
 */
@Component
class TableSizes {

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final boolean postgres;
    private final Map<String, AtomicLong> rows = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> bytes = new ConcurrentHashMap<>();

    TableSizes(JdbcClient jdbc, MeterRegistry meters, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        this.meters = meters;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    void refresh(List<String> tables) {
        for (String table : tables) {
            if (postgres) {
                gauge(rows, "roster.table.rows", table).set(jdbc.sql("SELECT GREATEST(reltuples, 0)::bigint FROM pg_class"
                        + " WHERE oid = to_regclass(?)").param(table).query(Long.class).optional().orElse(0L));
                gauge(bytes, "roster.table.bytes", table).set(jdbc.sql("SELECT pg_total_relation_size(to_regclass(?))")
                        .param(table).query(Long.class).optional().orElse(0L));
            } else {
                gauge(rows, "roster.table.rows", table).set(jdbc.sql("SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?").param(table.toUpperCase(Locale.ROOT))
                        .query(Long.class).optional().orElse(0L));
            }
        }
    }

    /** The last measured row estimate of a table, or -1 before the first measurement. */
    long rows(String table) {
        AtomicLong value = rows.get(table);
        return value == null ? -1 : value.get();
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String table) {
        return values.computeIfAbsent(table, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tag("table", t)
                    .description("Size of a table the retention job bounds, after its last run").register(meters);
            return value;
        });
    }
}
