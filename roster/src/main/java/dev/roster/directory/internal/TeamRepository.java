package dev.roster.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;
import dev.roster.directory.Team;

/** Team rows, always within one account. Names are unique per account, case-insensitively. */
@Repository
public class TeamRepository {

    private static final String SELECT = "SELECT id, account_id, name, manager_id FROM team";

    private final JdbcClient jdbc;

    TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Team> findAll(UUID accountId) {
        return jdbc.sql(SELECT + " WHERE account_id = ? ORDER BY name_lower").param(accountId)
                .query(TeamRepository::map).list();
    }

    public Optional<Team> find(UUID accountId, UUID id) {
        return jdbc.sql(SELECT + " WHERE account_id = ? AND id = ?").params(accountId, id)
                .query(TeamRepository::map).optional();
    }

    public Optional<Team> findByName(UUID accountId, String name) {
        return jdbc.sql(SELECT + " WHERE account_id = ? AND name_lower = ?")
                .params(accountId, name.strip().toLowerCase(Locale.ROOT)).query(TeamRepository::map).optional();
    }

    public void insert(Team team, Instant now) {
        jdbc.sql("INSERT INTO team (id, account_id, name, name_lower, manager_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(team.id(), team.accountId(), team.name(), team.name().toLowerCase(Locale.ROOT),
                        team.managerId(), Instants.toJdbc(now))
                .update();
    }

    public void update(Team team) {
        jdbc.sql("UPDATE team SET name = ?, name_lower = ?, manager_id = ? WHERE account_id = ? AND id = ?")
                .params(team.name(), team.name().toLowerCase(Locale.ROOT), team.managerId(), team.accountId(),
                        team.id())
                .update();
    }

    public long memberCount(UUID accountId, UUID teamId) {
        return jdbc.sql("SELECT COUNT(*) FROM person WHERE account_id = ? AND primary_team_id = ?")
                .params(accountId, teamId).query(Long.class).single();
    }

    private static Team map(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
                rs.getObject("manager_id", UUID.class));
    }
}
