package dev.roster.provisioning.mapping;

import java.util.Locale;

/** The seed's standard mapping rows; each can be switched off per account (email cannot). */
public enum StandardField {
    TITLE("honorificPrefix", 100),
    FIRST_NAME("firstName", 200),
    LAST_NAME("lastName", 200),
    EMAIL("email", 320),
    AVATAR("avatarUrl", 2048),
    JOB_TITLE("title", 200),
    LANGUAGE("preferredLanguage", 35),
    LOCATION("city", 200),
    MANAGER("managerId", 320),
    TEAM("department", 200);

    private final String oktaAttribute;
    private final int maxLength;

    StandardField(String oktaAttribute, int maxLength) {
        this.oktaAttribute = oktaAttribute;
        this.maxLength = maxLength;
    }

    /** The Okta profile attribute it reads by default. */
    public String oktaAttribute() {
        return oktaAttribute;
    }

    int maxLength() {
        return maxLength;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static StandardField fromWire(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
