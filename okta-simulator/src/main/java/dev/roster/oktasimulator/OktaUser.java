package dev.roster.oktasimulator;

import dev.roster.oktasimulator.internal.CompactProfile;
import java.time.Instant;
import java.util.Map;

/**
 * One user of the org as it is at one moment. Immutable: a change replaces the whole value, so readers
 * (list pages, hook deliveries) never see half an update. Timestamps are epoch millis, 0 meaning null.
 */
public final class OktaUser {
    private final String id;
    private final String status;
    private final long created;
    private final long activated;
    private final long statusChanged;
    private final long lastLogin;
    private final long lastUpdated;
    private final long passwordChanged;
    private final CompactProfile profile;
    /** Kept apart from the profile bytes: every app-user entry and event needs it. */
    private final String login;

    public OktaUser(String id, String status, long created, long activated, long statusChanged, long lastLogin,
            long lastUpdated, long passwordChanged, Map<String, ?> profile) {
        this.id = id;
        this.status = status;
        this.created = created;
        this.activated = activated;
        this.statusChanged = statusChanged;
        this.lastLogin = lastLogin;
        this.lastUpdated = lastUpdated;
        this.passwordChanged = passwordChanged;
        this.profile = CompactProfile.of(profile);
        this.login = this.profile.string("login");
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }

    public String login() {
        return login;
    }

    public String email() {
        return profile.string("email");
    }

    /** The name Okta shows: displayName when set, else "firstName lastName". */
    public String displayName() {
        String display = profile.string("displayName");
        if (display != null && !display.isBlank()) {
            return display;
        }
        String first = profile.string("firstName");
        String last = profile.string("lastName");
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    }

    /** The profile, unmodifiable. */
    public CompactProfile profile() {
        return profile;
    }

    public Instant created() {
        return instant(created);
    }

    public Instant activated() {
        return instant(activated);
    }

    public Instant statusChanged() {
        return instant(statusChanged);
    }

    public Instant lastLogin() {
        return instant(lastLogin);
    }

    public Instant lastUpdated() {
        return instant(lastUpdated);
    }

    public Instant passwordChanged() {
        return instant(passwordChanged);
    }

    public long createdMillis() {
        return created;
    }

    public long activatedMillis() {
        return activated;
    }

    public long statusChangedMillis() {
        return statusChanged;
    }

    public long lastLoginMillis() {
        return lastLogin;
    }

    public long lastUpdatedMillis() {
        return lastUpdated;
    }

    public long passwordChangedMillis() {
        return passwordChanged;
    }

    public OktaUser withStatus(String newStatus, long now) {
        long newActivated = "ACTIVE".equals(newStatus) && activated == 0 ? now : activated;
        return new OktaUser(id, newStatus, created, newActivated, now, lastLogin, now,
                passwordChanged, profile);
    }

    public OktaUser withProfile(Map<String, ?> newProfile, long now) {
        return new OktaUser(id, status, created, activated, statusChanged, lastLogin, now, passwordChanged,
                newProfile);
    }

    public OktaUser withLastLogin(long now) {
        return new OktaUser(id, status, created, activated, statusChanged, now, lastUpdated, passwordChanged,
                profile);
    }

    public OktaUser withPasswordChanged(long now) {
        return new OktaUser(id, status, created, activated, statusChanged, lastLogin, now, now, profile);
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public String toString() {
        return "OktaUser[" + id + " " + status + " " + login() + "]";
    }
}
