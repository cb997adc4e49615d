package dev.roster.secrets;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A secret in memory. Its {@code toString} never shows the value, so it cannot leak through logs,
 * exception messages or debug output by accident; {@link #reveal()} is the one way to read it.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    /** Constant-time comparison, for checking a presented secret against this one. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
