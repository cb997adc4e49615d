package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.internal.AppAssignment;
import dev.roster.oktasimulator.internal.EventHook;
import dev.roster.oktasimulator.internal.Group;
import dev.roster.oktasimulator.internal.JsonBytes;
import dev.roster.oktasimulator.internal.OidcApp;
import dev.roster.oktasimulator.internal.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders Okta's JSON: users and app users straight into bytes (list pages), groups, apps and hooks as maps. */
public final class UserJson {
    private final String orgUrl;
    private final String userTypeId;

    /** Pre-encoded fragments: every list page repeats them hundreds of times. */
    private final byte[] typeAndProfile;
    private final byte[] selfLinkPrefix;
    private final byte[] appLinkPrefix;
    private final byte[] userLinkPrefix;

    public UserJson(String orgUrl, String userTypeId) {
        this.orgUrl = orgUrl;
        this.userTypeId = userTypeId;
        this.typeAndProfile = ascii(",\"type\":{\"id\":\"" + userTypeId + "\"},\"profile\":");
        this.selfLinkPrefix = ascii("\"provider\":{\"type\":\"OKTA\",\"name\":\"OKTA\"}},\"_links\":{\"self\":{\"href\":\""
                + orgUrl + "/api/v1/users/");
        this.appLinkPrefix = ascii("},\"profile\":{},\"_links\":{\"app\":{\"href\":\"" + orgUrl + "/api/v1/apps/");
        this.userLinkPrefix = ascii("\"},\"user\":{\"href\":\"" + orgUrl + "/api/v1/users/");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public String user(OktaUser user) {
        JsonBytes out = new JsonBytes(1500);
        user(out, user);
        return out.toString();
    }

    public void user(JsonBytes out, OktaUser u) {
        out.raw("{\"id\":\"").raw(u.id()).raw("\",\"status\":\"").raw(u.status()).raw('"');
        time(out, "created", u.createdMillis());
        time(out, "activated", u.activatedMillis());
        time(out, "statusChanged", u.statusChangedMillis());
        time(out, "lastLogin", u.lastLoginMillis());
        time(out, "lastUpdated", u.lastUpdatedMillis());
        time(out, "passwordChanged", u.passwordChangedMillis());
        out.bytes(typeAndProfile);
        u.profile().writeJson(out);
        out.raw(",\"credentials\":{");
        if (u.passwordChangedMillis() != 0) {
            out.raw("\"password\":{},");
        }
        out.bytes(selfLinkPrefix).raw(u.id()).raw("\"}}}");
    }

    public void appUser(JsonBytes out, OidcApp app, OktaUser u, AppAssignment a, boolean expand) {
        out.raw("{\"id\":\"").raw(u.id()).raw("\",\"externalId\":null");
        time(out, "created", a.created());
        time(out, "lastUpdated", Math.max(a.lastUpdated(), u.lastUpdatedMillis()));
        out.raw(",\"scope\":\"").raw(a.scope()).raw("\",\"status\":\"").raw(appUserStatus(u)).raw('"');
        time(out, "statusChanged", Math.max(a.created(), u.statusChangedMillis()));
        time(out, "passwordChanged", 0);
        out.raw(",\"syncState\":\"DISABLED\",\"credentials\":{\"userName\":").string(u.login())
                .bytes(appLinkPrefix).raw(app.id).bytes(userLinkPrefix).raw(u.id()).raw("\"}}");
        if (expand) {
            out.raw(",\"_embedded\":{\"user\":");
            user(out, u);
            out.raw('}');
        }
        out.raw('}');
    }

    /** App-user status follows the user: ACTIVE users are ACTIVE in the app, the others INACTIVE (see README). */
    static String appUserStatus(OktaUser u) {
        return "ACTIVE".equals(u.status()) ? "ACTIVE" : "INACTIVE";
    }

    public Map<String, Object> group(Group g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id);
        m.put("created", Timestamps.format(g.created));
        m.put("lastUpdated", Timestamps.format(g.lastUpdated));
        m.put("lastMembershipUpdated", Timestamps.format(g.lastMembershipUpdated));
        m.put("objectClass", List.of("okta:user_group"));
        m.put("type", g.type);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", g.name);
        profile.put("description", g.description);
        m.put("profile", profile);
        m.put("_links", Map.of("users", Map.of("href", orgUrl + "/api/v1/groups/" + g.id + "/users")));
        return m;
    }

    public Map<String, Object> app(OidcApp app) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", app.id);
        m.put("name", "oidc_client");
        m.put("label", app.label);
        m.put("status", "ACTIVE");
        m.put("created", Timestamps.format(app.created));
        m.put("lastUpdated", Timestamps.format(app.created));
        m.put("signOnMode", "OPENID_CONNECT");
        m.put("credentials", Map.of("oauthClient", Map.of("client_id", app.id, "autoKeyRotation", true,
                "token_endpoint_auth_method", "client_secret_basic")));
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("redirect_uris", List.copyOf(app.redirectUris));
        client.put("post_logout_redirect_uris", List.copyOf(app.postLogoutRedirectUris));
        client.put("response_types", List.of("code"));
        client.put("grant_types", List.of("authorization_code"));
        client.put("application_type", "web");
        m.put("settings", Map.of("oauthClient", client));
        m.put("_links", Map.of("users", Map.of("href", orgUrl + "/api/v1/apps/" + app.id + "/users"),
                "groups", Map.of("href", orgUrl + "/api/v1/apps/" + app.id + "/groups")));
        return m;
    }

    public Map<String, Object> hook(EventHook h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id);
        m.put("status", h.status);
        m.put("verificationStatus", h.verificationStatus);
        m.put("name", h.name);
        m.put("created", Timestamps.format(h.created));
        m.put("lastUpdated", Timestamps.format(h.lastUpdated));
        m.put("events", Map.of("type", "EVENT_TYPE", "items", h.events));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("uri", h.uri);
        config.put("headers", h.headers.stream().map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList());
        // Okta never returns the secret value once stored.
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("type", "HEADER");
        auth.put("key", h.authKey);
        config.put("authScheme", h.authKey == null ? null : auth);
        m.put("channel", Map.of("type", "HTTP", "version", "1.0.0", "config", config));
        m.put("_links", Map.of("self", Map.of("href", orgUrl + "/api/v1/eventHooks/" + h.id),
                "verify", Map.of("href", orgUrl + "/api/v1/eventHooks/" + h.id + "/lifecycle/verify",
                        "hints", Map.of("allow", List.of("POST")))));
        return m;
    }

    private static void time(JsonBytes out, String name, long millis) {
        out.raw(",\"").raw(name).raw("\":").timestamp(millis);
    }
}
