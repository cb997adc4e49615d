package dev.roster.sso.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.roster.access.SignInAttempted;
import dev.roster.common.Instants;

/** The {@code sign_in_audit} table: every sign-in attempt, local or SSO, with its outcome and reason. */
@Component
public class SignInAuditLog {

    /** One row as the admin page lists it. */
    public record Entry(Instant at, UUID personId, String method, String outcome, String reason, String subject,
            String email, String ip) {
    }

    private final JdbcClient jdbc;

    SignInAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Written in the caller's thread, so a sign-in is never reported done before its audit row exists. */
    @EventListener
    void on(SignInAttempted e) {
        jdbc.sql("""
                INSERT INTO sign_in_audit (id, account_id, at, person_id, method, outcome, reason, okta_sub, email, ip)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(UUID.randomUUID(), e.accountId(), Instants.toJdbc(e.at()), e.personId(), e.method().wireName(),
                        e.success() ? "success" : "failure", cut(e.reason(), 500), cut(e.subject(), 64),
                        cut(e.email(), 320), cut(e.ip(), 64))
                .update();
    }

    public List<Entry> latest(UUID accountId, int limit) {
        return jdbc.sql("SELECT at, person_id, method, outcome, reason, okta_sub, email, ip FROM sign_in_audit"
                        + " WHERE account_id = ? ORDER BY at DESC LIMIT ?")
                .params(accountId, limit)
                .query((rs, row) -> new Entry(Instants.read(rs, "at"), rs.getObject("person_id", UUID.class),
                        rs.getString("method"), rs.getString("outcome"), rs.getString("reason"),
                        rs.getString("okta_sub"), rs.getString("email"), rs.getString("ip")))
                .list();
    }

    /** Attempts carry what strangers typed: kept short, and without control characters (PostgreSQL refuses NUL). */
    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("[\\x00-\\x1f\\x7f]", "\uFFFD");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
