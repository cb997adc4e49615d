package dev.roster.scim.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.accounts.Role;
import dev.roster.common.Instants;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.directory.ProfileUpdate;
import dev.roster.directory.Source;
import dev.roster.scim.protocol.Filter;
import dev.roster.scim.protocol.FilterEvaluator;
import dev.roster.scim.protocol.Patch;
import dev.roster.scim.protocol.ScimException;
import dev.roster.scim.protocol.ScimProfile;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Users of one account: each is a person of the directory (same id), with the document the
 * client last sent kept beside it. Every write maps the document by {@link ScimProfile}'s rules and
 * goes through the directory's narrow write, so what other modules own (role, invitation, sign-in
 * activation) is never touched. All or nothing: a refused request writes nothing.
 */
@Service
public class ScimUsers {

    /** Listing with a filter Roster cannot answer from an index reads at most this many users. */
    static final int SCAN_LIMIT = 100_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Page(long total, List<ScimUser> users) {
    }

    private final JdbcClient jdbc;
    private final DirectorySync directory;
    private final ScimSettings settings;
    private final Clock clock;

    ScimUsers(JdbcClient jdbc, DirectorySync directory, ScimSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    public ScimUser get(UUID accountId, UUID id) {
        return find(accountId, id, false).orElseThrow(() -> notFound(id));
    }

    public Page list(UUID accountId, Filter filter, int startIndex, int count) {
        int offset = Math.max(0, startIndex - 1);
        String indexed = indexedColumn(filter);
        if (filter == null) {
            long total = jdbc.sql("SELECT COUNT(*) FROM scim_user WHERE account_id = ?").param(accountId)
                    .query(Long.class).single();
            return new Page(total, select("WHERE account_id = ? ORDER BY created_at, person_id LIMIT ? OFFSET ?",
                    accountId, count, offset));
        }
        if (indexed != null) {
            Object value = ((Filter.Compare) filter).value();
            Object key = indexed.equals("person_id") ? uuidOrNull(value) : indexed.equals("user_name_key")
                    ? String.valueOf(value).toLowerCase(Locale.ROOT) : String.valueOf(value);
            if (key == null) {
                return new Page(0, List.of());
            }
            List<ScimUser> all = select("WHERE account_id = ? AND " + indexed + " = ? ORDER BY created_at, person_id",
                    accountId, key);
            return new Page(all.size(), all.stream().skip(offset).limit(count).toList());
        }
        List<ScimUser> matching = new ArrayList<>();
        for (ScimUser user : select("WHERE account_id = ? ORDER BY created_at, person_id LIMIT ?", accountId,
                SCAN_LIMIT)) {
            if (FilterEvaluator.matches(user.resource(""), filter)) {
                matching.add(user);
            }
        }
        return new Page(matching.size(), matching.stream().skip(offset).limit(count).toList());
    }

    @Transactional
    public ScimUser create(UUID accountId, ObjectNode document) {
        ObjectNode doc = stored(document);
        String userName = userName(doc);
        ScimProfile profile = ScimProfile.of(doc);
        if (exists("WHERE account_id = ? AND user_name_key = ?", accountId, userName.toLowerCase(Locale.ROOT))) {
            throw new ScimException.Uniqueness("userName \"" + userName + "\" is taken in this account");
        }
        Instant now = Instant.now(clock);
        Optional<PersonView> existing = directory.byEmail(accountId, profile.email());
        UUID personId;
        if (existing.isPresent()) {
            // Someone made by hand or provisioned before SCIM: link, never duplicate.
            personId = existing.get().id();
            if (exists("WHERE person_id = ?", personId)) {
                throw new ScimException.Uniqueness("another SCIM user already has the email " + profile.email());
            }
            insertRow(accountId, personId, userName, doc, now);
            directory.applyProfiles(accountId, Source.SCIM, List.of(update(accountId, personId, profile)));
        } else {
            personId = UUID.randomUUID();
            boolean withhold = settings.find(accountId).withholdInvitations();
            directory.insert(List.of(new Person(personId, accountId, profile.email(), profile.title(),
                    profile.firstName(), profile.lastName(), profile.avatarUrl(), profile.jobTitle(), profile.language(),
                    profile.location(), team(accountId, profile), manager(accountId, personId, profile), java.util.Map.of(),
                    PersonStatus.INVITED, Role.MEMBER, Source.SCIM, null,
                    withhold ? Invitation.WITHHELD : Invitation.PENDING, now, now, null, null, null, now, now)));
            insertRow(accountId, personId, userName, doc, now);
            if (!profile.active()) {
                directory.applyProfiles(accountId, Source.SCIM, List.of(ProfileUpdate.of(personId).deactivate()));
            }
        }
        return get(accountId, personId);
    }

    @Transactional
    public ScimUser replace(UUID accountId, UUID id, ObjectNode document, String ifMatch) {
        ScimUser current = locked(accountId, id, ifMatch);
        return write(accountId, current, stored(document));
    }

    @Transactional
    public ScimUser patch(UUID accountId, UUID id, Patch patch, String ifMatch) {
        ScimUser current = locked(accountId, id, ifMatch);
        return write(accountId, current, stored(patch.apply(current.document())));
    }

    /** SCIM's delete: the person is deactivated (history kept) and the SCIM user is gone. */
    @Transactional
    public void delete(UUID accountId, UUID id, String ifMatch) {
        locked(accountId, id, ifMatch);
        directory.applyProfiles(accountId, Source.SCIM, List.of(ProfileUpdate.of(id).deactivate()));
        jdbc.sql("DELETE FROM scim_user WHERE account_id = ? AND person_id = ?").params(accountId, id).update();
    }

    private ScimUser write(UUID accountId, ScimUser current, ObjectNode doc) {
        String userName = userName(doc);
        ScimProfile profile = ScimProfile.of(doc);
        if (!userName.equalsIgnoreCase(current.userName()) && exists("WHERE account_id = ? AND user_name_key = ?"
                + " AND person_id <> ?", accountId, userName.toLowerCase(Locale.ROOT), current.id())) {
            throw new ScimException.Uniqueness("userName \"" + userName + "\" is taken in this account");
        }
        directory.applyProfiles(accountId, Source.SCIM, List.of(update(accountId, current.id(), profile)));
        jdbc.sql("UPDATE scim_user SET user_name = ?, user_name_key = ?, external_id = ?, document = ?,"
                        + " version = version + 1, last_modified = ? WHERE account_id = ? AND person_id = ?")
                .params(userName, userName.toLowerCase(Locale.ROOT), externalId(doc), JSON.writeValueAsString(doc),
                        Instants.toJdbc(Instant.now(clock)), accountId, current.id())
                .update();
        return get(accountId, current.id());
    }

    private ProfileUpdate update(UUID accountId, UUID personId, ScimProfile p) {
        ProfileUpdate u = ProfileUpdate.of(personId).set(ProfileUpdate.Field.EMAIL, p.email())
                .set(ProfileUpdate.Field.TITLE, p.title()).set(ProfileUpdate.Field.FIRST_NAME, p.firstName())
                .set(ProfileUpdate.Field.LAST_NAME, p.lastName()).set(ProfileUpdate.Field.AVATAR_URL, p.avatarUrl())
                .set(ProfileUpdate.Field.JOB_TITLE, p.jobTitle()).set(ProfileUpdate.Field.PRIMARY_LANGUAGE, p.language())
                .set(ProfileUpdate.Field.PRIMARY_LOCATION, p.location())
                .team(team(accountId, p)).manager(manager(accountId, personId, p));
        return p.active() ? u.reactivate() : u.deactivate();
    }

    private UUID team(UUID accountId, ScimProfile profile) {
        return profile.department() == null ? null : directory.teamNamed(accountId, profile.department()).id();
    }

    /** The manager override: the SCIM user the enterprise extension names, when it is one of this account's. */
    private UUID manager(UUID accountId, UUID personId, ScimProfile profile) {
        UUID manager = uuidOrNull(profile.managerId());
        if (manager == null || manager.equals(personId) || !exists("WHERE account_id = ? AND person_id = ?", accountId,
                manager)) {
            return null;
        }
        return manager;
    }

    private ScimUser locked(UUID accountId, UUID id, String ifMatch) {
        ScimUser current = find(accountId, id, true).orElseThrow(() -> notFound(id));
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")
                && !ifMatch.strip().equals(current.etag())) {
            throw new ScimException.PreconditionFailed("the user changed since version " + ifMatch.strip()
                    + "; it is now " + current.etag());
        }
        return current;
    }

    private void insertRow(UUID accountId, UUID personId, String userName, ObjectNode doc, Instant now) {
        try {
            jdbc.sql("INSERT INTO scim_user (person_id, account_id, user_name, user_name_key, external_id, document,"
                            + " version, created_at, last_modified) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")
                    .params(personId, accountId, userName, userName.toLowerCase(Locale.ROOT), externalId(doc),
                            JSON.writeValueAsString(doc), Instants.toJdbc(now), Instants.toJdbc(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ScimException.Uniqueness("userName \"" + userName + "\" is taken in this account");
        }
    }

    private Optional<ScimUser> find(UUID accountId, UUID id, boolean forUpdate) {
        List<ScimUser> found = select("WHERE account_id = ? AND person_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                accountId, id);
        return found.stream().findFirst();
    }

    private List<ScimUser> select(String where, Object... params) {
        return jdbc.sql("SELECT person_id, user_name, external_id, document, version, created_at, last_modified"
                        + " FROM scim_user " + where).params(params)
                .query((rs, n) -> new ScimUser(rs.getObject("person_id", UUID.class), rs.getString("user_name"),
                        rs.getString("external_id"), (ObjectNode) JSON.readTree(rs.getString("document")),
                        rs.getLong("version"), Instants.read(rs, "created_at"), Instants.read(rs, "last_modified")))
                .list();
    }

    private boolean exists(String where, Object... params) {
        return jdbc.sql("SELECT COUNT(*) FROM scim_user " + where).params(params).query(Long.class).single() > 0;
    }

    /**
     * What is kept of a document: never a password, nothing the server owns; {@code userName},
     * {@code externalId} and {@code active} under their own spelling, {@code active} a boolean.
     */
    private static ObjectNode stored(ObjectNode document) {
        ObjectNode doc = document.deepCopy();
        for (String key : List.copyOf(doc.propertyNames())) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (List.of("password", "id", "meta", "schemas", "groups").contains(lower)) {
                doc.remove(key);
            } else if (List.of("username", "externalid", "active").contains(lower)) {
                var value = doc.remove(key);
                String canonical = lower.equals("username") ? "userName" : lower.equals("externalid") ? "externalId"
                        : "active";
                if (canonical.equals("active") && !value.isNull()) {
                    Boolean active = dev.roster.scim.protocol.ScimProfile.bool(value);
                    if (active == null) {
                        throw new ScimException.InvalidValue("\"active\" must be true or false");
                    }
                    doc.put("active", active);
                } else {
                    doc.set(canonical, value);
                }
            }
        }
        return doc;
    }

    private static String userName(ObjectNode doc) {
        var node = doc.get("userName");
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new ScimException.InvalidValue("\"userName\" is required and must be a string");
        }
        if (node.asString().length() > 320) {
            throw new ScimException.InvalidValue("\"userName\" is longer than 320 characters");
        }
        return node.asString().strip();
    }

    private static String externalId(ObjectNode doc) {
        var node = doc.get("externalId");
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.isString() ? node.asString() : node.toString();
        if (value.length() > 320) {
            throw new ScimException.InvalidValue("\"externalId\" is longer than 320 characters");
        }
        return value;
    }

    /** userName, externalId and id equality are answered from an index; other filters by a scan. */
    private static String indexedColumn(Filter filter) {
        if (filter instanceof Filter.Compare c && c.operator() == Filter.Operator.EQ && c.value() instanceof String
                && c.path().subAttribute() == null && (c.path().schema() == null
                || c.path().schema().equalsIgnoreCase("urn:ietf:params:scim:schemas:core:2.0:User"))) {
            if (c.path().is("userName")) {
                return "user_name_key";
            }
            if (c.path().is("externalId")) {
                return "external_id";
            }
            if (c.path().is("id")) {
                return "person_id";
            }
        }
        return null;
    }

    private static UUID uuidOrNull(Object value) {
        try {
            return value == null ? null : UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ScimException.NotFound notFound(UUID id) {
        return new ScimException.NotFound("no user with id " + id);
    }
}
