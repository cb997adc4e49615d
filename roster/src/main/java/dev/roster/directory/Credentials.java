package dev.roster.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.accounts.Role;
import dev.roster.common.Instants;

/** The sign-in side of a person: password hash, failed attempts, lock-out, first sign-in. */
@Service
public class Credentials {

    private final JdbcClient jdbc;
    private final Clock clock;

    Credentials(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<SignInRecord> forSignIn(UUID accountId, String email) {
        return jdbc.sql("""
                SELECT id, account_id, email, first_name, last_name, role, status, password_hash, failed_sign_ins,
                       sign_in_locked_until
                FROM person WHERE account_id = ? AND email_lower = ?
                """)
                .params(accountId, email.strip().toLowerCase(java.util.Locale.ROOT))
                .query((rs, row) -> {
                    String name = ((rs.getString("first_name") == null ? "" : rs.getString("first_name")) + " "
                            + (rs.getString("last_name") == null ? "" : rs.getString("last_name"))).strip();
                    return new SignInRecord(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                            rs.getString("email"), name.isEmpty() ? rs.getString("email") : name,
                            Role.fromWire(rs.getString("role")), PersonStatus.fromWire(rs.getString("status")),
                            rs.getString("password_hash"), rs.getInt("failed_sign_ins"),
                            Instants.read(rs, "sign_in_locked_until"));
                })
                .optional();
    }

    @Transactional
    public void setPasswordHash(UUID accountId, UUID personId, String passwordHash) {
        jdbc.sql("UPDATE person SET password_hash = ?, failed_sign_ins = 0, sign_in_locked_until = NULL"
                        + " WHERE account_id = ? AND id = ?")
                .params(passwordHash, accountId, personId).update();
    }

    @Transactional
    public void recordFailure(UUID accountId, UUID personId, int failures, Instant lockedUntil) {
        jdbc.sql("UPDATE person SET failed_sign_ins = ?, sign_in_locked_until = ? WHERE account_id = ? AND id = ?")
                .params(failures, Instants.toJdbc(lockedUntil), accountId, personId).update();
    }

    /** Clears failed attempts; an invited person becomes active at their first sign-in. */
    @Transactional
    public void recordSuccess(UUID accountId, UUID personId) {
        Instant now = Instant.now(clock);
        jdbc.sql("""
                UPDATE person SET failed_sign_ins = 0, sign_in_locked_until = NULL,
                    status = CASE WHEN status = 'invited' THEN 'active' ELSE status END,
                    activated_at = COALESCE(activated_at, ?), updated_at = ?
                WHERE account_id = ? AND id = ?
                """)
                .params(Instants.toJdbc(now), Instants.toJdbc(now), accountId, personId).update();
    }
}
