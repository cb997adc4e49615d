package dev.roster.accounts;

/** What a signed-in person or an API token may do inside its account. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public boolean canAdminister() {
        return this != MEMBER;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
