package dev.roster.oktasimulator;

import dev.roster.oktasimulator.internal.AppAssignment;
import dev.roster.oktasimulator.internal.ChangeContext;
import dev.roster.oktasimulator.internal.Group;
import dev.roster.oktasimulator.internal.Ids;
import dev.roster.oktasimulator.internal.OidcApp;
import dev.roster.oktasimulator.internal.OrgEvent;
import com.nimbusds.jose.jwk.JWK;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The org in memory: users, the OIDC app and its assignments, groups, service apps. Every mutation, from
 * the Java API, the Management API or the admin page, goes through here and emits the same events.
 */
public final class Org {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, OktaUser> users = new TreeMap<>();
    private final Map<String, String> idByLogin = new HashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, ServiceApp> serviceApps = new ConcurrentHashMap<>();
    private final OidcApp app;
    final Clock clock;
    final Consumer<OrgEvent> events;
    private final Memberships memberships = new Memberships(this);
    private final String orgId;

    public Org(OidcApp app, String orgId, Clock clock, Consumer<OrgEvent> events) {
        this.app = app;
        this.orgId = orgId;
        this.clock = clock;
        this.events = events;
    }

    // ---- reading ----

    public String orgId() {
        return orgId;
    }

    public OidcApp app() {
        return app;
    }

    public int size() {
        return read(users::size);
    }

    /** All users, sorted by id (Okta's list order). A snapshot: safe to keep. */
    public List<OktaUser> users() {
        return read(() -> new ArrayList<>(users.values()));
    }

    /** By id or login (case-insensitive, as Okta); null when there is none. */
    public OktaUser user(String idOrLogin) {
        return read(() -> find(idOrLogin));
    }

    /** Up to limit users after the cursor (exclusive) that match, plus whether more follow. */
    public Page<OktaUser> userPage(String after, int limit, Predicate<OktaUser> filter) {
        return read(() -> page(after == null ? users : users.tailMap(after, false), limit, filter));
    }

    public Page<Map.Entry<OktaUser, AppAssignment>> appUserPage(String after, int limit) {
        return read(() -> {
            List<Map.Entry<OktaUser, AppAssignment>> items = new ArrayList<>(Math.min(limit, 512));
            Map<String, AppAssignment> tail = after == null ? app.users : app.users.tailMap(after, false);
            boolean more = false;
            for (Map.Entry<String, AppAssignment> e : tail.entrySet()) {
                if (items.size() == limit) {
                    more = true;
                    break;
                }
                items.add(Map.entry(users.get(e.getKey()), e.getValue()));
            }
            return new Page<>(items, more);
        });
    }

    public AppAssignment assignment(String userId) {
        return read(() -> app.users.get(userId));
    }

    public boolean isAssigned(String userId) {
        return assignment(userId) != null;
    }

    public int appUserCount() {
        return read(app.users::size);
    }

    public List<Group> groups() {
        return read(() -> new ArrayList<>(groups.values()));
    }

    public Group group(String id) {
        return read(() -> groups.get(id));
    }

    public List<String> groupMembers(String groupId) {
        return read(() -> new ArrayList<>(requireGroup(groupId).members));
    }

    public Set<String> appGroups() {
        return read(() -> Set.copyOf(app.groups));
    }

    // ---- users ----

    /** Creates a user (ACTIVE when activate, else STAGED), optionally assigned to the app. */
    public OktaUser createUser(Map<String, ?> profile, boolean activate, boolean assign) {
        OktaUser user = createUser(profile, activate, true, ChangeContext.JAVA_API);
        if (assign) {
            assign(user.id(), ChangeContext.JAVA_API);
        }
        return user;
    }

    /**
     * Okta's create: a user activated with a password is ACTIVE; activated without one waits for the
     * activation email as PROVISIONED; not activated is STAGED.
     */
    public OktaUser createUser(Map<String, ?> profile, boolean activate, boolean hasPassword,
            ChangeContext ctx) {
        String login = string(profile.get("login"));
        requireCreatable(profile, login);
        long now = clock.millis();
        String status = !activate ? "STAGED" : hasPassword ? "ACTIVE" : "PROVISIONED";
        OktaUser user;
        lock.writeLock().lock();
        try {
            if (idByLogin.containsKey(key(login))) {
                throw OktaApiException.validation("login: An object with this field already exists in the current organization",
                        "login: An object with this field already exists in the current organization");
            }
            String id = newId("00u", users);
            user = new OktaUser(id, status, now, activate ? now : 0, activate ? now : 0, 0, now,
                    hasPassword ? now : 0, profile);
            users.put(id, user);
            idByLogin.put(key(login), id);
            Group everyone = everyone();
            if (everyone != null) {
                everyone.members.add(id);
            }
        } finally {
            lock.writeLock().unlock();
        }
        emit("user.lifecycle.create", user, ctx);
        if (activate) {
            emit("user.lifecycle.activate", user, ctx);
        }
        return user;
    }

    /** Bulk load for the generator: no events, no checks beyond login uniqueness. */
    public void load(Collection<OktaUser> generated, Predicate<OktaUser> assign) {
        lock.writeLock().lock();
        try {
            Group everyone = everyone();
            for (OktaUser user : generated) {
                users.put(user.id(), user);
                idByLogin.put(key(user.login()), user.id());
                if (everyone != null) {
                    everyone.members.add(user.id());
                }
                if (assign.test(user)) {
                    app.directUsers.add(user.id());
                    app.users.put(user.id(), new AppAssignment("USER", user.createdMillis(), user.createdMillis()));
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void requireCreatable(Map<String, ?> profile, String login) {
        List<String> causes = new ArrayList<>();
        for (String required : List.of("login", "email", "firstName", "lastName")) {
            if (string(profile.get(required)) == null || string(profile.get(required)).isBlank()) {
                causes.add(required + ": The field cannot be left blank");
            }
        }
        if (!causes.isEmpty()) {
            throw new OktaApiException(400, "E0000001", "Api validation failed: " + causes.get(0)
                    .substring(0, causes.get(0).indexOf(':')), causes);
        }
        if (!login.contains("@")) {
            throw OktaApiException.validation("login", "login: Username must be in the form of an email address");
        }
    }

    /** Partial update (Okta's POST /users/{id}): given attributes change, others stay. */
    public OktaUser updateProfile(String idOrLogin, Map<String, ?> changes) {
        return updateProfile(idOrLogin, changes, false, ChangeContext.JAVA_API);
    }

    /** replace=true is Okta's PUT: attributes not given are removed. */
    public OktaUser updateProfile(String idOrLogin, Map<String, ?> changes, boolean replace, ChangeContext ctx) {
        OktaUser updated;
        lock.writeLock().lock();
        try {
            OktaUser user = requireUser(idOrLogin);
            Map<String, Object> merged = replace ? new LinkedHashMap<>(changes) : new LinkedHashMap<>(user.profile());
            if (!replace) {
                merged.putAll(changes);
            }
            requireCreatable(merged, string(merged.get("login")));
            String newLogin = string(merged.get("login"));
            String existing = idByLogin.get(key(newLogin));
            if (existing != null && !existing.equals(user.id())) {
                throw OktaApiException.validation("login: An object with this field already exists in the current organization",
                        "login: An object with this field already exists in the current organization");
            }
            updated = user.withProfile(merged, clock.millis());
            users.put(user.id(), updated);
            idByLogin.remove(key(user.login()));
            idByLogin.put(key(newLogin), user.id());
        } finally {
            lock.writeLock().unlock();
        }
        emit("user.account.update_profile", updated, ctx);
        return updated;
    }

    /**
     * activate, deactivate, reactivate, suspend, unsuspend, expire_password, reset_password, unlock, or the
     * simulator-only lock (LOCKED_OUT), with Okta's allowed transitions and errors.
     */
    public OktaUser lifecycle(String idOrLogin, String operation) {
        return lifecycle(idOrLogin, operation, ChangeContext.JAVA_API);
    }

    public OktaUser lifecycle(String idOrLogin, String operation, ChangeContext ctx) {
        OktaUser updated;
        String eventType;
        lock.writeLock().lock();
        try {
            OktaUser user = requireUser(idOrLogin);
            String next = Lifecycle.next(user, operation);
            eventType = Lifecycle.eventType(operation);
            updated = user.withStatus(next, clock.millis());
            users.put(user.id(), updated);
        } finally {
            lock.writeLock().unlock();
        }
        emit(eventType, updated, ctx);
        return updated;
    }

    /** Okta's DELETE: deactivates a user that is not deactivated yet; deletes a deactivated one. */
    public OktaUser deleteUser(String idOrLogin) {
        return deleteUser(idOrLogin, ChangeContext.JAVA_API);
    }

    public OktaUser deleteUser(String idOrLogin, ChangeContext ctx) {
        OktaUser user = user(idOrLogin);
        if (user == null) {
            throw OktaApiException.notFound(idOrLogin, "User");
        }
        if (!"DEPROVISIONED".equals(user.status())) {
            return lifecycle(user.id(), "deactivate", ctx);
        }
        lock.writeLock().lock();
        try {
            users.remove(user.id());
            idByLogin.remove(key(user.login()));
            app.users.remove(user.id());
            app.directUsers.remove(user.id());
            groups.values().forEach(g -> g.members.remove(user.id()));
        } finally {
            lock.writeLock().unlock();
        }
        // user.lifecycle.delete.completed follows in Okta but can never be delivered to a hook.
        emit("user.lifecycle.delete.initiated", user, ctx);
        return null;
    }

    /** Whether Okta's Management API offers this lifecycle operation (lock is simulator-only). */
    public static boolean isApiLifecycleOperation(String operation) {
        return Lifecycle.httpOperation(operation);
    }

    /** Records a sign-in (lastLogin), as Okta does. */
    public void recordLogin(String userId) {
        lock.writeLock().lock();
        try {
            OktaUser user = users.get(userId);
            if (user != null) {
                users.put(userId, user.withLastLogin(clock.millis()));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- app assignments ----

    public void assign(String userIdOrLogin) {
        assign(userIdOrLogin, ChangeContext.JAVA_API);
    }

    public AppAssignment assign(String userIdOrLogin, ChangeContext ctx) {
        return memberships.assign(userIdOrLogin, ctx);
    }

    public void unassign(String userIdOrLogin) {
        unassign(userIdOrLogin, ChangeContext.JAVA_API);
    }

    public void unassign(String userIdOrLogin, ChangeContext ctx) {
        memberships.unassign(userIdOrLogin, ctx);
    }

    /** Only when the app has registered redirect URIs are they enforced (see README). */
    public void addRedirectUri(String uri) {
        if (!app.redirectUris.contains(uri)) {
            app.redirectUris.add(uri);
        }
    }

    public void addPostLogoutRedirectUri(String uri) {
        if (!app.postLogoutRedirectUris.contains(uri)) {
            app.postLogoutRedirectUris.add(uri);
        }
    }

    // ---- groups ----

    public Group createGroup(String name, String description) {
        return createGroup(name, description, "OKTA_GROUP", Ids.okta("00g"));
    }

    public Group createGroup(String name, String description, String type, String id) {
        lock.writeLock().lock();
        try {
            Group group = new Group(id, type, name, description, clock.millis());
            groups.put(group.id, group);
            return group;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds without events: for the generator only. */
    public void loadGroupMembers(String groupId, Collection<String> userIds) {
        lock.writeLock().lock();
        try {
            requireGroup(groupId).members.addAll(userIds);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void addGroupMember(String groupId, String userIdOrLogin) {
        addGroupMember(groupId, userIdOrLogin, ChangeContext.JAVA_API);
    }

    public void addGroupMember(String groupId, String userIdOrLogin, ChangeContext ctx) {
        changeMembership(groupId, userIdOrLogin, true, ctx);
    }

    public void removeGroupMember(String groupId, String userIdOrLogin) {
        removeGroupMember(groupId, userIdOrLogin, ChangeContext.JAVA_API);
    }

    public void removeGroupMember(String groupId, String userIdOrLogin, ChangeContext ctx) {
        changeMembership(groupId, userIdOrLogin, false, ctx);
    }

    private void changeMembership(String groupId, String userIdOrLogin, boolean add, ChangeContext ctx) {
        memberships.changeMembership(groupId, userIdOrLogin, add, ctx);
    }

    /** Assigns a group to the app: its members become app users with scope GROUP. */
    public void assignGroup(String groupId) {
        assignGroup(groupId, ChangeContext.JAVA_API);
    }

    public void unassignGroup(String groupId) {
        unassignGroup(groupId, ChangeContext.JAVA_API);
    }

    public void assignGroup(String groupId, ChangeContext ctx) {
        memberships.changeAppGroup(groupId, true, ctx);
    }

    public void unassignGroup(String groupId, ChangeContext ctx) {
        memberships.changeAppGroup(groupId, false, ctx);
    }




    // ---- service apps ----

    /** Registers a service app (private_key_jwt) granted the given okta.* scopes; returns it. */
    public ServiceApp addServiceApp(JWK publicKey, Set<String> scopes) {
        ServiceApp serviceApp = new ServiceApp(Ids.okta("0oa"), publicKey.toPublicJWK(), scopes);
        serviceApps.put(serviceApp.clientId(), serviceApp);
        return serviceApp;
    }

    public ServiceApp serviceApp(String clientId) {
        return serviceApps.get(clientId);
    }

    // ---- helpers ----

    private OktaUser find(String idOrLogin) {
        if (idOrLogin == null) {
            return null;
        }
        OktaUser user = users.get(idOrLogin);
        if (user != null) {
            return user;
        }
        String id = idByLogin.get(key(idOrLogin));
        return id == null ? null : users.get(id);
    }

    /** By id only; call under the lock. */
    OktaUser userById(String id) {
        return users.get(id);
    }

    OktaUser requireUser(String idOrLogin) {
        OktaUser user = find(idOrLogin);
        if (user == null) {
            throw OktaApiException.notFound(idOrLogin, "User");
        }
        return user;
    }

    Group requireGroup(String groupId) {
        Group group = groups.get(groupId);
        if (group == null) {
            throw OktaApiException.notFound(groupId, "UserGroup");
        }
        return group;
    }

    private Group everyone() {
        for (Group group : groups.values()) {
            if ("BUILT_IN".equals(group.type)) {
                return group;
            }
        }
        return null;
    }

    private static <T> Page<T> page(Map<String, T> source, int limit, Predicate<T> filter) {
        List<T> items = new ArrayList<>(Math.min(limit, 512));
        boolean more = false;
        for (T item : source.values()) {
            if (!filter.test(item)) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(item);
        }
        return new Page<>(items, more);
    }

    private String newId(String prefix, Map<String, ?> taken) {
        String id;
        do {
            id = Ids.okta(prefix);
        } while (taken.containsKey(id));
        return id;
    }

    void emit(String eventType, OktaUser user, ChangeContext ctx) {
        events.accept(new OrgEvent(eventType, user, null, null, ctx, clock.millis()));
    }

    private <T> T read(java.util.function.Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static String key(String login) {
        return login == null ? null : login.toLowerCase(Locale.ROOT);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** One page of a cursor-paged list. */
    public record Page<T>(List<T> items, boolean hasMore) {
    }
}
