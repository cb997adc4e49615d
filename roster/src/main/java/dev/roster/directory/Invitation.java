package dev.roster.directory;

import java.util.Locale;

/** Where a person's invitation email stands. */
public enum Invitation {
    /** Nobody asked for one (people added by hand, until an admin invites them). */
    NONE,
    /** Waiting to be sent. */
    PENDING,
    /** Held back because the account withholds invitations; an admin may send it later. */
    WITHHELD,
    SENT,
    ACCEPTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Invitation fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
