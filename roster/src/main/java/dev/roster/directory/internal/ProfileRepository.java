package dev.roster.directory.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;
import dev.roster.directory.ProfileUpdate;
import dev.roster.directory.ProfileUpdate.Field;
import dev.roster.directory.ProfileUpdate.Lifecycle;
import dev.roster.directory.Source;

/**
 * Column-scoped writes of what a provisioning source says about people. One statement shape for
 * every row (each column is written only when its flag says so), so a batch stays one JDBC batch;
 * status and the deactivation columns are decided from the row as the UPDATE finds it, under its
 * lock; role, invitation, activation and credentials are not in the statement at all.
 */
@Repository
public class ProfileRepository {

    private static final int CHUNK = 500;

    private static final String UPDATE = """
            UPDATE person SET
                email = CASE WHEN :emailGiven THEN :email ELSE email END,
                email_lower = CASE WHEN :emailGiven THEN :emailLower ELSE email_lower END,
                title = CASE WHEN :titleGiven THEN :title ELSE title END,
                first_name = CASE WHEN :firstNameGiven THEN :firstName ELSE first_name END,
                last_name = CASE WHEN :lastNameGiven THEN :lastName ELSE last_name END,
                avatar_url = CASE WHEN :avatarUrlGiven THEN :avatarUrl ELSE avatar_url END,
                job_title = CASE WHEN :jobTitleGiven THEN :jobTitle ELSE job_title END,
                primary_language = CASE WHEN :languageGiven THEN :language ELSE primary_language END,
                primary_location = CASE WHEN :locationGiven THEN :location ELSE primary_location END,
                primary_team_id = CASE WHEN :teamGiven THEN CAST(:team AS UUID) ELSE primary_team_id END,
                manager_id = CASE WHEN :managerGiven THEN CAST(:manager AS UUID) ELSE manager_id END,
                custom_values = CASE WHEN :customGiven THEN :custom ELSE custom_values END,
                okta_id = CASE WHEN :linked THEN :oktaId ELSE okta_id END,
                source = CASE WHEN :linked THEN :source ELSE source END,
                status = CASE
                    WHEN :lifecycle = 'deactivate' THEN 'deactivated'
                    WHEN :lifecycle = 'reactivate' AND status = 'deactivated' AND deactivated_by = :source
                        THEN CASE WHEN activated_at IS NULL THEN 'invited' ELSE 'active' END
                    ELSE status END,
                deactivated_at = CASE
                    WHEN :lifecycle = 'deactivate' AND status <> 'deactivated' THEN :now
                    WHEN :lifecycle = 'reactivate' AND status = 'deactivated' AND deactivated_by = :source THEN NULL
                    ELSE deactivated_at END,
                deactivated_by = CASE
                    WHEN :lifecycle = 'deactivate' AND status <> 'deactivated' THEN :source
                    WHEN :lifecycle = 'reactivate' AND status = 'deactivated' AND deactivated_by = :source THEN NULL
                    ELSE deactivated_by END,
                last_synced_at = :now,
                updated_at = :now
            WHERE account_id = :account AND id = :id
            """;

    private static final Map<Field, String> NAMES = Map.of(Field.EMAIL, "email", Field.TITLE, "title",
            Field.FIRST_NAME, "firstName", Field.LAST_NAME, "lastName", Field.AVATAR_URL, "avatarUrl",
            Field.JOB_TITLE, "jobTitle", Field.PRIMARY_LANGUAGE, "language", Field.PRIMARY_LOCATION, "location");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    ProfileRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * Writes the updates of one account's people, in id order (so that two batches lock shared rows
     * in the same order). Custom values are merged key by key into the values read under the row's
     * lock. Runs in the caller's transaction, which must exist: the lock has to last until the write.
     */
    public void apply(UUID accountId, Source source, List<ProfileUpdate> updates, Instant now) {
        List<ProfileUpdate> sorted = updates.stream().filter(u -> !u.isEmpty())
                .sorted(Comparator.comparing(ProfileUpdate::personId)).toList();
        if (sorted.isEmpty()) {
            return;
        }
        Map<UUID, Map<String, String>> lockedCustom = lockedCustomValues(accountId,
                sorted.stream().filter(u -> !u.customValues().isEmpty()).map(ProfileUpdate::personId).toList());
        MapSqlParameterSource[] rows = sorted.stream()
                .map(u -> params(accountId, source, u, lockedCustom.get(u.personId()), now))
                .toArray(MapSqlParameterSource[]::new);
        named.batchUpdate(UPDATE, rows);
    }

    private Map<UUID, Map<String, String>> lockedCustomValues(UUID accountId, List<UUID> ids) {
        Map<UUID, Map<String, String>> values = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT id, custom_values FROM person WHERE account_id = :account AND id IN (:ids)"
                            + " ORDER BY id FOR UPDATE")
                    .param("account", accountId).param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query(rs -> {
                        values.put(rs.getObject("id", UUID.class), CustomValuesCodec.read(rs.getString("custom_values")));
                    });
        }
        return values;
    }

    private static MapSqlParameterSource params(UUID accountId, Source source, ProfileUpdate u,
            Map<String, String> currentCustom, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        p.addValue("account", accountId).addValue("id", u.personId());
        NAMES.forEach((field, name) -> {
            p.addValue(name + "Given", u.fields().containsKey(field));
            p.addValue(name, u.fields().get(field));
        });
        p.addValue("emailLower", PersonRepository.lower(u.fields().get(Field.EMAIL)));
        p.addValue("teamGiven", u.teamGiven()).addValue("team", u.teamId());
        p.addValue("managerGiven", u.managerGiven()).addValue("manager", u.managerId());
        boolean customGiven = !u.customValues().isEmpty() && currentCustom != null;
        p.addValue("customGiven", customGiven);
        p.addValue("custom", customGiven ? CustomValuesCodec.write(merged(currentCustom, u.customValues())) : null);
        p.addValue("linked", u.linkOktaId() != null).addValue("oktaId", u.linkOktaId());
        p.addValue("source", source.wireName());
        p.addValue("lifecycle", u.lifecycle() == Lifecycle.NONE ? "none" : u.lifecycle().name().toLowerCase(Locale.ROOT));
        p.addValue("now", Instants.toJdbc(now));
        return p;
    }

    private static Map<String, String> merged(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> merged = new HashMap<>(current);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
