package dev.roster.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret in memory. Its {@code toString} never shows the value, so it cannot leak through logs,
 * exception messages or debug output by accident; {@link #reveal()} is the one way to read it.
 *
 * <p>A stored secret this instance cannot decrypt (written under a key it does not have) is an
 * <em>unreadable</em> secret: it matches nothing, {@link #reveal()} throws, and saving it again keeps
 * the stored value as it was, so configuring the right key later makes it readable again.
 */
public final class Secret {

    private final String value;
    private final String sealed;
    private final String problem;

    private Secret(String value, String sealed, String problem) {
        this.value = value;
        this.sealed = sealed;
        this.problem = problem;
    }

    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value, null, null);
    }

    /** A stored value that cannot be decrypted here, and why (no secret material in {@code problem}). */
    static Secret unreadable(String sealed, String problem) {
        return new Secret(null, sealed, problem);
    }

    public boolean readable() {
        return value != null;
    }

    /** Why this secret cannot be read (which key it was written with), or null when it can. */
    public String problem() {
        return problem;
    }

    /** @throws UnreadableSecretException when this instance cannot decrypt the stored value */
    public String reveal() {
        if (value == null) {
            throw new UnreadableSecretException(problem);
        }
        return value;
    }

    /** Constant-time comparison, for checking a presented secret against this one; an unreadable secret matches nothing. */
    public boolean matches(String presented) {
        if (presented == null || value == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The stored value to write back unchanged, for an unreadable secret. */
    String sealed() {
        return sealed;
    }

    @Override
    public String toString() {
        return value == null ? "Secret[unreadable]" : "Secret[****]";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Secret s)) {
            return false;
        }
        if (value == null || s.value == null) {
            return value == null && s.value == null && sealed.equals(s.sealed);
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
