package dev.roster.oktasimulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.roster.oktasimulator.admin.AdminPage;
import dev.roster.oktasimulator.admin.SimEndpoints;
import dev.roster.oktasimulator.api.ApiAuth;
import dev.roster.oktasimulator.api.ManagementApi;
import dev.roster.oktasimulator.api.RateLimiter;
import dev.roster.oktasimulator.api.UserJson;
import dev.roster.oktasimulator.gen.OrgGenerator;
import dev.roster.oktasimulator.hooks.HookDispatcher;
import dev.roster.oktasimulator.hooks.SystemLogEvents;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Group;
import dev.roster.oktasimulator.internal.Ids;
import dev.roster.oktasimulator.internal.Json;
import dev.roster.oktasimulator.internal.OidcApp;
import dev.roster.oktasimulator.oidc.AuthorizationServer;
import dev.roster.oktasimulator.oidc.KeyRing;
import dev.roster.oktasimulator.oidc.OidcProvider;
import dev.roster.oktasimulator.oidc.TokenEndpoint;
import dev.roster.oktasimulator.oidc.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Okta org: Management API, OIDC provider (org and "default" authorization servers), event hooks,
 * rate limits, faults and an admin page, on the JDK's HTTP server. Start with {@link #start}, stop with
 * {@link #close}.
 */
public final class OktaSimulator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OktaSimulator.class.getName());

    static {
        // The JDK server leaves Nagle on; with the client's delayed ACKs every small answer then waits ~40 ms.
        // Read once when the server classes load, so it must be set before the first HttpServer.create.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String orgUrl;
    private final String apiToken;
    private final String clientSecret;
    private final String password;
    private final Org org;
    private final Hooks hooks;
    /** Provisioning to the app over SCIM; idle until connected. Set right after the org it listens to. */
    private volatile ScimPush scim;
    private final HookDispatcher dispatcher;
    private final Faults faults;
    private final KeyRing orgKeys;
    private final KeyRing defaultKeys;
    private final ManagementApi api;
    private final OidcProvider oidc;
    private final AdminPage admin;
    private final SimEndpoints sim;

    private OktaSimulator(SimulatorOptions o) throws IOException {
        Random seeded = new Random(o.seed);
        Clock clock = Clock.systemUTC();
        String appId = o.clientId != null ? o.clientId : Ids.okta("0oa", seeded);
        clientSecret = o.clientSecret != null ? o.clientSecret : Ids.chars(seeded, 40);
        apiToken = o.apiToken != null ? o.apiToken : "00" + Ids.chars(seeded, 40);
        password = o.password != null ? o.password : Ids.chars(seeded, 16);
        String orgId = Ids.okta("00o", seeded);
        String adminId = Ids.okta("00u", seeded);

        executor = Executors.newCachedThreadPool(threads("okta-sim-http"));
        server = HttpServer.create(new InetSocketAddress(o.host, o.port), 256);
        server.setExecutor(executor);
        orgUrl = o.publicUrl != null ? stripSlash(o.publicUrl)
                : "http://" + o.host + ":" + server.getAddress().getPort();

        OidcApp app = new OidcApp(appId, o.appLabel, clientSecret, clock.millis());
        faults = new Faults(o.seed);
        SystemLogEvents events = new SystemLogEvents(app, adminId, "admin@" + o.domain, o.seed);
        dispatcher = new HookDispatcher(events, faults, orgUrl, o.hookBatchWindow, o.hookTimeout);
        hooks = new Hooks(dispatcher);
        org = new Org(app, orgId, clock, event -> {
            dispatcher.accept(event);
            ScimPush push = scim;
            if (push != null) {
                push.accept(event);
            }
        });
        scim = new ScimPush(org);
        o.redirectUris.forEach(org::addRedirectUri);
        o.postLogoutRedirectUris.forEach(org::addPostLogoutRedirectUri);
        populate(o, clock, seeded);

        orgKeys = new KeyRing(clock, o.keyRetention.toMillis());
        defaultKeys = new KeyRing(clock, o.keyRetention.toMillis());
        TokenStore tokens = new TokenStore(clock);
        RateLimiter limiter = new RateLimiter(o.rateLimitOverrides, o.rateLimits, o.concurrencyLimit, o.clientShare,
                faults, clock);
        UserJson json = new UserJson(orgUrl, Ids.okta("oty", seeded));
        api = new ManagementApi(org, hooks, dispatcher, new ApiAuth(apiToken, tokens, orgUrl), limiter, faults, json,
                orgUrl);
        AuthorizationServer orgServer = new AuthorizationServer(orgUrl, orgUrl + "/oauth2", orgUrl, orgKeys, true);
        AuthorizationServer defaultServer = new AuthorizationServer(orgUrl + "/oauth2/default",
                orgUrl + "/oauth2/default", "api://default", defaultKeys, false);
        oidc = new OidcProvider(org, orgServer, defaultServer, new TokenEndpoint(org, tokens, clock, clientSecret),
                tokens, limiter, clock, password, o.autoLogin, o.requirePkce, o.codeLifetime.toMillis());
        admin = new AdminPage(org, hooks, dispatcher);
        sim = new SimEndpoints(this);
        server.createContext("/", this::handle);
    }

    /** Starts a simulator; it is ready to serve when this returns. */
    public static OktaSimulator start(SimulatorOptions options) {
        try {
            OktaSimulator simulator = new OktaSimulator(options);
            simulator.server.start();
            LOG.log(System.Logger.Level.INFO, "Okta simulator ready at {0} ({1} users)", simulator.orgUrl,
                    simulator.org.size());
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OktaSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    private void populate(SimulatorOptions o, Clock clock, Random seeded) {
        org.createGroup("Everyone", "All users in your organization", "BUILT_IN", Ids.okta("00g", seeded));
        Map<String, Group> departments = new HashMap<>();
        for (String department : OrgGenerator.departments()) {
            departments.put(department, org.createGroup(department, department + " department", "OKTA_GROUP",
                    Ids.okta("00g", seeded)));
        }
        List<OktaUser> generated = new OrgGenerator(o.seed, o.domain, orgUrl, o.managerRef, o.inactiveShare)
                .generate(o.users, clock.millis());
        Random assignment = new Random(o.seed ^ 0x5DEECE66DL);
        org.load(generated, u -> o.assignedShare >= 1.0 || assignment.nextDouble() < o.assignedShare);
        Map<String, List<String>> members = new HashMap<>();
        for (OktaUser u : generated) {
            members.computeIfAbsent(u.profile().string("department"), k -> new ArrayList<>()).add(u.id());
        }
        members.forEach((department, ids) -> org.loadGroupMembers(departments.get(department).id, ids));
    }

    private void handle(HttpExchange http) {
        Exchange ex = new Exchange(http);
        try {
            String path = ex.path();
            if (path.startsWith("/api/v1/")) {
                api.handle(ex);
            } else if (path.startsWith("/admin")) {
                admin.handle(ex);
            } else if (path.startsWith("/sim/")) {
                sim.handle(ex);
            } else if ("/".equals(path)) {
                ex.redirect(orgUrl + "/admin");
            } else if (!oidc.handle(ex)) {
                ex.error(new OktaApiException(404, "E0000022", "The endpoint does not support the provided HTTP method"));
            }
        } catch (OktaApiException e) {
            respond(ex, e);
        } catch (Exception | Error e) {
            LOG.log(System.Logger.Level.WARNING, "request " + ex.method() + " " + ex.path() + " failed", e);
            respond(ex, new OktaApiException(500, "E0000009", "Internal Server Error"));
        } finally {
            http.close();
        }
    }

    private static void respond(Exchange ex, OktaApiException e) {
        if (ex.answered()) {
            return;
        }
        try {
            ex.error(e);
        } catch (IOException ignored) {
            // The client went away; nothing to tell it.
        }
    }

    public String orgUrl() {
        return orgUrl;
    }

    /** The org authorization server's issuer (= orgUrl). */
    public String issuer() {
        return orgUrl;
    }

    /** The custom "default" authorization server's issuer. */
    public String defaultIssuer() {
        return orgUrl + "/oauth2/default";
    }

    public String apiToken() {
        return apiToken;
    }

    public String clientId() {
        return org.app().id;
    }

    public String appId() {
        return org.app().id;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String password() {
        return password;
    }

    public String adminUrl() {
        return orgUrl + "/admin";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Okta's provisioning to the app over SCIM (connect it to a SCIM base URL and token first). */
    public ScimPush scim() {
        return scim;
    }

    public Org org() {
        return org;
    }

    public Hooks hooks() {
        return hooks;
    }

    public Faults faults() {
        return faults;
    }

    /**
     * Management API requests received so far in one of Okta's rate-limit buckets: {@code users.get}
     * ({@code GET /api/v1/users/{id}}), {@code users.list} (list and search), {@code users.write}, {@code apps},
     * {@code groups}, {@code eventHooks}, {@code other}.
     */
    public long apiCalls(String bucket) {
        return api.calls(bucket);
    }

    /** Rotates the signing keys of both authorization servers; old keys stay published for the retention time. */
    public void rotateSigningKey() {
        orgKeys.rotate();
        defaultKeys.rotate();
    }

    /** The key ids now published by the org authorization server, current first. */
    public String currentKeyId() {
        return orgKeys.current().getKeyID();
    }

    /** The JSON line the standalone jar prints when ready. */
    public String connectionJson() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("orgUrl", orgUrl);
        info.put("apiToken", apiToken);
        info.put("clientId", clientId());
        info.put("clientSecret", clientSecret);
        info.put("appId", appId());
        info.put("password", password);
        info.put("adminUrl", adminUrl());
        info.put("issuer", issuer());
        return Json.write(info);
    }

    @Override
    public void close() {
        server.stop(0);
        dispatcher.close();
        scim.close();
        executor.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
