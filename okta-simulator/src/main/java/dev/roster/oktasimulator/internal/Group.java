package dev.roster.oktasimulator.internal;

import java.util.TreeSet;

/** An Okta group; guarded by the org's lock. */
public final class Group {
    public final String id;
    public final String type;
    public final long created;
    public String name;
    public String description;
    public long lastUpdated;
    public long lastMembershipUpdated;
    public final TreeSet<String> members = new TreeSet<>();

    public Group(String id, String type, String name, String description, long created) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.description = description;
        this.created = created;
        this.lastUpdated = created;
        this.lastMembershipUpdated = created;
    }
}
