package dev.roster.oktasimulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A registered event hook. Mutable fields are volatile: read by delivery threads. */
public final class EventHook {
    public final String id;
    public final String name;
    public final List<String> events;
    public final String uri;
    public final String authKey;
    public final String authValue;
    public final List<Map.Entry<String, String>> headers;
    public final long created;
    public volatile String status = "ACTIVE";
    public volatile String verificationStatus = "UNVERIFIED";
    public volatile long lastUpdated;
    /** Events waiting for the batch window to close; guarded by this. */
    public final List<Map<String, Object>> pending = new ArrayList<>();
    public boolean flushScheduled;

    public EventHook(String id, String name, List<String> events, String uri, String authKey, String authValue,
            List<Map.Entry<String, String>> headers, long created) {
        this.id = id;
        this.name = name;
        this.events = List.copyOf(events);
        this.uri = uri;
        this.authKey = authKey;
        this.authValue = authValue;
        this.headers = List.copyOf(headers);
        this.created = created;
        this.lastUpdated = created;
    }

    public boolean receives(String eventType) {
        return "ACTIVE".equals(status) && "VERIFIED".equals(verificationStatus) && events.contains(eventType);
    }
}
