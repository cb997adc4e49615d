package dev.roster.oktasimulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.roster.oktasimulator.internal.Group;
import dev.roster.oktasimulator.internal.Json;
import dev.roster.oktasimulator.internal.OrgEvent;

/**
 * Okta's "provisioning to app" over SCIM 2.0: once {@link #connect connected} to a SCIM base URL and
 * token, the org pushes its app's users and pushed groups with the request shapes Okta sends
 * (shared/reference/scim.md): a {@code userName} look-up then {@code POST /Users} on assignment,
 * {@code GET} then {@code PUT} on a profile change, a pathless {@code PATCH} of {@code active} on
 * deactivation, suspension, unassignment and deletion (Okta never deletes users), and for pushed
 * groups {@code POST /Groups} with no members then one {@code PATCH} per membership change carrying
 * the rename, the removals and the additions. Requests go out one at a time, in order, from one
 * thread, as Okta's provisioning queue does for one app; each is logged.
 */
public final class ScimPush {

    /** One request sent, as Okta's provisioning log would show it. */
    public record Request(String method, String path, String body, int status) {
    }

    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final Org org;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "okta-sim-scim-push");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Request> log = new CopyOnWriteArrayList<>();
    /** Okta user id → the SCIM id the app answered with (Okta's "app user external id"). */
    private final Map<String, String> scimIds = new ConcurrentHashMap<>();
    /** Okta group id → SCIM group id, for pushed groups. */
    private final Map<String, String> pushedGroups = new ConcurrentHashMap<>();
    private volatile String baseUrl;
    private volatile String token;
    private volatile Future<?> last;

    ScimPush(Org org) {
        this.org = org;
    }

    /** Turns provisioning on: the SCIM connector base URL and the bearer token of the app. */
    public void connect(String scimBaseUrl, String bearerToken) {
        this.baseUrl = scimBaseUrl.replaceAll("/+$", "");
        this.token = bearerToken;
    }

    /** What Okta does when "Create Users" is first enabled: every assigned, active user is matched or created. */
    public void pushAssignedUsers() {
        for (OktaUser user : org.users()) {
            if (org.isAssigned(user.id()) && "ACTIVE".equals(user.status())) {
                submit(() -> createOrMatch(user.id()));
            }
        }
    }

    /** "Push Groups": the group is created in the app (empty), then its members are pushed in one PATCH. */
    public void pushGroup(String groupId) {
        submit(() -> {
            Group group = org.group(groupId);
            String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":"
                    + Json.write(group.name) + ",\"members\":[]}";
            HttpResponse<String> created = send("POST", "/Groups", body);
            if (created.statusCode() == 201) {
                pushedGroups.put(groupId, String.valueOf(Json.parseObject(created.body()).get("id")));
                patchGroup(groupId, new ArrayList<>(group.members), List.of());
            }
        });
    }

    /** Waits until every request queued so far has been answered. */
    public boolean awaitIdle(Duration max) {
        Future<?> pending = last;
        if (pending == null) {
            return true;
        }
        try {
            submit(() -> { }).get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public List<Request> requests() {
        return List.copyOf(log);
    }

    /** The SCIM id the app gave a user, or null when the user was never pushed. */
    public String scimId(String oktaUserId) {
        return scimIds.get(oktaUserId);
    }

    void accept(OrgEvent event) {
        if (baseUrl == null) {
            return;
        }
        String userId = event.user() == null ? null : event.user().id();
        switch (event.eventType()) {
            case "application.user_membership.add" -> submit(() -> createOrMatch(userId));
            case "user.account.update_profile" -> submit(() -> update(userId));
            case "user.lifecycle.activate", "user.lifecycle.reactivate", "user.lifecycle.unsuspend" ->
                    submit(() -> setActive(userId, true));
            case "user.lifecycle.deactivate", "user.lifecycle.suspend", "user.lifecycle.delete.initiated",
                    "application.user_membership.remove" -> submit(() -> setActive(userId, false));
            case "group.user_membership.add", "group.user_membership.remove" -> {
                boolean add = event.eventType().endsWith("add");
                submit(() -> patchGroup(event.groupId(), add ? List.of(userId) : List.of(),
                        add ? List.of() : List.of(userId)));
            }
            default -> {
            }
        }
    }

    private void createOrMatch(String userId) {
        OktaUser user = org.user(userId);
        if (user == null || !org.isAssigned(userId)) {
            return;
        }
        if (scimIds.containsKey(userId)) {
            setActive(userId, true);
            return;
        }
        HttpResponse<String> found = send("GET", "/Users?filter=" + URLEncoder.encode("userName eq \"" + user.login()
                + "\"", StandardCharsets.UTF_8).replace("+", "%20") + "&startIndex=1&count=100", null);
        List<?> resources = found.statusCode() == 200
                ? (List<?>) Json.parseObject(found.body()).getOrDefault("Resources", List.of()) : List.of();
        if (!resources.isEmpty()) {
            scimIds.put(userId, String.valueOf(((Map<?, ?>) resources.get(0)).get("id")));
            update(userId);
            return;
        }
        Map<String, Object> body = userBody(user);
        body.put("groups", List.of());
        body.put("password", Map.of("value", "Sim-" + Integer.toHexString(user.id().hashCode()) + "!a1"));
        HttpResponse<String> created = send("POST", "/Users", Json.write(body));
        if (created.statusCode() == 201) {
            scimIds.put(userId, String.valueOf(Json.parseObject(created.body()).get("id")));
        }
    }

    /** Okta's catalog apps read the whole user, then write it back with the changes (echoing id, meta, groups). */
    private void update(String userId) {
        String scimId = scimIds.get(userId);
        OktaUser user = org.user(userId);
        if (scimId == null || user == null) {
            return;
        }
        HttpResponse<String> current = send("GET", "/Users/" + scimId, null);
        if (current.statusCode() != 200) {
            return;
        }
        Map<String, Object> resource = new LinkedHashMap<>(Json.parseObject(current.body()));
        resource.putAll(userBody(user));
        resource.putIfAbsent("groups", List.of());
        send("PUT", "/Users/" + scimId, Json.write(resource));
    }

    private void setActive(String userId, boolean active) {
        String scimId = scimIds.get(userId);
        if (scimId != null) {
            send("PATCH", "/Users/" + scimId, "{\"schemas\":[\"" + PATCH_SCHEMA + "\"],\"Operations\":[{\"op\":"
                    + "\"replace\",\"value\":{\"active\":" + active + "}}]}");
        }
    }

    private void patchGroup(String groupId, List<String> added, List<String> removed) {
        String scimGroupId = pushedGroups.get(groupId);
        Group group = org.group(groupId);
        if (scimGroupId == null || group == null) {
            return;
        }
        List<Object> operations = new ArrayList<>();
        operations.add(Map.of("op", "replace", "value", Map.of("id", scimGroupId, "displayName", group.name)));
        for (String userId : removed) {
            if (scimIds.containsKey(userId)) {
                operations.add(Map.of("op", "remove", "path", "members[value eq \"" + scimIds.get(userId) + "\"]"));
            }
        }
        List<Object> members = new ArrayList<>();
        for (String userId : added) {
            OktaUser user = org.user(userId);
            if (scimIds.containsKey(userId) && user != null) {
                members.add(Map.of("value", scimIds.get(userId), "display", user.login()));
            }
        }
        if (!members.isEmpty()) {
            operations.add(Map.of("op", "add", "path", "members", "value", members));
        }
        send("PATCH", "/Groups/" + scimGroupId, Json.write(Map.of("schemas", List.of(PATCH_SCHEMA),
                "Operations", operations)));
    }

    /** The app's SCIM attributes from the Okta profile, as Okta's SCIM 2.0 template maps them. */
    private static Map<String, Object> userBody(OktaUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(USER_SCHEMA, ENTERPRISE));
        body.put("userName", user.login());
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("givenName", user.profile().string("firstName"));
        name.put("familyName", user.profile().string("lastName"));
        body.put("name", name);
        body.put("emails", List.of(Map.of("primary", true, "value", user.email(), "type", "work")));
        body.put("displayName", user.displayName());
        body.put("locale", "en-US");
        body.put("externalId", user.id());
        body.put("active", "ACTIVE".equals(user.status()));
        if (user.profile().string("title") != null) {
            body.put("title", user.profile().string("title"));
        }
        if (user.profile().string("city") != null) {
            body.put("addresses", List.of(Map.of("type", "work", "locality", user.profile().string("city"))));
        }
        Map<String, Object> enterprise = new LinkedHashMap<>();
        enterprise.put("department", user.profile().string("department"));
        body.put(ENTERPRISE, enterprise);
        return body;
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("User-Agent", "Okta SCIM Client 1.0.0")
                .header("Accept", "application/scim+json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            log.add(new Request(method, path, body, response.statusCode()));
            return response;
        } catch (java.io.IOException e) {
            log.add(new Request(method, path, body, 0));
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Future<?> submit(Runnable task) {
        Future<?> future = queue.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.getLogger(ScimPush.class.getName()).log(System.Logger.Level.WARNING,
                        "SCIM push failed: " + e.getMessage());
            }
        });
        last = future;
        return future;
    }

    void close() {
        queue.shutdownNow();
    }
}
