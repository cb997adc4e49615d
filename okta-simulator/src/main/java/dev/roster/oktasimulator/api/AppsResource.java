package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.internal.AppAssignment;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Json;
import dev.roster.oktasimulator.internal.JsonBytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/apps: the app, its users (paged, expand=user), assignments and group assignments. */
final class AppsResource {
    private final Org org;
    private final ApiAuth auth;
    private final UserJson json;
    private final String orgUrl;

    AppsResource(Org org, ApiAuth auth, UserJson json, String orgUrl) {
        this.org = org;
        this.auth = auth;
        this.json = json;
        this.orgUrl = orgUrl;
    }

    void handle(Exchange ex, String[] s, String m, int n, Set<String> scopes) throws IOException {
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
            throw Paging.notFoundPath(ex);
        }
    }

    private void listAppUsers(Exchange ex) throws IOException {
        int limit = Paging.limit(ex, 50, 500);
        boolean expand = "user".equals(ex.query("expand"));
        Org.Page<Map.Entry<OktaUser, AppAssignment>> page = org.appUserPage(ex.query("after"), limit);
        JsonBytes out = JsonBytes.pooled(page.items().size() * (expand ? 1800 : 500) + 2);
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
        String next = page.hasMore() ? Paging.last(page.items()).getKey().id() : null;
        Paging.links(ex, orgUrl, "/api/v1/apps/" + org.app().id + "/users", next);
        ex.json(200, out);
    }

    private String appUser(OktaUser user, AppAssignment assignment, boolean expand) {
        JsonBytes out = new JsonBytes(2000);
        json.appUser(out, org.app(), user, assignment, expand);
        return out.toString();
    }


    private OktaUser requireUser(String idOrLogin) {
        OktaUser user = org.user(idOrLogin);
        if (user == null) {
            throw OktaApiException.notFound(idOrLogin, "User");
        }
        return user;
    }
}
