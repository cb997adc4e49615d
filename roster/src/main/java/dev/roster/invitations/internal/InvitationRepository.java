package dev.roster.invitations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.roster.common.Instants;
import dev.roster.invitations.InvitationDelivery;

/** Invitation rows, one per invited person. Statements on people take the account id. */
@Repository
public class InvitationRepository {

    /** Who asked for the email: provisioning (automatic) or an admin (invite, resend). */
    public enum RequestedBy {
        PROVISIONING, ADMIN;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A row with what the job and the accept page need beyond the delivery. */
    public record Row(UUID accountId, RequestedBy requestedBy, InvitationDelivery delivery) {
    }

    private static final String COLUMNS = "person_id, account_id, requested_at, requested_by, sent_at, attempts,"
            + " last_attempt_at, last_error, token_expires_at, accepted_at";

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(UUID accountId, UUID personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE account_id = ? AND person_id = ?")
                .params(accountId, personId).query(InvitationRepository::row).optional();
    }

    public Map<UUID, Row> find(UUID accountId, Collection<UUID> personIds) {
        Map<UUID, Row> found = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE account_id = :account AND person_id IN (:ids)")
                    .param("account", accountId).param("ids", personIds)
                    .query(InvitationRepository::row).list()
                    .forEach(r -> found.put(r.delivery().personId(), r));
        }
        return found;
    }

    /** The row whose latest accept link has this token hash. */
    public Optional<Row> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitation WHERE token_hash = ?")
                .params(tokenHash).query(InvitationRepository::row).optional();
    }

    /**
     * Records that an email is wanted. After one was sent, a new request makes it wanted again (a
     * resend); while one is still wanted, asking again changes nothing, so a double click or a
     * repeated bulk invite sends one email. An admin's request is never withheld.
     */
    public void request(UUID accountId, UUID personId, RequestedBy by, Instant now) {
        int updated = jdbc.sql("""
                UPDATE invitation SET
                    requested_by = CASE WHEN :by = 'admin' THEN 'admin' ELSE requested_by END,
                    attempts = CASE WHEN sent_at IS NOT NULL AND sent_at >= requested_at THEN 0 ELSE attempts END,
                    requested_at = CASE WHEN sent_at IS NOT NULL AND sent_at >= requested_at THEN :now ELSE requested_at END
                WHERE account_id = :account AND person_id = :person
                """).param("by", by.wire()).param("now", Instants.toJdbc(now)).param("account", accountId)
                .param("person", personId).update();
        if (updated == 0) {
            // Two first requests at the same moment make one fail on the key; its caller's transaction
            // rolls back (on PostgreSQL a caught error would poison it), and the other's stands.
            jdbc.sql("INSERT INTO invitation (person_id, account_id, requested_at, requested_by, attempts)"
                            + " VALUES (?, ?, ?, ?, 0)")
                    .params(personId, accountId, Instants.toJdbc(now), by.wire()).update();
        }
    }

    /** Replaces the accept link: the previous email's link stops working. */
    public void storeToken(UUID personId, String tokenHash, Instant expiresAt) {
        jdbc.sql("UPDATE invitation SET token_hash = ?, token_expires_at = ? WHERE person_id = ?")
                .params(tokenHash, Instants.toJdbc(expiresAt), personId).update();
    }

    public void recordFailure(UUID personId, Instant at, String error) {
        jdbc.sql("UPDATE invitation SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE person_id = ?")
                .params(Instants.toJdbc(at), error, personId).update();
    }

    public void recordSent(UUID personId, Instant at) {
        jdbc.sql("UPDATE invitation SET attempts = attempts + 1, last_attempt_at = ?, sent_at = ?, last_error = NULL"
                        + " WHERE person_id = ?")
                .params(Instants.toJdbc(at), Instants.toJdbc(at), personId).update();
    }

    /**
     * Uses the accept link once: true only for the one caller that found it unused and unexpired,
     * however many arrive at the same moment.
     */
    public boolean consume(String tokenHash, Instant now) {
        return jdbc.sql("UPDATE invitation SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL"
                        + " AND token_expires_at > ?")
                .params(Instants.toJdbc(now), tokenHash, Instants.toJdbc(now)).update() == 1;
    }

    /**
     * Marks the person's invitation used because they signed in (through Okta, where the link only
     * leads there): true when an unused one was outstanding.
     */
    public boolean consumeForPerson(UUID accountId, UUID personId, Instant now) {
        return jdbc.sql("UPDATE invitation SET accepted_at = ? WHERE account_id = ? AND person_id = ?"
                        + " AND accepted_at IS NULL AND token_hash IS NOT NULL")
                .params(Instants.toJdbc(now), accountId, personId).update() == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("account_id", UUID.class),
                RequestedBy.valueOf(rs.getString("requested_by").toUpperCase(java.util.Locale.ROOT)),
                new InvitationDelivery(rs.getObject("person_id", UUID.class), Instants.read(rs, "requested_at"),
                        Instants.read(rs, "sent_at"), rs.getInt("attempts"), Instants.read(rs, "last_attempt_at"),
                        rs.getString("last_error"), Instants.read(rs, "token_expires_at"),
                        Instants.read(rs, "accepted_at")));
    }
}
