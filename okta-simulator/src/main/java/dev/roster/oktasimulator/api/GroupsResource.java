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

/** /api/v1/groups: list, create, members, membership changes. */
final class GroupsResource {
    private final Org org;
    private final ApiAuth auth;
    private final UserJson json;
    private final String orgUrl;

    GroupsResource(Org org, ApiAuth auth, UserJson json, String orgUrl) {
        this.org = org;
        this.auth = auth;
        this.json = json;
        this.orgUrl = orgUrl;
    }

    void handle(Exchange ex, String[] s, String m, int n, Set<String> scopes) throws IOException {
        boolean read = "GET".equals(m);
        auth.requireScope(ex, scopes, read ? "okta.groups.read" : "okta.groups.manage");
        if (n == 3 && read) {
            String q = ex.query("q");
            int limit = Paging.limit(ex, 10_000, 10_000);
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
            Paging.links(ex, orgUrl, "/api/v1/groups", more ? lastId : null);
            ex.json(200, Json.write(out));
        } else if (n == 3 && "POST".equals(m)) {
            Map<String, Object> profile = Paging.map(ex.jsonBody().get("profile"));
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
            int limit = Paging.limit(ex, 1000, 10_000);
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
            Paging.links(ex, orgUrl, "/api/v1/groups/" + s[3] + "/users", more ? lastId : null);
            ex.json(200, out.raw(']'));
        } else if (n == 6 && "users".equals(s[4]) && "PUT".equals(m)) {
            org.addGroupMember(s[3], s[5], ex.changeContext());
            ex.noContent();
        } else if (n == 6 && "users".equals(s[4]) && "DELETE".equals(m)) {
            org.removeGroupMember(s[3], s[5], ex.changeContext());
            ex.noContent();
        } else {
            throw Paging.notFoundPath(ex);
        }
    }

    private Group requireGroup(String id) {
        Group g = org.group(id);
        if (g == null) {
            throw OktaApiException.notFound(id, "UserGroup");
        }
        return g;
    }

}
