package dev.roster.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.accounts.Role;
import dev.roster.common.Instants;
import dev.roster.common.PageRequest;
import dev.roster.directory.EffectiveManager;
import dev.roster.directory.Invitation;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.directory.Source;

/** Person rows. Every statement takes the account id: no query can reach across accounts. */
@Repository
public class PersonRepository {

    private static final String COLUMNS = """
            p.id, p.account_id, p.email, p.title, p.first_name, p.last_name, p.avatar_url, p.job_title,
            p.primary_language, p.primary_location, p.primary_team_id, p.manager_id, p.custom_values, p.status,
            p.role, p.source, p.okta_id, p.invitation, p.last_synced_at, p.invited_at, p.activated_at, p.deactivated_at,
            p.deactivated_by, p.created_at, p.updated_at, t.name AS team_name, t.manager_id AS team_manager_id
            """;
    private static final String FROM = " FROM person p LEFT JOIN team t ON t.id = p.primary_team_id ";

    private static final String INSERT = """
                INSERT INTO person (id, account_id, email, email_lower, title, first_name, last_name, avatar_url,
                    job_title, primary_language, primary_location, primary_team_id, manager_id, custom_values, status,
                    role, source, okta_id, invitation, last_synced_at, invited_at, activated_at, deactivated_at,
                    deactivated_by, created_at, updated_at)
                VALUES (:id, :account, :email, :emailLower, :title, :firstName, :lastName, :avatarUrl, :jobTitle,
                    :language, :location, :team, :manager, :custom, :status, :role, :source, :oktaId, :invitation, :syncedAt,
                    :invitedAt, :activatedAt, :deactivatedAt, :deactivatedBy, :createdAt, :updatedAt)
                """;
    /** An admin's edit: the fields of the person form and the role; status, invitation and sign-in are not in it. */
    private static final String UPDATE_EDITABLE = """
                UPDATE person SET email = :email, email_lower = :emailLower, title = :title, first_name = :firstName,
                    last_name = :lastName, avatar_url = :avatarUrl, job_title = :jobTitle, primary_language = :language,
                    primary_location = :location, primary_team_id = :team, manager_id = :manager,
                    custom_values = :custom, role = :role, updated_at = :updatedAt
                WHERE account_id = :account AND id = :id
                """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    PersonRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public Optional<PersonView> find(UUID accountId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE p.account_id = ? AND p.id = ?")
                .params(accountId, id).query(PersonRepository::view).optional();
    }

    public Optional<PersonView> findByEmail(UUID accountId, String email) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE p.account_id = ? AND p.email_lower = ?")
                .params(accountId, lower(email)).query(PersonRepository::view).optional();
    }

    public Optional<PersonView> findByOktaId(UUID accountId, String oktaId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE p.account_id = ? AND p.okta_id = ?")
                .params(accountId, oktaId).query(PersonRepository::view).optional();
    }

    public List<PersonView> search(UUID accountId, PeopleQuery query, PageRequest page) {
        Where where = where(accountId, query);
        return jdbc.sql("SELECT " + COLUMNS + FROM + where.sql
                        + " ORDER BY LOWER(COALESCE(p.last_name, '')), LOWER(COALESCE(p.first_name, '')), p.email_lower"
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params).param("limit", page.size()).param("offset", page.offset())
                .query(PersonRepository::view).list();
    }

    public long count(UUID accountId, PeopleQuery query) {
        Where where = where(accountId, query);
        return jdbc.sql("SELECT COUNT(*)" + FROM + where.sql).params(where.params).query(Long.class).single();
    }

    /** Display names of the given people of one account, for showing managers. */
    public Map<UUID, String> names(UUID accountId, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, email, first_name, last_name FROM person WHERE account_id = :account AND id IN (:ids)")
                .param("account", accountId).param("ids", ids)
                .query(rs -> {
                    String name = ((nz(rs.getString("first_name")) + " " + nz(rs.getString("last_name")))).strip();
                    names.put(rs.getObject("id", UUID.class), name.isEmpty() ? rs.getString("email") : name);
                });
        return names;
    }

    public boolean exists(UUID accountId, UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE account_id = ? AND id = ?")
                .params(accountId, id).query(Integer.class).single() > 0;
    }

    public void insert(Person p) {
        jdbc.sql(INSERT).paramSource(params(p)).update();
    }

    /** Writes the editable fields and the role of a person; nothing else of the row. */
    public void updateEditable(Person p) {
        jdbc.sql(UPDATE_EDITABLE).paramSource(params(p)).update();
    }

    /** Deactivates a person who is not already; {@code by} is recorded ("admin" or "okta"). */
    public void deactivate(UUID accountId, UUID id, String by, Instant at) {
        jdbc.sql("UPDATE person SET status = 'deactivated', deactivated_at = ?, deactivated_by = ?, updated_at = ?"
                        + " WHERE account_id = ? AND id = ? AND status <> 'deactivated'")
                .params(Instants.toJdbc(at), by, Instants.toJdbc(at), accountId, id).update();
    }

    /** Brings a deactivated person back, as the row stands: active if they ever signed in, else invited. */
    public void reactivate(UUID accountId, UUID id, Instant at) {
        jdbc.sql("UPDATE person SET status = CASE WHEN activated_at IS NULL THEN 'invited' ELSE 'active' END,"
                        + " deactivated_at = NULL, deactivated_by = NULL, updated_at = ?"
                        + " WHERE account_id = ? AND id = ? AND status = 'deactivated'")
                .params(Instants.toJdbc(at), accountId, id).update();
    }

    /** The account's people with these Okta ids, keyed by Okta id. */
    public Map<String, PersonView> findByOktaIds(UUID accountId, Collection<String> oktaIds) {
        Map<String, PersonView> found = new HashMap<>();
        if (!oktaIds.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE p.account_id = :account AND p.okta_id IN (:ids)")
                    .param("account", accountId).param("ids", oktaIds)
                    .query(PersonRepository::view).list().forEach(v -> found.put(v.person().oktaId(), v));
        }
        return found;
    }

    /** The account's people with these emails (compared lower-case), keyed by lower-case email. */
    public Map<String, PersonView> findByEmails(UUID accountId, Collection<String> emails) {
        Map<String, PersonView> found = new HashMap<>();
        if (!emails.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE p.account_id = :account AND p.email_lower IN (:emails)")
                    .param("account", accountId).param("emails", emails.stream().map(PersonRepository::lower).toList())
                    .query(PersonRepository::view).list().forEach(v -> found.put(lower(v.person().email()), v));
        }
        return found;
    }

    /**
     * Sets manager overrides, person id → manager id (null clears), 500 people per statement: one
     * set-based UPDATE costs a fraction of 500 single-row ones.
     */
    public void setManagers(UUID accountId, Map<UUID, UUID> managers) {
        List<Map.Entry<UUID, UUID>> entries = new java.util.ArrayList<>(managers.entrySet());
        for (int from = 0; from < entries.size(); from += 500) {
            List<Map.Entry<UUID, UUID>> chunk = entries.subList(from, Math.min(entries.size(), from + 500));
            StringBuilder sql = new StringBuilder("UPDATE person SET manager_id = CASE id");
            List<Object> params = new java.util.ArrayList<>();
            for (Map.Entry<UUID, UUID> e : chunk) {
                sql.append(" WHEN ? THEN CAST(? AS UUID)");
                params.add(e.getKey());
                params.add(e.getValue());
            }
            sql.append(" END WHERE account_id = ? AND id IN (").append("?, ".repeat(chunk.size() - 1)).append("?)");
            params.add(accountId);
            chunk.forEach(e -> params.add(e.getKey()));
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** People whose "first last" name matches, lower-cased name → their ids. */
    public Map<String, List<UUID>> idsByDisplayName(UUID accountId, Collection<String> lowerNames) {
        Map<String, List<UUID>> found = new HashMap<>();
        if (!lowerNames.isEmpty()) {
            jdbc.sql("SELECT id, LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) AS n FROM person"
                            + " WHERE account_id = :account"
                            + " AND LOWER(COALESCE(first_name, '') || ' ' || COALESCE(last_name, '')) IN (:names)")
                    .param("account", accountId).param("names", lowerNames)
                    .query(rs -> {
                        found.computeIfAbsent(rs.getString("n"), k -> new java.util.ArrayList<>())
                                .add(rs.getObject("id", UUID.class));
                    });
        }
        return found;
    }

    /** Ids of the account's people with these lower-case emails. */
    public Map<String, UUID> idsByEmail(UUID accountId, Collection<String> lowerEmails) {
        Map<String, UUID> found = new HashMap<>();
        if (!lowerEmails.isEmpty()) {
            jdbc.sql("SELECT id, email_lower FROM person WHERE account_id = :account AND email_lower IN (:emails)")
                    .param("account", accountId).param("emails", lowerEmails)
                    .query(rs -> {
                        found.put(rs.getString("email_lower"), rs.getObject("id", UUID.class));
                    });
        }
        return found;
    }

    /** Of these people, the ids of those in this status. */
    public Set<UUID> idsInStatus(UUID accountId, Collection<UUID> ids, PersonStatus status) {
        return idsWhere(accountId, ids, "status = :status", Map.of("status", status.wireName()));
    }

    /** Of these people, the ids of those without a manager override. */
    public Set<UUID> idsWithoutManager(UUID accountId, Collection<UUID> ids) {
        return idsWhere(accountId, ids, "manager_id IS NULL", Map.of());
    }

    /** Ids of the account's people without a manager override. */
    public Set<UUID> idsWithoutManager(UUID accountId) {
        return new HashSet<>(jdbc.sql("SELECT id FROM person WHERE account_id = ? AND manager_id IS NULL")
                .param(accountId).query(UUID.class).list());
    }

    /** Ids of the account's people bound to an Okta id who are not deactivated. */
    public Set<UUID> idsActiveWithOktaId(UUID accountId) {
        return new HashSet<>(jdbc.sql("SELECT id FROM person WHERE account_id = ? AND status <> 'deactivated'"
                + " AND okta_id IS NOT NULL").param(accountId).query(UUID.class).list());
    }

    private Set<UUID> idsWhere(UUID accountId, Collection<UUID> ids, String condition, Map<String, Object> params) {
        Set<UUID> found = new HashSet<>();
        List<UUID> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 500) {
            found.addAll(jdbc.sql("SELECT id FROM person WHERE account_id = :account AND id IN (:ids) AND " + condition)
                    .param("account", accountId).param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .params(params).query(UUID.class).list());
        }
        return found;
    }

    /**
     * People in this invitation state, across accounts, in id order after {@code afterId}: for the
     * background job that queues invitation emails, which serves every account.
     */
    public List<PersonView> withInvitation(Invitation state, UUID afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE p.invitation = :state AND p.id > :after ORDER BY p.id LIMIT :limit")
                .param("state", state.wireName()).param("after", afterId).param("limit", limit)
                .query(PersonRepository::view).list();
    }

    /** Ids of the people a list filter selects whose invitation is in one of these states. */
    public List<UUID> idsWithInvitation(UUID accountId, PeopleQuery query, Collection<Invitation> states) {
        Where where = where(accountId, query);
        return jdbc.sql("SELECT p.id" + FROM + where.sql + " AND p.invitation IN (:states) ORDER BY p.id")
                .params(where.params).param("states", states.stream().map(Invitation::wireName).toList())
                .query(UUID.class).list();
    }

    public long countWithInvitation(UUID accountId, PeopleQuery query, Collection<Invitation> states) {
        Where where = where(accountId, query);
        return jdbc.sql("SELECT COUNT(*)" + FROM + where.sql + " AND p.invitation IN (:states)")
                .params(where.params).param("states", states.stream().map(Invitation::wireName).toList())
                .query(Long.class).single();
    }

    /** Sets only the invitation state of these people of one account; returns how many rows changed. */
    public int setInvitation(UUID accountId, Collection<UUID> ids, Invitation state) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE person SET invitation = :state WHERE account_id = :account AND id IN (:ids)")
                .param("state", state.wireName()).param("account", accountId).param("ids", ids).update();
    }

    public void insertAll(List<Person> people) {
        batch(INSERT, people);
    }

    private void batch(String sql, List<Person> people) {
        if (people.isEmpty()) {
            return;
        }
        named.batchUpdate(sql, people.stream().map(p -> new MapSqlParameterSource(params(p)))
                .toArray(MapSqlParameterSource[]::new));
    }

    private static Map<String, Object> params(Person p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.id());
        m.put("account", p.accountId());
        m.put("email", p.email());
        m.put("emailLower", lower(p.email()));
        m.put("title", p.title());
        m.put("firstName", p.firstName());
        m.put("lastName", p.lastName());
        m.put("avatarUrl", p.avatarUrl());
        m.put("jobTitle", p.jobTitle());
        m.put("language", p.primaryLanguage());
        m.put("location", p.primaryLocation());
        m.put("team", p.primaryTeamId());
        m.put("manager", p.managerId());
        m.put("custom", CustomValuesCodec.write(p.customValues()));
        m.put("status", p.status().wireName());
        m.put("role", p.role().wireName());
        m.put("source", p.source().wireName());
        m.put("oktaId", p.oktaId());
        m.put("invitation", p.invitation().wireName());
        m.put("syncedAt", Instants.toJdbc(p.lastSyncedAt()));
        m.put("invitedAt", Instants.toJdbc(p.invitedAt()));
        m.put("activatedAt", Instants.toJdbc(p.activatedAt()));
        m.put("deactivatedAt", Instants.toJdbc(p.deactivatedAt()));
        m.put("deactivatedBy", p.deactivatedBy());
        m.put("createdAt", Instants.toJdbc(p.createdAt()));
        m.put("updatedAt", Instants.toJdbc(p.updatedAt()));
        return m;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(UUID accountId, PeopleQuery q) {
        StringBuilder sql = new StringBuilder("WHERE p.account_id = :account");
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" AND (LOWER(COALESCE(p.first_name, '') || ' ' || COALESCE(p.last_name, '')) LIKE :text"
                    + " ESCAPE '\\' OR p.email_lower LIKE :text ESCAPE '\\')");
            params.put("text", "%" + escapeLike(lower(q.text().strip())) + "%");
        }
        if (q.email() != null && !q.email().isBlank()) {
            sql.append(" AND p.email_lower = :email");
            params.put("email", lower(q.email().strip()));
        }
        if (q.status() != null) {
            sql.append(" AND p.status = :status");
            params.put("status", q.status().wireName());
        }
        if (q.teamId() != null) {
            sql.append(" AND p.primary_team_id = :teamId");
            params.put("teamId", q.teamId());
        }
        if (q.oktaId() != null && !q.oktaId().isBlank()) {
            sql.append(" AND p.okta_id = :oktaId");
            params.put("oktaId", q.oktaId().strip());
        }
        return new Where(sql.toString(), params);
    }

    static PersonView view(ResultSet rs, int row) throws SQLException {
        Person person = person(rs);
        UUID teamManager = rs.getObject("team_manager_id", UUID.class);
        return new PersonView(person, rs.getString("team_name"),
                EffectiveManager.of(person.id(), person.managerId(), teamManager));
    }

    static Person person(ResultSet rs) throws SQLException {
        return new Person(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("email"),
                rs.getString("title"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("avatar_url"),
                rs.getString("job_title"),
                rs.getString("primary_language"),
                rs.getString("primary_location"),
                rs.getObject("primary_team_id", UUID.class),
                rs.getObject("manager_id", UUID.class),
                CustomValuesCodec.read(rs.getString("custom_values")),
                PersonStatus.fromWire(rs.getString("status")),
                Role.fromWire(rs.getString("role")),
                Source.fromWire(rs.getString("source")),
                rs.getString("okta_id"),
                Invitation.fromWire(rs.getString("invitation")),
                Instants.read(rs, "last_synced_at"),
                Instants.read(rs, "invited_at"),
                Instants.read(rs, "activated_at"),
                Instants.read(rs, "deactivated_at"),
                rs.getString("deactivated_by"),
                Instants.read(rs, "created_at"),
                Instants.read(rs, "updated_at"));
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
