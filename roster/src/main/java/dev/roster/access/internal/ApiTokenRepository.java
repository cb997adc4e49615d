package dev.roster.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.accounts.Role;
import dev.roster.access.ApiToken;
import dev.roster.common.Instants;

/** API token rows; the secret's hash goes in and is only ever compared, never read back. */
@Repository
public class ApiTokenRepository {

    private static final String SELECT = "SELECT id, account_id, name, role, created_at, last_used_at, revoked_at FROM api_token";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiToken token, String hash, UUID createdBy) {
        jdbc.sql("INSERT INTO api_token (id, account_id, name, token_hash, role, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(token.id(), token.accountId(), token.name(), hash, token.role().wireName(), createdBy,
                        Instants.toJdbc(token.createdAt()))
                .update();
    }

    public List<ApiToken> findAll(UUID accountId) {
        return jdbc.sql(SELECT + " WHERE account_id = ? ORDER BY created_at DESC").param(accountId)
                .query(ApiTokenRepository::map).list();
    }

    public Optional<ApiToken> findActiveByHash(String hash) {
        return jdbc.sql(SELECT + " WHERE token_hash = ? AND revoked_at IS NULL").param(hash)
                .query(ApiTokenRepository::map).optional();
    }

    public int revoke(UUID accountId, UUID id, Instant at) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE account_id = ? AND id = ? AND revoked_at IS NULL")
                .params(Instants.toJdbc(at), accountId, id).update();
    }

    public void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(Instants.toJdbc(at), id).update();
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("name"), Role.fromWire(rs.getString("role")), Instants.read(rs, "created_at"),
                Instants.read(rs, "last_used_at"), Instants.read(rs, "revoked_at"));
    }
}
