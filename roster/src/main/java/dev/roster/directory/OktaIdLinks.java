package dev.roster.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;

/**
 * Binds a person to their Okta user id at first single sign-on. A person already bound to another
 * Okta id is never rebound: that would let whoever holds the other Okta user take the person over.
 */
@Service
public class OktaIdLinks {

    private final JdbcClient jdbc;
    private final Clock clock;

    OktaIdLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @return true when the person is now bound to {@code oktaId} (or already was); false when they
     *         are bound to another id, or another person of the account holds this id
     */
    @Transactional
    public boolean link(UUID accountId, UUID personId, String oktaId) {
        Objects.requireNonNull(oktaId, "oktaId");
        try {
            int updated = jdbc.sql("UPDATE person SET okta_id = ?, updated_at = ?"
                            + " WHERE account_id = ? AND id = ? AND okta_id IS NULL")
                    .params(oktaId, Instants.toJdbc(Instant.now(clock)), accountId, personId).update();
            if (updated == 1) {
                return true;
            }
        } catch (DuplicateKeyException e) {
            return false;
        }
        return jdbc.sql("SELECT okta_id FROM person WHERE account_id = ? AND id = ?").params(accountId, personId)
                .query(String.class).optional().map(oktaId::equals).orElse(false);
    }
}
