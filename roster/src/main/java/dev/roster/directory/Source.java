package dev.roster.directory;

import java.util.Locale;

/** Where a person came from: made by hand, or provisioned from Okta. */
public enum Source {
    MANUAL, OKTA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Source fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
