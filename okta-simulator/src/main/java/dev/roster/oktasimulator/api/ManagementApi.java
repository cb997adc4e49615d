package dev.roster.oktasimulator.api;

import dev.roster.oktasimulator.Faults;
import dev.roster.oktasimulator.Hooks;
import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.hooks.HookDispatcher;
import dev.roster.oktasimulator.internal.Exchange;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Okta's Management API (/api/v1/...): request id, rate-limit headers and limits, faults and authentication
 * here; the resources (users, apps, groups, event hooks) in their own classes.
 */
public final class ManagementApi {
    private final ApiAuth auth;
    private final RateLimiter limiter;
    private final Faults faults;
    private final UsersResource users;
    private final AppsResource apps;
    private final GroupsResource groups;
    private final EventHooksResource eventHooks;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    public ManagementApi(Org org, Hooks hooks, HookDispatcher dispatcher, ApiAuth auth, RateLimiter limiter,
            Faults faults, UserJson json, String orgUrl) {
        this.auth = auth;
        this.limiter = limiter;
        this.faults = faults;
        this.users = new UsersResource(org, auth, json, orgUrl);
        this.apps = new AppsResource(org, auth, json, orgUrl);
        this.groups = new GroupsResource(org, auth, json, orgUrl);
        this.eventHooks = new EventHooksResource(hooks, dispatcher, auth, json);
    }

    public void handle(Exchange ex) throws IOException {
        ex.setHeader("X-Okta-Request-Id", dev.roster.oktasimulator.internal.Ids.secret(27));
        String[] s = ex.segments();
        String bucket = bucket(ex.method(), s);
        calls.computeIfAbsent(bucket, b -> new LongAdder()).increment();
        RateLimiter.Decision decision = limiter.take(bucket, auth.credential(ex));
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

    /**
     * Management API requests received so far in a rate-limit bucket ({@code users.get}, {@code users.list},
     * {@code apps}, …), whatever they were answered: what a client costs against Okta's limits.
     */
    public long calls(String bucket) {
        LongAdder adder = calls.get(bucket);
        return adder == null ? 0 : adder.sum();
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
            case "users" -> users.handle(ex, s, m, n, scopes);
            case "apps" -> apps.handle(ex, s, m, n, scopes);
            case "groups" -> groups.handle(ex, s, m, n, scopes);
            case "eventHooks" -> eventHooks.handle(ex, s, m, n, scopes);
            default -> throw Paging.notFoundPath(ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
