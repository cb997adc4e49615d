package dev.roster.scim.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;
import dev.roster.directory.Team;
import dev.roster.directory.Teams;
import dev.roster.scim.protocol.Filter;
import dev.roster.scim.protocol.FilterEvaluator;
import dev.roster.scim.protocol.Patch;
import dev.roster.scim.protocol.ScimException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Groups of one account: each is a team (same id) whose members are the team's members. A
 * person can be in several groups; the primary team still follows the user's department. Deleting
 * a group empties its memberships and unlinks it; the team and the people stay.
 */
@Service
public class ScimGroups {

    public record Page(long total, List<ScimGroup> groups) {
    }

    private final JdbcClient jdbc;
    private final Teams teams;
    private final Clock clock;

    ScimGroups(JdbcClient jdbc, Teams teams, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.clock = clock;
    }

    public ScimGroup get(UUID accountId, UUID id) {
        return load(accountId, rows("WHERE account_id = ? AND team_id = ?", accountId, id), true).stream().findFirst()
                .orElseThrow(() -> new ScimException.NotFound("no group with id " + id));
    }

    public Page list(UUID accountId, Filter filter, int startIndex, int count, boolean withMembers) {
        int offset = Math.max(0, startIndex - 1);
        if (filter == null) {
            long total = jdbc.sql("SELECT COUNT(*) FROM scim_group WHERE account_id = ?").param(accountId)
                    .query(Long.class).single();
            return new Page(total, load(accountId, rows("WHERE account_id = ? ORDER BY created_at, team_id LIMIT ?"
                    + " OFFSET ?", accountId, count, offset), withMembers));
        }
        List<Row> candidates = candidates(accountId, filter);
        boolean needsMembers = withMembers || mentionsMembers(filter);
        List<ScimGroup> matching = new ArrayList<>();
        for (ScimGroup group : load(accountId, candidates, needsMembers)) {
            if (FilterEvaluator.matches(group.resource("", Map.of()), filter)) {
                matching.add(group);
            }
        }
        return new Page(matching.size(), matching.stream().skip(offset).limit(count).toList());
    }

    @Transactional
    public ScimGroup create(UUID accountId, ObjectNode document) {
        String name = displayName(document);
        Optional<Team> existing = teams.byName(accountId, name);
        if (existing.isPresent() && !rows("WHERE team_id = ?", existing.get().id()).isEmpty()) {
            throw new ScimException.Uniqueness("a group named \"" + name + "\" exists already");
        }
        Team team = existing.orElseGet(() -> teams.create(accountId, name, null));
        Instant now = Instant.now(clock);
        jdbc.sql("INSERT INTO scim_group (team_id, account_id, external_id, version, created_at, last_modified)"
                        + " VALUES (?, ?, ?, 1, ?, ?)")
                .params(team.id(), accountId, externalId(document), Instants.toJdbc(now), Instants.toJdbc(now)).update();
        teams.setMembers(accountId, team.id(), members(document));
        return get(accountId, team.id());
    }

    @Transactional
    public ScimGroup replace(UUID accountId, UUID id, ObjectNode document, String ifMatch) {
        return write(accountId, locked(accountId, id, ifMatch), document);
    }

    @Transactional
    public ScimGroup patch(UUID accountId, UUID id, Patch patch, String ifMatch) {
        ScimGroup current = locked(accountId, id, ifMatch);
        return write(accountId, current, patch.apply(current.document()));
    }

    @Transactional
    public void delete(UUID accountId, UUID id, String ifMatch) {
        locked(accountId, id, ifMatch);
        teams.setMembers(accountId, id, List.of());
        jdbc.sql("DELETE FROM scim_group WHERE account_id = ? AND team_id = ?").params(accountId, id).update();
    }

    private ScimGroup write(UUID accountId, ScimGroup current, ObjectNode document) {
        String name = displayName(document);
        if (!name.equals(current.displayName())) {
            teams.byName(accountId, name).filter(t -> !t.id().equals(current.id())).ifPresent(t -> {
                throw new ScimException.Uniqueness("a team named \"" + name + "\" exists already");
            });
            Team team = teams.require(accountId, current.id());
            teams.update(accountId, team.id(), name, team.managerId());
        }
        teams.setMembers(accountId, current.id(), members(document));
        jdbc.sql("UPDATE scim_group SET external_id = ?, version = version + 1, last_modified = ?"
                        + " WHERE account_id = ? AND team_id = ?")
                .params(externalId(document), Instants.toJdbc(Instant.now(clock)), accountId, current.id()).update();
        return get(accountId, current.id());
    }

    private ScimGroup locked(UUID accountId, UUID id, String ifMatch) {
        List<Row> row = rows("WHERE account_id = ? AND team_id = ? FOR UPDATE", accountId, id);
        ScimGroup current = load(accountId, row, true).stream().findFirst()
                .orElseThrow(() -> new ScimException.NotFound("no group with id " + id));
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")
                && !ifMatch.strip().equals(current.etag())) {
            throw new ScimException.PreconditionFailed("the group changed since version " + ifMatch.strip()
                    + "; it is now " + current.etag());
        }
        return current;
    }

    /** Rows a filter can match: by displayName, externalId or id from an index, else all of the account's. */
    private List<Row> candidates(UUID accountId, Filter filter) {
        if (filter instanceof Filter.Compare c && c.operator() == Filter.Operator.EQ && c.value() instanceof String v
                && c.path().subAttribute() == null) {
            if (c.path().is("displayName")) {
                return teams.byName(accountId, v).map(t -> rows("WHERE account_id = ? AND team_id = ?", accountId,
                        t.id())).orElse(List.of());
            }
            if (c.path().is("externalId")) {
                return rows("WHERE account_id = ? AND external_id = ? ORDER BY created_at, team_id", accountId, v);
            }
        }
        return rows("WHERE account_id = ? ORDER BY created_at, team_id", accountId);
    }

    private static boolean mentionsMembers(Filter filter) {
        return filter.toString().toLowerCase(java.util.Locale.ROOT).contains("members");
    }

    private record Row(UUID id, String externalId, long version, Instant created, Instant lastModified) {
    }

    private List<Row> rows(String where, Object... params) {
        return jdbc.sql("SELECT team_id, external_id, version, created_at, last_modified FROM scim_group " + where)
                .params(params)
                .query((rs, n) -> new Row(rs.getObject("team_id", UUID.class), rs.getString("external_id"),
                        rs.getLong("version"), Instants.read(rs, "created_at"), Instants.read(rs, "last_modified")))
                .list();
    }

    /** Rows with their team names and, when asked, members: two queries for a page, not one per group. */
    private List<ScimGroup> load(UUID accountId, List<Row> rows, boolean withMembers) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Team> byId = teams.all(accountId).stream().collect(Collectors.toMap(Team::id, Function.identity()));
        Map<UUID, List<UUID>> members = withMembers ? teams.members(accountId, rows.stream().map(Row::id).toList())
                : Map.of();
        return rows.stream().filter(r -> byId.containsKey(r.id()))
                .map(r -> new ScimGroup(r.id(), byId.get(r.id()).name(), r.externalId(),
                        members.getOrDefault(r.id(), List.of()), r.version(), r.created(), r.lastModified()))
                .toList();
    }

    private static String displayName(ObjectNode document) {
        JsonNode node = field(document, "displayName");
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new ScimException.InvalidValue("\"displayName\" is required and must be a string");
        }
        if (node.asString().strip().length() > 200) {
            throw new ScimException.InvalidValue("\"displayName\" is longer than 200 characters");
        }
        return node.asString().strip();
    }

    private static String externalId(ObjectNode document) {
        JsonNode node = field(document, "externalId");
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.isString() ? node.asString() : node.toString();
        if (value.length() > 320) {
            throw new ScimException.InvalidValue("\"externalId\" is longer than 320 characters");
        }
        return value;
    }

    private static Set<UUID> members(ObjectNode document) {
        JsonNode node = field(document, "members");
        Set<UUID> ids = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (!node.isArray()) {
            throw new ScimException.InvalidValue("\"members\" must be an array");
        }
        for (JsonNode member : node) {
            JsonNode value = member.isObject() ? field((ObjectNode) member, "value") : member;
            try {
                ids.add(UUID.fromString(value == null ? "" : value.asString()));
            } catch (IllegalArgumentException e) {
                throw new ScimException.InvalidValue("member \"" + (value == null ? "" : value.asString())
                        + "\" is not a user of this account");
            }
        }
        return ids;
    }

    private static JsonNode field(ObjectNode object, String name) {
        for (String key : object.propertyNames()) {
            if (key.equalsIgnoreCase(name)) {
                return object.get(key);
            }
        }
        return null;
    }
}
