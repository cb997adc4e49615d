package dev.roster.provisioning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;

/** okta_link rows, read and written in batches. */
@Repository
class OktaLinkRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    OktaLinkRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    Map<UUID, OktaLink> byPersonIds(UUID accountId, Collection<UUID> personIds) {
        Map<UUID, OktaLink> found = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("SELECT * FROM okta_link WHERE account_id = :account AND person_id IN (:ids)")
                    .param("account", accountId).param("ids", personIds)
                    .query(OktaLinkRepository::map).list().forEach(l -> found.put(l.personId(), l));
        }
        return found;
    }

    /** What a reconciliation needs to skip an unchanged person: their id and fingerprint. */
    record Fingerprint(UUID personId, String mappedHash) {
    }

    /** Okta id → fingerprint of the linked people among these Okta ids. */
    Map<String, Fingerprint> fingerprints(UUID accountId, Collection<String> oktaIds) {
        Map<String, Fingerprint> found = new HashMap<>();
        if (!oktaIds.isEmpty()) {
            jdbc.sql("SELECT okta_id, person_id, mapped_hash FROM okta_link WHERE account_id = :account"
                            + " AND okta_id IN (:ids)")
                    .param("account", accountId).param("ids", oktaIds)
                    .query(rs -> {
                        found.put(rs.getString("okta_id"), new Fingerprint(rs.getObject("person_id", UUID.class),
                                rs.getString("mapped_hash")));
                    });
        }
        return found;
    }

    /** Inserts new links and updates existing ones (by person id). */
    void save(Collection<OktaLink> links, Collection<UUID> existing) {
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        for (OktaLink link : links) {
            (existing.contains(link.personId()) ? updates : inserts).add(params(link));
        }
        if (!updates.isEmpty()) {
            named.batchUpdate("""
                    UPDATE okta_link SET okta_id = :oktaId, login_lower = :login, employee_number = :employee,
                        manager_ref = :managerRef, manager_ref_lower = :managerRefLower, manager_name = :managerName,
                        mapped_hash = :hash,
                        synced_at = :syncedAt
                    WHERE account_id = :account AND person_id = :person
                    """, updates.toArray(MapSqlParameterSource[]::new));
        }
        if (!inserts.isEmpty()) {
            named.batchUpdate("""
                    INSERT INTO okta_link (person_id, account_id, okta_id, login_lower, employee_number, manager_ref,
                        manager_ref_lower, manager_name, mapped_hash, synced_at)
                    VALUES (:person, :account, :oktaId, :login, :employee, :managerRef, :managerRefLower, :managerName,
                        :hash, :syncedAt)
                    """, inserts.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** The people of the account that provisioning has linked. */
    List<UUID> linkedPersonIds(UUID accountId) {
        return jdbc.sql("SELECT person_id FROM okta_link WHERE account_id = ?").param(accountId).query(UUID.class)
                .list();
    }

    /** The people of the account whose link carries a manager reference or name. */
    List<UUID> withManagerReference(UUID accountId) {
        return jdbc.sql("SELECT person_id FROM okta_link WHERE account_id = ?"
                + " AND (manager_ref IS NOT NULL OR manager_name IS NOT NULL)").param(accountId).query(UUID.class).list();
    }

    /** Links whose person was found by one of these manager keys: id → link, for each key kind. */
    List<OktaLink> byManagerKeys(UUID accountId, Collection<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        List<String> lower = refs.stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList();
        return jdbc.sql("""
                SELECT * FROM okta_link WHERE account_id = :account
                  AND (okta_id IN (:refs) OR login_lower IN (:lower) OR employee_number IN (:refs))
                """).param("account", accountId).param("refs", refs).param("lower", lower)
                .query(OktaLinkRepository::map).list();
    }

    /** Links whose manager reference is one of these keys (compared lower-case). */
    List<OktaLink> byManagerReference(UUID accountId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> lower = keys.stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        return jdbc.sql("SELECT * FROM okta_link WHERE account_id = :account AND manager_ref_lower IN (:keys)")
                .param("account", accountId).param("keys", lower).query(OktaLinkRepository::map).list();
    }

    private static MapSqlParameterSource params(OktaLink l) {
        return new MapSqlParameterSource().addValue("person", l.personId()).addValue("account", l.accountId())
                .addValue("oktaId", l.oktaId()).addValue("login", l.loginLower())
                .addValue("employee", l.employeeNumber()).addValue("managerRef", l.managerRef())
                .addValue("managerRefLower", l.managerRef() == null ? null : l.managerRef().toLowerCase(java.util.Locale.ROOT))
                .addValue("managerName", l.managerName()).addValue("hash", l.mappedHash())
                .addValue("syncedAt", Instants.toJdbc(l.syncedAt()));
    }

    private static OktaLink map(ResultSet rs, int row) throws SQLException {
        return new OktaLink(rs.getObject("person_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("okta_id"), rs.getString("login_lower"), rs.getString("employee_number"),
                rs.getString("manager_ref"), rs.getString("manager_name"), rs.getString("mapped_hash"),
                Instants.read(rs, "synced_at"));
    }

}
