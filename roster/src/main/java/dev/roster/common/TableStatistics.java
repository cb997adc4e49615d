package dev.roster.common;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics of one table, in the database's dialect. Each module asks for
 * its own tables: a first reconciliation can add 100,000 people long before autovacuum analyses
 * them, and with statistics that still say "empty" PostgreSQL scans whole tables for each page's
 * look-ups.
 */
@Component
public class TableStatistics {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    TableStatistics(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    public void refresh(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        jdbc.execute(postgres ? "ANALYZE " + table : "ANALYZE TABLE " + table);
    }
}
