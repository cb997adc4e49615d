package dev.roster.directory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a provisioning source writes to one existing person: only the fields set here are written
 * ({@link DirectorySync#applyProfiles}). Role, invitation state, sign-in activation and credentials
 * are never part of it: other modules own them, and a source's write must not undo their changes.
 * Assembled by one sync batch, then handed over; not shared between threads.
 */
public final class ProfileUpdate {

    /** The profile columns a source may write, each with its column. */
    public enum Field {
        EMAIL, TITLE, FIRST_NAME, LAST_NAME, AVATAR_URL, JOB_TITLE, PRIMARY_LANGUAGE, PRIMARY_LOCATION
    }

    /** A lifecycle change the source asks for; decided against the row as it is when written. */
    public enum Lifecycle {
        NONE,
        /** Back from a deactivation this source made (not an admin's): active if they ever signed in. */
        REACTIVATE,
        DEACTIVATE
    }

    private final UUID personId;
    private final Map<Field, String> fields = new EnumMap<>(Field.class);
    private final Map<String, String> customValues = new HashMap<>();
    private boolean teamGiven;
    private UUID teamId;
    private boolean managerGiven;
    private UUID managerId;
    private String linkOktaId;
    private Lifecycle lifecycle = Lifecycle.NONE;

    private ProfileUpdate(UUID personId) {
        this.personId = Objects.requireNonNull(personId, "personId");
    }

    public static ProfileUpdate of(UUID personId) {
        return new ProfileUpdate(personId);
    }

    /** Sets one profile column (null clears it; email cannot be cleared). */
    public ProfileUpdate set(Field field, String value) {
        if (field == Field.EMAIL) {
            Objects.requireNonNull(value, "email");
        }
        fields.put(field, value);
        return this;
    }

    /** Sets the primary team (null: none). */
    public ProfileUpdate team(UUID newTeamId) {
        teamGiven = true;
        teamId = newTeamId;
        return this;
    }

    /** Sets the manager override (null clears it). */
    public ProfileUpdate manager(UUID newManagerId) {
        managerGiven = true;
        managerId = newManagerId;
        return this;
    }

    /** Sets one custom value (null removes it); the other keys of the person keep their values. */
    public ProfileUpdate custom(String key, String value) {
        customValues.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /** Links the person to the source's id for them (the Okta id); the source becomes theirs. */
    public ProfileUpdate link(String oktaId) {
        linkOktaId = Objects.requireNonNull(oktaId, "oktaId");
        return this;
    }

    public ProfileUpdate reactivate() {
        lifecycle = Lifecycle.REACTIVATE;
        return this;
    }

    public ProfileUpdate deactivate() {
        lifecycle = Lifecycle.DEACTIVATE;
        return this;
    }

    public UUID personId() {
        return personId;
    }

    public Map<Field, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** Custom values to set, key → value; a null value removes the key. */
    public Map<String, String> customValues() {
        return Collections.unmodifiableMap(customValues);
    }

    public boolean teamGiven() {
        return teamGiven;
    }

    public UUID teamId() {
        return teamId;
    }

    public boolean managerGiven() {
        return managerGiven;
    }

    public UUID managerId() {
        return managerId;
    }

    /** The id to link, or null when the person is not being linked. */
    public String linkOktaId() {
        return linkOktaId;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** Nothing to write. */
    public boolean isEmpty() {
        return fields.isEmpty() && customValues.isEmpty() && !teamGiven && !managerGiven && linkOktaId == null
                && lifecycle == Lifecycle.NONE;
    }
}
