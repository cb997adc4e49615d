package dev.roster.directory;

import java.util.Locale;

/** Where a person stands: invited (not yet signed in), active, or deactivated. */
public enum PersonStatus {
    INVITED, ACTIVE, DEACTIVATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PersonStatus fromWire(String value) {
        for (PersonStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status " + value);
    }
}
