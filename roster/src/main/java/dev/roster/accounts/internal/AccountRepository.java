package dev.roster.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.accounts.Account;
import dev.roster.common.Instants;

/** Account rows. */
@Repository
public class AccountRepository {

    private static final String SELECT = "SELECT id, account_key, name, created_at FROM account";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByKey(String key) {
        return jdbc.sql(SELECT + " WHERE account_key = ?").param(key).query(AccountRepository::map).optional();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(AccountRepository::map).optional();
    }

    public List<Account> findAll() {
        return jdbc.sql(SELECT + " ORDER BY account_key").query(AccountRepository::map).list();
    }

    /** Locks the account's row until the transaction ends. */
    public void lock(UUID id) {
        jdbc.sql("SELECT id FROM account WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
    }

    public void insert(Account account) {
        jdbc.sql("INSERT INTO account (id, account_key, name, created_at) VALUES (?, ?, ?, ?)")
                .params(account.id(), account.key(), account.name(), Instants.toJdbc(account.createdAt()))
                .update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("account_key"), rs.getString("name"),
                Instants.read(rs, "created_at"));
    }
}
