package dev.roster.directory;

import java.util.Locale;

/** Where a person came from: made by hand, provisioned from Okta's API, or pushed over SCIM. */
public enum Source {
    MANUAL, OKTA, SCIM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Source fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
