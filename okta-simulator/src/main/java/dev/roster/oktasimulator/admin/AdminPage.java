package dev.roster.oktasimulator.admin;

import dev.roster.oktasimulator.HookDelivery;
import dev.roster.oktasimulator.Hooks;
import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.hooks.HookDispatcher;
import dev.roster.oktasimulator.internal.AppAssignment;
import dev.roster.oktasimulator.internal.EventHook;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Html;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain admin page for demos and poking around: browse and search users, edit a profile, change the
 * lifecycle, (un)assign the app, see hooks and deliveries. Unauthenticated: the simulator is local only.
 * Every value is HTML-escaped. Changes go through {@link Org}, so they emit the same events as the API.
 */
public final class AdminPage {
    private static final int PAGE = 50;

    private final Org org;
    private final Hooks hooks;
    private final HookDispatcher dispatcher;

    public AdminPage(Org org, Hooks hooks, HookDispatcher dispatcher) {
        this.org = org;
        this.hooks = hooks;
        this.dispatcher = dispatcher;
    }

    public void handle(Exchange ex) throws IOException {
        String[] s = ex.segments();
        try {
            if (s.length == 1 || (s.length == 2 && s[1].isEmpty())) {
                list(ex);
            } else if (s.length == 2 && "hooks".equals(s[1])) {
                hooksPage(ex);
            } else if (s.length == 3 && "users".equals(s[1]) && "GET".equals(ex.method())) {
                userPage(ex, s[2], null);
            } else if (s.length >= 4 && "users".equals(s[1]) && "POST".equals(ex.method())) {
                action(ex, s);
            } else {
                ex.html(404, Html.page("Not found", "<h1>Not found</h1>"));
            }
        } catch (OktaApiException e) {
            if (s.length >= 3 && "users".equals(s[1]) && org.user(s[2]) != null) {
                userPage(ex, s[2], e.errorCode() + ": " + e.getMessage() + " " + e.causes());
            } else {
                ex.html(e.status(), Html.page("Error", "<h1>" + Html.esc(e.errorCode()) + "</h1><p>"
                        + Html.esc(e.getMessage()) + "</p><p><a href=\"/admin\">Back</a></p>"));
            }
        }
    }

    private void list(Exchange ex) throws IOException {
        String q = ex.query("q");
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        Org.Page<OktaUser> page = org.userPage(ex.query("after"), PAGE, u -> needle.isEmpty()
                || contains(u.login(), needle) || contains(u.displayName(), needle) || u.id().equals(q)
                || contains(u.profile().string("department"), needle) || contains(u.profile().string("title"), needle));
        StringBuilder html = new StringBuilder("<h1>Okta simulator: users</h1>")
                .append("<p>").append(org.size()).append(" users, ").append(org.appUserCount())
                .append(" assigned to app ").append(Html.esc(org.app().label)).append(" (")
                .append(Html.esc(org.app().id)).append("). <a href=\"/admin/hooks\">Event hooks</a></p>")
                .append("<form method=\"get\" action=\"/admin\"><input type=\"text\" name=\"q\" value=\"")
                .append(Html.esc(q)).append("\" placeholder=\"login, name, department, title or id\"> ")
                .append("<button type=\"submit\">Search</button></form>")
                .append("<table><tr><th>Name</th><th>Login</th><th>Title</th><th>Department</th><th>Status</th>")
                .append("<th>App</th></tr>");
        for (OktaUser u : page.items()) {
            AppAssignment a = org.assignment(u.id());
            html.append("<tr><td><a href=\"/admin/users/").append(Html.esc(u.id())).append("\">")
                    .append(Html.esc(u.displayName())).append("</a></td><td>").append(Html.esc(u.login()))
                    .append("</td><td>").append(Html.esc(u.profile().get("title"))).append("</td><td>")
                    .append(Html.esc(u.profile().get("department"))).append("</td><td>").append(Html.esc(u.status()))
                    .append("</td><td>").append(a == null ? "" : Html.esc(a.scope())).append("</td></tr>");
        }
        html.append("</table>");
        if (page.hasMore()) {
            String last = page.items().get(page.items().size() - 1).id();
            html.append("<p><a href=\"/admin?after=").append(enc(last)).append(q == null ? "" : "&amp;q=" + enc(q))
                    .append("\">Next page</a></p>");
        }
        ex.html(200, Html.page("Users", html.toString()));
    }

    private void userPage(Exchange ex, String id, String error) throws IOException {
        OktaUser u = org.user(id);
        if (u == null) {
            ex.html(404, Html.page("Not found", "<h1>No such user</h1><p><a href=\"/admin\">Back</a></p>"));
            return;
        }
        String base = "/admin/users/" + Html.esc(u.id());
        StringBuilder html = new StringBuilder("<p><a href=\"/admin\">All users</a></p><h1>")
                .append(Html.esc(u.displayName())).append("</h1>");
        if (error != null) {
            html.append("<p class=\"error\">").append(Html.esc(error)).append("</p>");
        }
        AppAssignment a = org.assignment(u.id());
        html.append("<p>Id ").append(Html.esc(u.id())).append(" · status <b>").append(Html.esc(u.status()))
                .append("</b> · app: ").append(a == null ? "not assigned" : "assigned (" + Html.esc(a.scope()) + ")")
                .append("</p><p>");
        for (String op : List.of("activate", "reactivate", "deactivate", "suspend", "unsuspend", "lock", "unlock",
                "expire_password", "reset_password")) {
            html.append(button(base + "/lifecycle/" + op, op));
        }
        html.append(button(base + "/delete", "delete"));
        html.append(a == null ? button(base + "/assign", "assign to app") : button(base + "/unassign",
                "unassign from app"));
        html.append("</p><h2>Profile</h2><form method=\"post\" action=\"").append(base)
                .append("/profile\"><table>");
        Map<String, Object> profile = new LinkedHashMap<>(u.profile());
        for (Map.Entry<String, Object> e : profile.entrySet()) {
            html.append("<tr><th>").append(Html.esc(e.getKey())).append("</th><td><input type=\"text\" name=\"")
                    .append(Html.esc(e.getKey())).append("\" value=\"").append(Html.esc(e.getValue()))
                    .append("\"></td></tr>");
        }
        html.append("<tr><th><input type=\"text\" name=\"_newKey\" placeholder=\"new attribute\"></th><td>")
                .append("<input type=\"text\" name=\"_newValue\"></td></tr></table>")
                .append("<p><button type=\"submit\">Save profile</button></p></form>");
        ex.html(200, Html.page(u.displayName(), html.toString()));
    }

    private void action(Exchange ex, String[] s) throws IOException {
        String id = s[2];
        if (org.user(id) == null) {
            throw OktaApiException.notFound(id, "User");
        }
        var ctx = ex.changeContext();
        switch (s[3]) {
            case "lifecycle" -> org.lifecycle(id, s.length > 4 ? s[4] : "", ctx);
            case "delete" -> {
                org.deleteUser(id, ctx);
                if (org.user(id) == null) {
                    ex.redirect("/admin");
                    return;
                }
            }
            case "assign" -> org.assign(id, ctx);
            case "unassign" -> org.unassign(id, ctx);
            case "profile" -> {
                Map<String, Object> changes = new LinkedHashMap<>();
                ex.form().forEach((key, values) -> {
                    if (!key.startsWith("_")) {
                        String v = values.get(0);
                        changes.put(key, v.isEmpty() ? null : v);
                    }
                });
                String newKey = ex.formValue("_newKey");
                if (newKey != null && !newKey.isBlank()) {
                    changes.put(newKey.trim(), ex.formValue("_newValue"));
                }
                org.updateProfile(id, changes, false, ctx);
            }
            default -> throw OktaApiException.notFound(s[3], "Operation");
        }
        ex.redirect("/admin/users/" + enc(id));
    }

    private void hooksPage(Exchange ex) throws IOException {
        StringBuilder html = new StringBuilder("<p><a href=\"/admin\">All users</a></p><h1>Event hooks</h1><table>")
                .append("<tr><th>Id</th><th>Name</th><th>URI</th><th>Status</th><th>Verification</th><th>Events</th></tr>");
        for (EventHook h : dispatcher.hooks()) {
            html.append("<tr><td>").append(Html.esc(h.id)).append("</td><td>").append(Html.esc(h.name))
                    .append("</td><td>").append(Html.esc(h.uri)).append("</td><td>").append(Html.esc(h.status))
                    .append("</td><td>").append(Html.esc(h.verificationStatus)).append("</td><td>")
                    .append(Html.esc(String.join(", ", h.events))).append("</td></tr>");
        }
        html.append("</table><h2>Last deliveries</h2><table><tr><th>At</th><th>Hook</th><th>Method</th>")
                .append("<th>Events</th><th>Attempt</th><th>Status</th><th>Outcome</th></tr>");
        List<HookDelivery> deliveries = hooks.deliveries();
        for (int i = deliveries.size() - 1; i >= Math.max(0, deliveries.size() - 100); i--) {
            HookDelivery d = deliveries.get(i);
            html.append("<tr><td>").append(Html.esc(d.at())).append("</td><td>").append(Html.esc(d.hookId()))
                    .append("</td><td>").append(Html.esc(d.method())).append("</td><td>")
                    .append(Html.esc(String.join(", ", d.eventTypes()))).append("</td><td>").append(d.attempt())
                    .append("</td><td>").append(d.status()).append("</td><td>").append(Html.esc(d.outcome()))
                    .append("</td></tr>");
        }
        ex.html(200, Html.page("Event hooks", html.append("</table>").toString()));
    }

    private static String button(String action, String label) {
        return "<form class=\"inline\" method=\"post\" action=\"" + action + "\"><button type=\"submit\">"
                + Html.esc(label) + "</button></form> ";
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
