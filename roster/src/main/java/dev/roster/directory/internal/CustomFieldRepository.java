package dev.roster.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;
import dev.roster.directory.CustomField;
import dev.roster.directory.CustomFieldType;

/** Custom field definitions of one account. Options of a one-of list are stored one per line. */
@Repository
public class CustomFieldRepository {

    private final JdbcClient jdbc;

    CustomFieldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomField> findAll(UUID accountId) {
        return jdbc.sql("SELECT id, account_id, field_key, label, field_type, options, visibility FROM custom_field"
                        + " WHERE account_id = ? ORDER BY field_key")
                .param(accountId).query(CustomFieldRepository::map).list();
    }

    public void insert(CustomField field, Instant now) {
        jdbc.sql("INSERT INTO custom_field (id, account_id, field_key, label, field_type, options, visibility,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(field.id(), field.accountId(), field.key(), field.label(), field.type().wireName(),
                        field.options().isEmpty() ? null : String.join("\n", field.options()),
                        field.visibleToEveryone() ? "everyone" : "admins", Instants.toJdbc(now))
                .update();
    }

    /** False when the account has no such field. */
    public boolean setVisibility(UUID accountId, UUID fieldId, boolean visibleToEveryone) {
        return jdbc.sql("UPDATE custom_field SET visibility = ? WHERE account_id = ? AND id = ?")
                .params(visibleToEveryone ? "everyone" : "admins", accountId, fieldId).update() == 1;
    }

    private static CustomField map(ResultSet rs, int row) throws SQLException {
        String options = rs.getString("options");
        return new CustomField(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("field_key"), rs.getString("label"), CustomFieldType.fromWire(rs.getString("field_type")),
                options == null ? List.of() : Arrays.asList(options.split("\n")),
                "everyone".equals(rs.getString("visibility")));
    }
}
