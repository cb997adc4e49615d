package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.Faults;
import dev.roster.oktasimulator.Hooks;
import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.hooks.HookDispatcher;
import dev.roster.oktasimulator.internal.AppAssignment;
import dev.roster.oktasimulator.internal.EventHook;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Group;
import dev.roster.oktasimulator.internal.Json;
import dev.roster.oktasimulator.internal.JsonBytes;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Okta's Management API (/api/v1/...): users, app users, groups, event hooks. */
public final class ManagementApi {
    private final Org org;
    private final Hooks hooks;
    private final HookDispatcher dispatcher;
    private final ApiAuth auth;
    private final RateLimiter limiter;
    private final Faults faults;
    private final UserJson json;
    private final String orgUrl;

    public ManagementApi(Org org, Hooks hooks, HookDispatcher dispatcher, ApiAuth auth, RateLimiter limiter,
            Faults faults, UserJson json, String orgUrl) {
        this.org = org;
        this.hooks = hooks;
        this.dispatcher = dispatcher;
        this.auth = auth;
        this.limiter = limiter;
        this.faults = faults;
        this.json = json;
        this.orgUrl = orgUrl;
    }

    public void handle(Exchange ex) throws IOException {
        ex.setHeader("X-Okta-Request-Id", dev.roster.oktasimulator.internal.Ids.secret(27));
        String[] s = ex.segments();
        RateLimiter.Decision decision = limiter.take(bucket(ex.method(), s));
        ex.setHeader("X-Rate-Limit-Limit", String.valueOf(decision.limit()));
        ex.setHeader("X-Rate-Limit-Remaining", String.valueOf(decision.remaining()));
        ex.setHeader("X-Rate-Limit-Reset", String.valueOf(decision.reset()));
        if (!limiter.enter()) {
            ex.error(rateLimited());
            return;
        }
        try {
            if (injectFault(ex)) {
                return;
            }
            Set<String> scopes = auth.authenticate(ex);
            if (!decision.allowed()) {
                throw rateLimited();
            }
            route(ex, s, scopes);
        } catch (OktaApiException e) {
            ex.error(e);
        } finally {
            limiter.leave();
        }
    }

    private static OktaApiException rateLimited() {
        return new OktaApiException(429, "E0000047", "API call exceeded rate limit due to too many requests.");
    }

    /** Latency, 5xx and time-outs on demand; true when the request was consumed by a fault. */
    private boolean injectFault(Exchange ex) throws IOException {
        long latency = faults.latencyMillis();
        if (latency > 0) {
            sleep(latency);
        }
        if (faults.roll(faults.timeoutShare())) {
            sleep(faults.timeoutMillis());
            ex.abort();
            return true;
        }
        if (faults.roll(faults.errorShare())) {
            ex.error(new OktaApiException(500, "E0000009", "Internal Server Error"));
            return true;
        }
        return false;
    }

    static String bucket(String method, String[] s) {
        if (s.length < 3) {
            return "other";
        }
        return switch (s[2]) {
            case "apps" -> "apps";
            case "users" -> !"GET".equals(method) ? "users.write" : s.length == 3 ? "users.list"
                    : s.length == 4 ? "users.get" : "other";
            case "groups" -> "groups";
            case "eventHooks" -> "eventHooks";
            default -> "other";
        };
    }

    private void route(Exchange ex, String[] s, Set<String> scopes) throws IOException {
        String m = ex.method();
        int n = s.length;
        switch (n >= 3 ? s[2] : "") {
            case "users" -> users(ex, s, m, n, scopes);
            case "apps" -> apps(ex, s, m, n, scopes);
            case "groups" -> groups(ex, s, m, n, scopes);
            case "eventHooks" -> eventHooks(ex, s, m, n, scopes);
            default -> throw notFoundPath(ex);
        }
    }

    // ---- users ----

    private void users(Exchange ex, String[] s, String m, int n, Set<String> scopes) throws IOException {
        boolean read = "GET".equals(m);
        auth.requireScope(ex, scopes, read ? "okta.users.read" : "okta.users.manage");
        if (n == 3 && read) {
            listUsers(ex);
        } else if (n == 3 && "POST".equals(m)) {
            createUser(ex);
        } else if (n == 4 && read) {
            ex.json(200, json.user(requireUser(s[3])));
        } else if (n == 4 && ("POST".equals(m) || "PUT".equals(m))) {
            Map<String, Object> body = ex.jsonBody();
            Map<String, Object> profile = map(body.get("profile"));
            OktaUser updated = org.updateProfile(requireUser(s[3]).id(), profile, "PUT".equals(m),
                    ex.changeContext());
            ex.json(200, json.user(updated));
        } else if (n == 4 && "DELETE".equals(m)) {
            org.deleteUser(requireUser(s[3]).id(), ex.changeContext());
            ex.noContent();
        } else if (n == 6 && "POST".equals(m) && "lifecycle".equals(s[4])) {
            org.lifecycle(requireUser(s[3]).id(), s[5], ex.changeContext());
            ex.json(200, "{}");
        } else if (n == 5 && read && "groups".equals(s[4])) {
            OktaUser user = requireUser(s[3]);
            List<Object> groups = new ArrayList<>();
            for (Group g : org.groups()) {
                if (org.groupMembers(g.id).contains(user.id())) {
                    groups.add(json.group(g));
                }
            }
            ex.json(200, Json.write(groups));
        } else {
            throw notFoundPath(ex);
        }
    }

    private void listUsers(Exchange ex) throws IOException {
        String search = ex.query("search");
        String filter = ex.query("filter");
        String q = ex.query("q");
        Predicate<OktaUser> predicate;
        int defaultLimit = 200;
        if (search != null) {
            predicate = SearchExpression.search(search);
        } else if (filter != null) {
            predicate = SearchExpression.filter(filter);
        } else if (q != null) {
            String prefix = q.toLowerCase(Locale.ROOT);
            predicate = u -> !"DEPROVISIONED".equals(u.status()) && (startsWith(u, "firstName", prefix)
                    || startsWith(u, "lastName", prefix) || startsWith(u, "email", prefix));
            defaultLimit = 10;
        } else {
            // A plain list leaves out deactivated users; search and filter include them.
            predicate = u -> !"DEPROVISIONED".equals(u.status());
        }
        int limit = limit(ex, defaultLimit, 200);
        Org.Page<OktaUser> page = org.userPage(ex.query("after"), limit, predicate);
        JsonBytes out = new JsonBytes(page.items().size() * 1500 + 2);
        out.raw('[');
        for (int i = 0; i < page.items().size(); i++) {
            if (i > 0) {
                out.raw(',');
            }
            json.user(out, page.items().get(i));
        }
        out.raw(']');
        links(ex, "/api/v1/users", page.hasMore() ? last(page.items()).id() : null);
        ex.json(200, out);
    }

    private static boolean startsWith(OktaUser u, String attribute, String prefix) {
        String value = u.profile().string(attribute);
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    private void createUser(Exchange ex) throws IOException {
        Map<String, Object> body = ex.jsonBody();
        Map<String, Object> profile = map(body.get("profile"));
        Map<String, Object> credentials = map(body.get("credentials"));
        boolean hasPassword = map(credentials.get("password")).get("value") != null
                || map(credentials.get("password")).get("hash") != null;
        boolean activate = !"false".equalsIgnoreCase(ex.query("activate"));
        OktaUser user = org.createUser(profile, activate, hasPassword, ex.changeContext());
        ex.json(200, json.user(user));
    }

    private OktaUser requireUser(String idOrLogin) {
        OktaUser user = org.user(idOrLogin);
        if (user == null) {
            throw OktaApiException.notFound(idOrLogin, "User");
        }
        return user;
    }

    // ---- apps ----

    private void apps(Exchange ex, String[] s, String m, int n, Set<String> scopes) throws IOException {
        boolean read = "GET".equals(m);
        auth.requireScope(ex, scopes, read ? "okta.apps.read" : "okta.apps.manage");
        if (n == 3 && read) {
            ex.json(200, Json.write(List.of(json.app(org.app()))));
            return;
        }
        if (n < 4 || !org.app().id.equals(s[3])) {
            throw OktaApiException.notFound(n >= 4 ? s[3] : "", "AppInstance");
        }
        if (n == 4 && read) {
            ex.json(200, Json.write(json.app(org.app())));
        } else if (n == 5 && "users".equals(s[4]) && read) {
            listAppUsers(ex);
        } else if (n == 5 && "users".equals(s[4]) && "POST".equals(m)) {
            Map<String, Object> body = ex.jsonBody();
            Object userId = body.get("id");
            if (userId == null) {
                throw OktaApiException.validation("id", "id: The field cannot be left blank");
            }
            AppAssignment assignment = org.assign(requireUser(userId.toString()).id(), ex.changeContext());
            ex.json(200, appUser(requireUser(userId.toString()), assignment, false));
        } else if (n == 6 && "users".equals(s[4]) && read) {
            OktaUser user = requireUser(s[5]);
            AppAssignment assignment = org.assignment(user.id());
            if (assignment == null) {
                throw OktaApiException.notFound(s[5], "AppUser");
            }
            ex.json(200, appUser(user, assignment, "user".equals(ex.query("expand"))));
        } else if (n == 6 && "users".equals(s[4]) && "DELETE".equals(m)) {
            org.unassign(requireUser(s[5]).id(), ex.changeContext());
            ex.noContent();
        } else if (n == 5 && "groups".equals(s[4]) && read) {
            List<Object> out = new ArrayList<>();
            for (String groupId : org.appGroups()) {
                out.add(Map.of("id", groupId, "priority", 0, "profile", Map.of()));
            }
            ex.json(200, Json.write(out));
        } else if (n == 6 && "groups".equals(s[4]) && "PUT".equals(m)) {
            org.assignGroup(s[5], ex.changeContext());
            ex.json(200, Json.write(Map.of("id", s[5], "priority", 0, "profile", Map.of())));
        } else if (n == 6 && "groups".equals(s[4]) && "DELETE".equals(m)) {
            org.unassignGroup(s[5], ex.changeContext());
            ex.noContent();
        } else {
            throw notFoundPath(ex);
        }
    }

    private void listAppUsers(Exchange ex) throws IOException {
        int limit = limit(ex, 50, 500);
        boolean expand = "user".equals(ex.query("expand"));
        Org.Page<Map.Entry<OktaUser, AppAssignment>> page = org.appUserPage(ex.query("after"), limit);
        JsonBytes out = new JsonBytes(page.items().size() * (expand ? 1800 : 500) + 2);
        out.raw('[');
        boolean first = true;
        for (Map.Entry<OktaUser, AppAssignment> e : page.items()) {
            if (!first) {
                out.raw(',');
            }
            first = false;
            json.appUser(out, org.app(), e.getKey(), e.getValue(), expand);
        }
        out.raw(']');
        String next = page.hasMore() ? last(page.items()).getKey().id() : null;
        links(ex, "/api/v1/apps/" + org.app().id + "/users", next);
        ex.json(200, out);
    }

    private String appUser(OktaUser user, AppAssignment assignment, boolean expand) {
        JsonBytes out = new JsonBytes(2000);
        json.appUser(out, org.app(), user, assignment, expand);
        return out.toString();
    }

    // ---- groups ----

    private void groups(Exchange ex, String[] s, String m, int n, Set<String> scopes) throws IOException {
        boolean read = "GET".equals(m);
        auth.requireScope(ex, scopes, read ? "okta.groups.read" : "okta.groups.manage");
        if (n == 3 && read) {
            String q = ex.query("q");
            int limit = limit(ex, 10_000, 10_000);
            String after = ex.query("after");
            List<Object> out = new ArrayList<>();
            boolean passed = after == null;
            String lastId = null;
            boolean more = false;
            for (Group g : org.groups()) {
                if (!passed) {
                    passed = g.id.equals(after);
                    continue;
                }
                if (q != null && !g.name.toLowerCase(Locale.ROOT).startsWith(q.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (out.size() == limit) {
                    more = true;
                    break;
                }
                out.add(json.group(g));
                lastId = g.id;
            }
            links(ex, "/api/v1/groups", more ? lastId : null);
            ex.json(200, Json.write(out));
        } else if (n == 3 && "POST".equals(m)) {
            Map<String, Object> profile = map(ex.jsonBody().get("profile"));
            Object name = profile.get("name");
            if (name == null) {
                throw OktaApiException.validation("name", "name: The field cannot be left blank");
            }
            Object description = profile.get("description");
            Group g = org.createGroup(name.toString(), description == null ? null : description.toString());
            ex.json(200, Json.write(json.group(g)));
        } else if (n == 4 && read) {
            ex.json(200, Json.write(json.group(requireGroup(s[3]))));
        } else if (n == 5 && read && "users".equals(s[4])) {
            int limit = limit(ex, 1000, 10_000);
            String after = ex.query("after");
            List<String> members = org.groupMembers(requireGroup(s[3]).id);
            JsonBytes out = new JsonBytes(4096).raw('[');
            int count = 0;
            String lastId = null;
            boolean more = false;
            for (String id : members) {
                if (after != null && id.compareTo(after) <= 0) {
                    continue;
                }
                if (count == limit) {
                    more = true;
                    break;
                }
                OktaUser u = org.user(id);
                if (u == null) {
                    continue;
                }
                if (count++ > 0) {
                    out.raw(',');
                }
                json.user(out, u);
                lastId = id;
            }
            links(ex, "/api/v1/groups/" + s[3] + "/users", more ? lastId : null);
            ex.json(200, out.raw(']'));
        } else if (n == 6 && "users".equals(s[4]) && "PUT".equals(m)) {
            org.addGroupMember(s[3], s[5], ex.changeContext());
            ex.noContent();
        } else if (n == 6 && "users".equals(s[4]) && "DELETE".equals(m)) {
            org.removeGroupMember(s[3], s[5], ex.changeContext());
            ex.noContent();
        } else {
            throw notFoundPath(ex);
        }
    }

    private Group requireGroup(String id) {
        Group g = org.group(id);
        if (g == null) {
            throw OktaApiException.notFound(id, "UserGroup");
        }
        return g;
    }

    // ---- event hooks ----

    private void eventHooks(Exchange ex, String[] s, String m, int n, Set<String> scopes) throws IOException {
        boolean read = "GET".equals(m);
        auth.requireScope(ex, scopes, read ? "okta.eventHooks.read" : "okta.eventHooks.manage");
        if (n == 3 && read) {
            ex.json(200, Json.write(dispatcher.hooks().stream().map(json::hook).toList()));
        } else if (n == 3 && "POST".equals(m)) {
            ex.json(200, Json.write(json.hook(dispatcher.hook(register(ex.jsonBody())))));
        } else if (n == 4 && read) {
            ex.json(200, Json.write(json.hook(requireHook(s[3]))));
        } else if (n == 4 && "DELETE".equals(m)) {
            EventHook hook = requireHook(s[3]);
            if (!"INACTIVE".equals(hook.status)) {
                throw OktaApiException.validation("Cannot delete an active event hook",
                        "Event hooks must be deactivated before they are deleted.");
            }
            dispatcher.remove(hook.id);
            ex.noContent();
        } else if (n == 6 && "POST".equals(m) && "lifecycle".equals(s[4])) {
            EventHook hook = requireHook(s[3]);
            switch (s[5]) {
                case "verify" -> {
                    if (!hooks.verify(hook.id)) {
                        throw new OktaApiException(400, "E0000001",
                                "Api validation failed: Verification failed",
                                List.of("Verification failed: the endpoint did not return the challenge."));
                    }
                }
                case "activate" -> {
                    if (!"ACTIVE".equals(hook.status)) {
                        hooks.requireRoomForActiveHook();
                    }
                    hook.status = "ACTIVE";
                }
                case "deactivate" -> hook.status = "INACTIVE";
                default -> throw notFoundPath(ex);
            }
            hook.lastUpdated = System.currentTimeMillis();
            ex.json(200, Json.write(json.hook(hook)));
        } else {
            throw notFoundPath(ex);
        }
    }

    private String register(Map<String, Object> body) {
        Object name = body.get("name");
        Map<String, Object> events = map(body.get("events"));
        Map<String, Object> config = map(map(body.get("channel")).get("config"));
        Map<String, Object> authScheme = map(config.get("authScheme"));
        List<String> items = new ArrayList<>();
        if (events.get("items") instanceof List<?> list) {
            list.forEach(item -> items.add(String.valueOf(item)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (config.get("headers") instanceof List<?> list) {
            for (Object header : list) {
                Map<String, Object> h = map(header);
                headers.put(String.valueOf(h.get("key")), String.valueOf(h.get("value")));
            }
        }
        if (name == null) {
            throw OktaApiException.validation("name", "name: The field cannot be left blank");
        }
        Object uri = config.get("uri");
        return hooks.register(name.toString(), uri == null ? null : uri.toString(), items,
                (String) authScheme.get("key"), (String) authScheme.get("value"), headers);
    }

    private EventHook requireHook(String id) {
        EventHook hook = dispatcher.hook(id);
        if (hook == null) {
            throw OktaApiException.notFound(id, "EventHook");
        }
        return hook;
    }

    // ---- helpers ----

    /** Link headers: self always, next (with after=cursor) only when more items follow. */
    private void links(Exchange ex, String path, String nextCursor) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> e : ex.queryParams().entrySet()) {
            if ("after".equals(e.getKey())) {
                continue;
            }
            for (String v : e.getValue()) {
                query.append(query.length() == 0 ? "?" : "&").append(encode(e.getKey())).append('=').append(encode(v));
            }
        }
        String self = orgUrl + path + query;
        String after = ex.query("after");
        ex.addHeader("Link", "<" + self + (after == null ? "" : (query.length() == 0 ? "?" : "&") + "after="
                + encode(after)) + ">; rel=\"self\"");
        if (nextCursor != null) {
            ex.addHeader("Link", "<" + self + (query.length() == 0 ? "?" : "&") + "after=" + encode(nextCursor)
                    + ">; rel=\"next\"");
        }
    }

    private static int limit(Exchange ex, int defaultLimit, int max) {
        String raw = ex.query("limit");
        if (raw == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(raw);
            return limit < 1 ? defaultLimit : Math.min(limit, max);
        } catch (NumberFormatException e) {
            throw OktaApiException.validation("limit", "limit: The limit must be a number.");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    private static OktaApiException notFoundPath(Exchange ex) {
        return new OktaApiException(404, "E0000022", "The endpoint does not support the provided HTTP method");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
