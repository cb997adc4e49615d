package dev.roster.provisioning.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;
import dev.roster.directory.CustomFields;
import dev.roster.provisioning.mapping.MappingSettings;
import dev.roster.provisioning.mapping.StandardField;

/** An account's mapping settings; accounts that never changed them get the defaults. */
@Repository
public class MappingSettingsRepository {

    private final JdbcClient jdbc;
    private final CustomFields customFields;

    MappingSettingsRepository(JdbcClient jdbc, CustomFields customFields) {
        this.jdbc = jdbc;
        this.customFields = customFields;
    }

    public MappingSettings load(UUID accountId) {
        Set<StandardField> disabled = EnumSet.noneOf(StandardField.class);
        String[] avatar = {MappingSettings.DEFAULT_AVATAR_ATTRIBUTE};
        jdbc.sql("SELECT disabled_fields, avatar_attribute FROM okta_field_mapping WHERE account_id = ?")
                .param(accountId).query(rs -> {
                    Arrays.stream(rs.getString("disabled_fields").split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).map(StandardField::fromWire).forEach(disabled::add);
                    avatar[0] = rs.getString("avatar_attribute");
                });
        Map<String, String> custom = new HashMap<>();
        jdbc.sql("SELECT field_key, okta_attribute FROM okta_custom_mapping WHERE account_id = ?").param(accountId)
                .query(rs -> {
                    custom.put(rs.getString("field_key"), rs.getString("okta_attribute"));
                });
        return new MappingSettings(disabled, avatar[0], custom, customFields.all(accountId));
    }

    public void save(UUID accountId, Set<StandardField> disabled, String avatarAttribute, Map<String, String> custom,
            Instant now) {
        String disabledText = disabled.stream().map(StandardField::wireName).sorted().collect(Collectors.joining(","));
        int updated = jdbc.sql("UPDATE okta_field_mapping SET disabled_fields = ?, avatar_attribute = ?, updated_at = ?"
                        + " WHERE account_id = ?")
                .params(disabledText, avatarAttribute, Instants.toJdbc(now), accountId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO okta_field_mapping (account_id, disabled_fields, avatar_attribute, updated_at)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(accountId, disabledText, avatarAttribute, Instants.toJdbc(now)).update();
        }
        jdbc.sql("DELETE FROM okta_custom_mapping WHERE account_id = ?").param(accountId).update();
        custom.forEach((field, attribute) -> jdbc.sql(
                        "INSERT INTO okta_custom_mapping (account_id, field_key, okta_attribute) VALUES (?, ?, ?)")
                .params(accountId, field, attribute).update());
    }
}
