package dev.roster.scim.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.Instants;
import dev.roster.common.NotFoundException;

/**
 * The bearer tokens an IdP's SCIM client sends. Generated here (256 random bits), shown once, kept
 * only as a SHA-256 hash; several live at once so a token can be rotated without a gap; revocable;
 * each token belongs to one account and authenticates only that account's SCIM base URL.
 */
@Service
public class ScimTokens {

    /** Granularity of "last used": one write a minute per token, not one per request. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Token(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    public record Issued(UUID id, String token) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ScimTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(UUID accountId, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "scim_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO scim_token (id, account_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, accountId, name, hash(token), Instants.toJdbc(Instant.now(clock))).update();
        return new Issued(id, token);
    }

    /** The account's tokens, newest first, revoked ones included (they show when they stopped). */
    public List<Token> list(UUID accountId) {
        return jdbc.sql("SELECT id, name, created_at, last_used_at, revoked_at FROM scim_token WHERE account_id = ?"
                        + " ORDER BY created_at DESC, id").param(accountId)
                .query((rs, n) -> new Token(rs.getObject("id", UUID.class), rs.getString("name"),
                        Instants.read(rs, "created_at"), Instants.read(rs, "last_used_at"),
                        Instants.read(rs, "revoked_at")))
                .list();
    }

    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        int changed = jdbc.sql("UPDATE scim_token SET revoked_at = COALESCE(revoked_at, ?) WHERE account_id = ? AND id = ?")
                .params(Instants.toJdbc(Instant.now(clock)), accountId, tokenId).update();
        if (changed == 0) {
            throw new NotFoundException("No such SCIM token.");
        }
    }

    /** True when {@code token} is a live token of this account; marks it used. */
    @Transactional
    public boolean authenticate(UUID accountId, String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return false;
        }
        Optional<Live> live = jdbc.sql("SELECT id, last_used_at FROM scim_token WHERE token_hash = ?"
                        + " AND account_id = ? AND revoked_at IS NULL").params(hash(token.strip()), accountId)
                .query((rs, n) -> new Live(rs.getObject("id", UUID.class), Instants.read(rs, "last_used_at")))
                .optional();
        live.ifPresent(t -> touchIfStale(t.id(), t.lastUsedAt()));
        return live.isPresent();
    }

    private record Live(UUID id, Instant lastUsedAt) {
    }

    private void touchIfStale(UUID id, Instant lastUsed) {
        Instant now = Instant.now(clock);
        if (lastUsed == null || lastUsed.plus(LAST_USED_GRANULARITY).isBefore(now)) {
            jdbc.sql("UPDATE scim_token SET last_used_at = ? WHERE id = ?").params(Instants.toJdbc(now), id).update();
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
