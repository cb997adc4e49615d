package dev.roster.oktasimulator.internal;

import java.security.SecureRandom;
import java.util.Random;

/** Okta-shaped identifiers: a 3-character type prefix and 17 base62 characters (20 in all). */
public final class Ids {
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private Ids() {
    }

    public static String okta(String prefix, Random random) {
        return prefix + chars(random, 17);
    }

    /** Ids for things created at run time: unpredictable, so tests cannot depend on them by accident. */
    public static String okta(String prefix) {
        return okta(prefix, SECURE);
    }

    public static String secret(int length) {
        return chars(SECURE, length);
    }

    public static String chars(Random random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
