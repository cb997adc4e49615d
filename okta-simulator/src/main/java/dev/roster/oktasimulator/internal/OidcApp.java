package dev.roster.oktasimulator.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The org's OIDC web app: client id = app id. Mutable parts are guarded by the org's lock. */
public final class OidcApp {
    public final String id;
    public final String label;
    public final String clientSecret;
    public final long created;
    public final List<String> redirectUris = new CopyOnWriteArrayList<>();
    public final List<String> postLogoutRedirectUris = new CopyOnWriteArrayList<>();
    /** Effective app users, sorted by user id: the order of the paged list. */
    public final TreeMap<String, AppAssignment> users = new TreeMap<>();
    public final Set<String> directUsers = new HashSet<>();
    public final Set<String> groups = new HashSet<>();

    public OidcApp(String id, String label, String clientSecret, long created) {
        this.id = id;
        this.label = label;
        this.clientSecret = clientSecret;
        this.created = created;
    }
}
