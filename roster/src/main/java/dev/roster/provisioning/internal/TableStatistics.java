package dev.roster.provisioning.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics of the tables a large import grows. A first reconciliation
 * can add 100,000 people long before autovacuum analyses them; with statistics that still say
 * "empty", PostgreSQL scans whole tables for each page's look-ups and the import turns quadratic.
 */
@Component
class TableStatistics {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    TableStatistics(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    void refresh() {
        for (String table : new String[] {"person", "okta_link"}) {
            jdbc.execute(postgres ? "ANALYZE " + table : "ANALYZE TABLE " + table);
        }
    }
}
