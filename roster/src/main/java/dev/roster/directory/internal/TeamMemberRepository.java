package dev.roster.directory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;

/** Team memberships beyond the primary team: {@code team_member}. */
@Repository
public class TeamMemberRepository {

    private final JdbcClient jdbc;

    TeamMemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Members of each team, in the order they joined; teams without members are absent. */
    public Map<UUID, List<UUID>> members(UUID accountId, Collection<UUID> teamIds) {
        Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        if (teamIds.isEmpty()) {
            return members;
        }
        jdbc.sql("SELECT team_id, person_id FROM team_member WHERE account_id = :account AND team_id IN (:teams)"
                        + " ORDER BY added_at, person_id")
                .param("account", accountId).param("teams", teamIds)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list().forEach(e -> members.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return members;
    }

    public void add(UUID accountId, UUID teamId, Collection<UUID> personIds, Instant now) {
        for (UUID personId : personIds) {
            jdbc.sql("INSERT INTO team_member (team_id, person_id, account_id, added_at) VALUES (?, ?, ?, ?)")
                    .params(teamId, personId, accountId, Instants.toJdbc(now)).update();
        }
    }

    public void remove(UUID accountId, UUID teamId, Collection<UUID> personIds) {
        if (!personIds.isEmpty()) {
            jdbc.sql("DELETE FROM team_member WHERE account_id = :account AND team_id = :team AND person_id IN (:people)")
                    .param("account", accountId).param("team", teamId).param("people", personIds).update();
        }
    }

    /** Which of these ids are people of the account. */
    public List<UUID> existingPeople(UUID accountId, Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM person WHERE account_id = :account AND id IN (:people)")
                .param("account", accountId).param("people", personIds).query(UUID.class).list();
    }
}
