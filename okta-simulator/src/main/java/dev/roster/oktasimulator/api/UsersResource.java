package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Group;
import dev.roster.oktasimulator.internal.Json;
import dev.roster.oktasimulator.internal.JsonBytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** /api/v1/users: get, list (search, filter, q), create, update, lifecycle, delete. */
final class UsersResource {
    private final Org org;
    private final ApiAuth auth;
    private final UserJson json;
    private final String orgUrl;

    UsersResource(Org org, ApiAuth auth, UserJson json, String orgUrl) {
        this.org = org;
        this.auth = auth;
        this.json = json;
        this.orgUrl = orgUrl;
    }

    void handle(Exchange ex, String[] s, String m, int n, Set<String> scopes) throws IOException {
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
            Map<String, Object> profile = Paging.map(body.get("profile"));
            OktaUser updated = org.updateProfile(requireUser(s[3]).id(), profile, "PUT".equals(m),
                    ex.changeContext());
            ex.json(200, json.user(updated));
        } else if (n == 4 && "DELETE".equals(m)) {
            org.deleteUser(requireUser(s[3]).id(), ex.changeContext());
            ex.noContent();
        } else if (n == 6 && "POST".equals(m) && "lifecycle".equals(s[4]) && Org.isApiLifecycleOperation(s[5])) {
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
            throw Paging.notFoundPath(ex);
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
        int limit = Paging.limit(ex, defaultLimit, 200);
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
        Paging.links(ex, orgUrl, "/api/v1/users", page.hasMore() ? Paging.last(page.items()).id() : null);
        ex.json(200, out);
    }

    private static boolean startsWith(OktaUser u, String attribute, String prefix) {
        String value = u.profile().string(attribute);
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    private void createUser(Exchange ex) throws IOException {
        Map<String, Object> body = ex.jsonBody();
        Map<String, Object> profile = Paging.map(body.get("profile"));
        Map<String, Object> credentials = Paging.map(body.get("credentials"));
        boolean hasPassword = Paging.map(credentials.get("password")).get("value") != null
                || Paging.map(credentials.get("password")).get("hash") != null;
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

}
