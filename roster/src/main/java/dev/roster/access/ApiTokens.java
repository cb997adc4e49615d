package dev.roster.access;

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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.accounts.Role;
import dev.roster.access.internal.ApiTokenRepository;
import dev.roster.common.InvalidInputException;
import dev.roster.common.NotFoundException;

/**
 * API tokens for the JSON API. A token is 256 random bits shown once; only its SHA-256 is
 * stored, which is enough for a secret of that entropy and keeps look-ups to one indexed read.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenRepository repository;
    private final Clock clock;

    ApiTokens(ApiTokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new token and its secret, which the caller shows once and forgets. */
    public record Issued(ApiToken token, String secret) {
    }

    @Transactional
    public Issued issue(UUID accountId, String name, Role role, UUID createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "rst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(store(accountId, name, role, createdBy, secret), secret);
    }

    /** Stores a token whose secret the operator chose (the bootstrap token). */
    @Transactional
    public ApiToken store(UUID accountId, String name, Role role, UUID createdBy, String secret) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw InvalidInputException.of("name", "must be 1-200 characters");
        }
        if (role == Role.MEMBER) {
            throw InvalidInputException.of("role", "API tokens are for owners and admins");
        }
        ApiToken token = new ApiToken(UUID.randomUUID(), accountId, name.strip(), role, Instant.now(clock), null, null);
        repository.insert(token, hash(secret), createdBy);
        return token;
    }

    public List<ApiToken> list(UUID accountId) {
        return repository.findAll(accountId);
    }

    @Transactional
    public void revoke(UUID accountId, UUID tokenId) {
        if (repository.revoke(accountId, tokenId, Instant.now(clock)) == 0) {
            throw new NotFoundException("No such API token.");
        }
    }

    /** The live token with this secret, if any; notes its use at most once a minute. */
    @Transactional
    public Optional<ApiToken> authenticate(String secret) {
        Optional<ApiToken> token = repository.findActiveByHash(hash(secret));
        token.ifPresent(t -> {
            Instant now = Instant.now(clock);
            if (t.lastUsedAt() == null || t.lastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
                repository.touch(t.id(), now);
            }
        });
        return token;
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
