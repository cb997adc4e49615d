package dev.roster.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running application serves, read from all of its {@link HandlerMapping}s, so
 * that the security sweeps cover an endpoint added tomorrow without being told about it. Each one
 * goes through one of Roster's doors ({@link Door}) or is on the {@link #PUBLIC} list with the reason
 * it may be reached without an account's credentials; anything else is reported as uncovered.
 */
final class Endpoints {

    /** How a caller gets in. */
    enum Door {
        /** {@code /a/{key}/**}: an account's pages, a signed-in session with CSRF. */
        PAGE,
        /** {@code /api/v1/accounts/{key}/**}: an account's API token as a bearer token, no session. */
        API,
        /** {@code /hooks/okta/{key}}: Okta, authenticated by the account's hook secret. */
        HOOK,
        /** {@code /scim/v2/{key}/**}: an IdP's SCIM client, with one of the account's SCIM tokens. */
        SCIM,
        /** Reachable without an account's credentials, for the reason given in {@link #PUBLIC}. */
        PUBLIC
    }

    /** Patterns open to anyone, each with why. A new entry here is a security decision: review it. */
    static final Map<String, String> PUBLIC = Map.ofEntries(
            Map.entry("/", "the front door: picks an account by key, shows no account data"),
            Map.entry("/sign-in", "redirects to the front door"),
            Map.entry("/a/{key}/sign-in", "an account's sign-in form: its name only, like any login page"),
            Map.entry("/sso/okta/{key}/start", "starts Okta sign-in (Okta's initiate-login URI), signed out by design"),
            Map.entry("/sso/okta/{key}/problem", "the page a failed Okta sign-in lands on"),
            Map.entry("/sso/problem", "the page a failed Okta sign-in lands on when the account is unknown"),
            Map.entry("/sso/okta/{key}/signed-out", "Okta's post-logout redirect URI"),
            Map.entry("/invitations/{token}", "an invitation's accept page: the single-use token is the credential"),
            Map.entry("/invitations/{token}/okta", "an invitation's way to Okta sign-in: the token is the credential,"
                    + " and it only redirects to /sso/okta/{key}/start (spends nothing)"),
            Map.entry("/error", "Spring's error page"),
            Map.entry("/actuator", "actuator links: names of the endpoints below, no data"),
            Map.entry("/actuator/health", "load balancer probe"),
            Map.entry("/actuator/health/**", "load balancer probes"),
            Map.entry("/actuator/info", "build info"),
            Map.entry("/actuator/prometheus", "metrics scrape; to be exposed on the internal network only (README)"),
            Map.entry("/**", "static files (css, js)"),
            Map.entry("/webjars/**", "static files from webjars"));

    private static final List<HttpMethod> ANY_METHOD = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    /** One method on one path pattern. */
    record Endpoint(HttpMethod method, String pattern) implements Comparable<Endpoint> {

        Door door() {
            if (PUBLIC.containsKey(pattern)) {
                return Door.PUBLIC;
            }
            if (pattern.startsWith("/a/{key}/")) {
                return Door.PAGE;
            }
            if (pattern.startsWith("/api/v1/accounts/{key}/")) {
                return Door.API;
            }
            if (pattern.equals("/hooks/okta/{key}")) {
                return Door.HOOK;
            }
            if (pattern.startsWith("/scim/v2/{key}/")) {
                return Door.SCIM;
            }
            return null;
        }

        boolean changesState() {
            return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        }

        Set<String> variables() {
            Set<String> names = new TreeSet<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** Whether the path names a record inside the account (a person, a team, a run…), not only the account. */
        boolean namesARecord() {
            return variables().stream().anyMatch(v -> !v.equals("key"));
        }

        /** The path with each {@code {variable}} replaced; a variable without a value fails loudly. */
        String expand(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new AssertionError(this + ": the sweep has no value for {" + m.group(1) + "}; add one");
                }
                m.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            return m.appendTail(path).toString();
        }

        @Override
        public int compareTo(Endpoint other) {
            int byPattern = pattern.compareTo(other.pattern);
            return byPattern != 0 ? byPattern : method.name().compareTo(other.method.name());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Endpoints() {
    }

    /** Every endpoint of every handler mapping in the context; a mapping of a kind not understood here fails. */
    static List<Endpoint> discover(ApplicationContext context) {
        Set<Endpoint> found = new TreeSet<>();
        for (Map.Entry<String, HandlerMapping> bean : context.getBeansOfType(HandlerMapping.class).entrySet()) {
            HandlerMapping mapping = bean.getValue();
            if (mapping instanceof RequestMappingInfoHandlerMapping infos) {
                for (RequestMappingInfo info : infos.getHandlerMethods().keySet()) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    List<HttpMethod> httpMethods = methods.isEmpty() ? ANY_METHOD
                            : methods.stream().map(RequestMethod::asHttpMethod).toList();
                    for (String pattern : info.getPatternValues()) {
                        httpMethods.forEach(m -> found.add(new Endpoint(m, pattern)));
                    }
                }
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                urls.getHandlerMap().keySet().forEach(p -> found.add(new Endpoint(HttpMethod.GET, p)));
                if (urls.getRootHandler() != null) {
                    found.add(new Endpoint(HttpMethod.GET, "/"));
                }
            } else if (mapping instanceof RouterFunctionMapping functions) {
                if (functions.getRouterFunction() != null) {
                    throw new AssertionError("Functional routes (" + bean.getKey() + ") are not enumerated by the"
                            + " security sweeps; teach Endpoints.discover to list them");
                }
            } else {
                throw new AssertionError("Handler mapping " + bean.getKey() + " (" + mapping.getClass().getName()
                        + ") is not enumerated by the security sweeps; teach Endpoints.discover to list it");
            }
        }
        return new ArrayList<>(found);
    }

    static List<Endpoint> through(List<Endpoint> endpoints, Door door) {
        return endpoints.stream().filter(e -> e.door() == door).toList();
    }
}
