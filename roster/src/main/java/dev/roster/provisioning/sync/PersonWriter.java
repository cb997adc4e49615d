package dev.roster.provisioning.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.roster.accounts.Role;
import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.ProfileUpdate;
import dev.roster.directory.Source;
import dev.roster.provisioning.SyncOutcome.FieldChange;
import dev.roster.provisioning.mapping.MappedPerson;
import dev.roster.provisioning.mapping.StandardField;

/**
 * Turns a mapped Okta user into the person to create, or into the narrow update of an existing
 * person (only the fields that differ from what the sync read), and lists what changed. Pure: the
 * team id is resolved by the caller; the manager override is set afterwards, once managers can be
 * resolved. Role, status beyond Okta's own (de)activation, and invitation state are never written:
 * the update is applied column by column, so changes other modules commit meanwhile survive.
 */
public final class PersonWriter {

    private static final Map<StandardField, ProfileUpdate.Field> COLUMNS = Map.of(
            StandardField.EMAIL, ProfileUpdate.Field.EMAIL, StandardField.TITLE, ProfileUpdate.Field.TITLE,
            StandardField.FIRST_NAME, ProfileUpdate.Field.FIRST_NAME, StandardField.LAST_NAME,
            ProfileUpdate.Field.LAST_NAME, StandardField.AVATAR, ProfileUpdate.Field.AVATAR_URL,
            StandardField.JOB_TITLE, ProfileUpdate.Field.JOB_TITLE, StandardField.LANGUAGE,
            ProfileUpdate.Field.PRIMARY_LANGUAGE, StandardField.LOCATION, ProfileUpdate.Field.PRIMARY_LOCATION);

    private PersonWriter() {
    }

    /** A new person and the change that creating them makes. */
    public record Created(Person person, List<FieldChange> changes) {
    }

    /** The update of an existing person and the field changes it makes (empty: nothing to write). */
    public record Changed(ProfileUpdate update, List<FieldChange> changes) {
    }

    /**
     * @param teamId the team for the mapped department (null for none); ignored when the team row is off
     */
    public static Created create(UUID accountId, MappedPerson m, UUID teamId, boolean withholdInvitation, Instant now) {
        Person person = new Person(UUID.randomUUID(), accountId, m.email(), m.get(StandardField.TITLE),
                m.get(StandardField.FIRST_NAME), m.get(StandardField.LAST_NAME), m.get(StandardField.AVATAR),
                m.get(StandardField.JOB_TITLE), m.get(StandardField.LANGUAGE), m.get(StandardField.LOCATION),
                m.has(StandardField.TEAM) ? teamId : null, null, withoutNulls(m.custom()), PersonStatus.INVITED,
                Role.MEMBER, Source.OKTA, m.oktaId(), withholdInvitation ? Invitation.WITHHELD : Invitation.PENDING,
                now, now, null, null, null, now, now);
        return new Created(person, List.of(new FieldChange("created", null, m.email())));
    }

    public static Changed update(Person current, MappedPerson m, UUID teamId, boolean link, boolean reactivate) {
        ProfileUpdate update = ProfileUpdate.of(current.id());
        List<FieldChange> changes = new ArrayList<>();
        pick(m, StandardField.EMAIL, current.email(), "email", update, changes);
        pick(m, StandardField.TITLE, current.title(), "title", update, changes);
        pick(m, StandardField.FIRST_NAME, current.firstName(), "firstName", update, changes);
        pick(m, StandardField.LAST_NAME, current.lastName(), "lastName", update, changes);
        pick(m, StandardField.AVATAR, current.avatarUrl(), "avatarUrl", update, changes);
        pick(m, StandardField.JOB_TITLE, current.jobTitle(), "jobTitle", update, changes);
        pick(m, StandardField.LANGUAGE, current.primaryLanguage(), "primaryLanguage", update, changes);
        pick(m, StandardField.LOCATION, current.primaryLocation(), "primaryLocation", update, changes);
        if (m.has(StandardField.TEAM) && !Objects.equals(current.primaryTeamId(), teamId)) {
            changes.add(new FieldChange("primaryTeam", current.primaryTeamId() == null ? null : "(previous team)",
                    m.get(StandardField.TEAM)));
            update.team(teamId);
        }
        m.custom().forEach((key, value) -> {
            String old = current.customValues().get(key);
            if (!Objects.equals(old, value)) {
                changes.add(new FieldChange("customFields." + key, old, value));
                update.custom(key, value);
            }
        });
        if (link) {
            changes.add(new FieldChange("oktaId", null, m.oktaId()));
            update.link(m.oktaId());
        }
        if (reactivate) {
            // What the write will decide from the row as it finds it: active again if they ever signed in.
            PersonStatus back = current.activatedAt() != null ? PersonStatus.ACTIVE : PersonStatus.INVITED;
            changes.add(new FieldChange("status", current.status().wireName(), back.wireName()));
            update.reactivate();
        }
        return new Changed(update, changes);
    }

    public static Changed deactivate(Person current) {
        return new Changed(ProfileUpdate.of(current.id()).deactivate(),
                List.of(new FieldChange("status", current.status().wireName(), "deactivated")));
    }

    private static void pick(MappedPerson m, StandardField field, String current, String name, ProfileUpdate update,
            List<FieldChange> changes) {
        if (!m.has(field)) {
            return;
        }
        String value = m.get(field);
        if (field == StandardField.EMAIL && value == null) {
            return;
        }
        if (!Objects.equals(current, value)) {
            changes.add(new FieldChange(name, current, value));
            update.set(COLUMNS.get(field), value);
        }
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> clean = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                clean.put(k, v);
            }
        });
        return clean;
    }
}
