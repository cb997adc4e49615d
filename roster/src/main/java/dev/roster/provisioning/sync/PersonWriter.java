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
import dev.roster.directory.Source;
import dev.roster.provisioning.SyncOutcome.FieldChange;
import dev.roster.provisioning.mapping.MappedPerson;
import dev.roster.provisioning.mapping.StandardField;

/**
 * Turns a mapped Okta user into the person to store, and lists what changed. Pure: the team id is
 * resolved by the caller; the manager override is set afterwards, once managers can be resolved.
 */
public final class PersonWriter {

    private PersonWriter() {
    }

    /** The person and the field changes that writing it makes. */
    public record Written(Person person, List<FieldChange> changes) {
    }

    /**
     * @param teamId the team for the mapped department (null for none); ignored when the team row is off
     */
    public static Written create(UUID accountId, MappedPerson m, UUID teamId, boolean withholdInvitation, Instant now) {
        Person person = new Person(UUID.randomUUID(), accountId, m.email(), m.get(StandardField.TITLE),
                m.get(StandardField.FIRST_NAME), m.get(StandardField.LAST_NAME), m.get(StandardField.AVATAR),
                m.get(StandardField.JOB_TITLE), m.get(StandardField.LANGUAGE), m.get(StandardField.LOCATION),
                m.has(StandardField.TEAM) ? teamId : null, null, withoutNulls(m.custom()), PersonStatus.INVITED,
                Role.MEMBER, Source.OKTA, m.oktaId(), withholdInvitation ? Invitation.WITHHELD : Invitation.PENDING,
                now, now, null, null, null, now, now);
        return new Written(person, List.of(new FieldChange("created", null, m.email())));
    }

    public static Written update(Person current, MappedPerson m, UUID teamId, boolean link, boolean reactivate,
            Instant now) {
        List<FieldChange> changes = new ArrayList<>();
        String email = pick(m, StandardField.EMAIL, current.email(), "email", changes);
        String title = pick(m, StandardField.TITLE, current.title(), "title", changes);
        String first = pick(m, StandardField.FIRST_NAME, current.firstName(), "firstName", changes);
        String last = pick(m, StandardField.LAST_NAME, current.lastName(), "lastName", changes);
        String avatar = pick(m, StandardField.AVATAR, current.avatarUrl(), "avatarUrl", changes);
        String job = pick(m, StandardField.JOB_TITLE, current.jobTitle(), "jobTitle", changes);
        String language = pick(m, StandardField.LANGUAGE, current.primaryLanguage(), "primaryLanguage", changes);
        String location = pick(m, StandardField.LOCATION, current.primaryLocation(), "primaryLocation", changes);
        UUID team = current.primaryTeamId();
        if (m.has(StandardField.TEAM) && !Objects.equals(team, teamId)) {
            changes.add(new FieldChange("primaryTeam", current.primaryTeamId() == null ? null : "(previous team)",
                    m.get(StandardField.TEAM)));
            team = teamId;
        }
        Map<String, String> custom = new LinkedHashMap<>(current.customValues());
        m.custom().forEach((key, value) -> {
            String old = custom.get(key);
            if (!Objects.equals(old, value)) {
                changes.add(new FieldChange("customFields." + key, old, value));
                if (value == null) {
                    custom.remove(key);
                } else {
                    custom.put(key, value);
                }
            }
        });
        String oktaId = current.oktaId();
        Source source = current.source();
        if (link) {
            changes.add(new FieldChange("oktaId", null, m.oktaId()));
            oktaId = m.oktaId();
            source = Source.OKTA;
        }
        PersonStatus status = current.status();
        Instant deactivatedAt = current.deactivatedAt();
        String deactivatedBy = current.deactivatedBy();
        if (reactivate) {
            status = current.activatedAt() != null ? PersonStatus.ACTIVE : PersonStatus.INVITED;
            changes.add(new FieldChange("status", current.status().wireName(), status.wireName()));
            deactivatedAt = null;
            deactivatedBy = null;
        }
        Person person = new Person(current.id(), current.accountId(), email, title, first, last, avatar, job, language,
                location, team, current.managerId(), custom, status, current.role(), source, oktaId,
                current.invitation(), changes.isEmpty() ? current.lastSyncedAt() : now, current.invitedAt(),
                current.activatedAt(), deactivatedAt, deactivatedBy, current.createdAt(),
                changes.isEmpty() ? current.updatedAt() : now);
        return new Written(person, changes);
    }

    public static Written deactivate(Person current, Instant now) {
        Person person = new Person(current.id(), current.accountId(), current.email(), current.title(),
                current.firstName(), current.lastName(), current.avatarUrl(), current.jobTitle(),
                current.primaryLanguage(), current.primaryLocation(), current.primaryTeamId(), current.managerId(),
                current.customValues(), PersonStatus.DEACTIVATED, current.role(), current.source(), current.oktaId(),
                current.invitation(), now, current.invitedAt(), current.activatedAt(), now, "okta",
                current.createdAt(), now);
        return new Written(person, List.of(new FieldChange("status", current.status().wireName(), "deactivated")));
    }

    private static String pick(MappedPerson m, StandardField field, String current, String name,
            List<FieldChange> changes) {
        if (!m.has(field)) {
            return current;
        }
        String value = m.get(field);
        if (field == StandardField.EMAIL && value == null) {
            return current;
        }
        if (!Objects.equals(current, value)) {
            changes.add(new FieldChange(name, current, value));
        }
        return value;
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
