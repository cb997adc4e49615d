package dev.roster.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Every row an account has in the directory and provisioning tables, as text: equal snapshots, nothing written. */
public final class TableSnapshot {

    private static final Map<String, String> QUERIES = Map.of(
            "person", "SELECT * FROM person WHERE account_id = ? ORDER BY id",
            "team", "SELECT * FROM team WHERE account_id = ? ORDER BY id",
            "okta_link", "SELECT * FROM okta_link WHERE account_id = ? ORDER BY person_id",
            "okta_sync_run", "SELECT * FROM okta_sync_run WHERE account_id = ? ORDER BY id",
            "okta_sync_change", "SELECT * FROM okta_sync_change WHERE account_id = ? ORDER BY id",
            "okta_sync_held", "SELECT h.* FROM okta_sync_held h JOIN okta_sync_run r ON r.id = h.run_id"
                    + " WHERE r.account_id = ? ORDER BY h.run_id, h.person_id");

    private TableSnapshot() {
    }

    public static Map<String, List<Map<String, String>>> of(JdbcClient jdbc, UUID accountId) {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        QUERIES.forEach((table, sql) -> tables.put(table, jdbc.sql(sql).param(accountId).query((rs, n) -> {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getString(i));
            }
            return row;
        }).list()));
        return tables;
    }
}
