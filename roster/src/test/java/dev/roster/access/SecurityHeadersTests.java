package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.roster.access.Endpoints.Door;
import dev.roster.access.Endpoints.Endpoint;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts;

/**
 * The headers of every page, over real HTTP: a Content-Security-Policy that allows no inline script or
 * style and no framing, nosniff and a Referrer-Policy everywhere; HSTS and {@code Secure} cookies when the
 * request came over TLS to a proxy in front of Roster ({@code X-Forwarded-Proto: https}), and neither over
 * plain HTTP, where a browser would drop a {@code Secure} session cookie.
 */
class SecurityHeadersTests extends LiveServerTest {

    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).rateLimits(false).build());

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    ApplicationContext context;

    @Test
    void everyPageWhenPlainHttpThenStrictHeadersAndNoHsts() throws Exception {
        everyPage(false);
    }

    @Test
    void everyPageWhenTlsAtTheProxyThenStrictHeadersAndHsts() throws Exception {
        everyPage(true);
    }

    @Test
    void sessionCookieWhenPlainHttpThenHttpOnlyLaxAndNotSecure() throws Exception {
        SweptAccount account = SweptAccount.create(context, okta.simulator());
        List<String> cookies = signIn(account, false).setCookies();
        assertThat(cookies).as("cookies set at sign-in").isNotEmpty().allSatisfy(cookie -> {
            assertThat(attributes(cookie)).as(cookie).containsKey("httponly").containsEntry("samesite", "lax")
                    .doesNotContainKey("secure");
        });
    }

    @Test
    void sessionCookieWhenTlsAtTheProxyThenHttpOnlyLaxAndSecure() throws Exception {
        SweptAccount account = SweptAccount.create(context, okta.simulator());
        List<String> cookies = signIn(account, true).setCookies();
        assertThat(cookies).as("cookies set at sign-in").isNotEmpty().allSatisfy(cookie -> {
            assertThat(attributes(cookie)).as(cookie).containsKey("httponly").containsEntry("samesite", "lax")
                    .containsKey("secure");
        });
    }

    private void everyPage(boolean tls) throws Exception {
        SweptAccount account = SweptAccount.create(context, okta.simulator());
        String cookie = signIn(account, tls).cookie();
        Map<String, String> variables = new HashMap<>(account.variables());
        variables.put("token", "no-such-invitation");
        List<String> paths = new ArrayList<>(List.of("/a/" + account.key() + "/no-such-page",
                "/a/no-such-account/people"));
        for (Endpoint e : Endpoints.discover(context)) {
            if ((e.door() == Door.PAGE || e.door() == Door.PUBLIC) && !e.changesState() && !e.pattern().contains("*")) {
                paths.add(e.expand(variables));
            }
        }
        SoftAssertions softly = new SoftAssertions();
        int pages = 0;
        for (String path : paths) {
            HttpResponse<String> response = get(path, cookie, tls);
            String type = response.headers().firstValue("Content-Type").orElse("");
            softly.assertThat(response.headers().firstValue("X-Content-Type-Options")).as("nosniff on %s", path)
                    .contains("nosniff");
            Map<String, String> csp = csp(response.headers().firstValue("Content-Security-Policy").orElse(""));
            if (type.startsWith("text/html")) {
                pages++;
                softly.assertThat(csp).as("CSP of %s", path).isNotEmpty();
                for (String directive : List.of("script-src", "style-src")) {
                    String sources = csp.getOrDefault(directive, csp.get("default-src"));
                    softly.assertThat(sources).as("%s of %s", directive, path).isNotNull()
                            .doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'").doesNotContain("*");
                }
                softly.assertThat(csp.get("object-src")).as("object-src of %s", path).isEqualTo("'none'");
                boolean framingDenied = "'none'".equals(csp.get("frame-ancestors"))
                        || "DENY".equals(response.headers().firstValue("X-Frame-Options").orElse(""));
                softly.assertThat(framingDenied).as("no framing of %s", path).isTrue();
                softly.assertThat(response.headers().firstValue("Referrer-Policy").orElse(""))
                        .as("Referrer-Policy of %s", path)
                        .isIn("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");
            }
            String hsts = response.headers().firstValue("Strict-Transport-Security").orElse(null);
            if (tls) {
                softly.assertThat(hsts).as("HSTS on %s behind TLS", path).isNotNull();
                if (hsts != null) {
                    softly.assertThat(maxAge(hsts)).as("HSTS max-age on %s", path).isGreaterThanOrEqualTo(15_552_000);
                }
            } else {
                softly.assertThat(hsts).as("HSTS on %s over plain HTTP", path).isNull();
            }
        }
        softly.assertAll();
        assertThat(pages).as("HTML pages checked").isGreaterThan(12);
    }

    private record SignedIn(String cookie, List<String> setCookies) {
    }

    /** Signs the owner in through the form, as a browser does; the proxy's TLS is announced by a header. */
    private SignedIn signIn(SweptAccount account, boolean tls) throws Exception {
        HttpResponse<String> page = get("/a/" + account.key() + "/sign-in", null, tls);
        List<String> setCookies = new ArrayList<>(page.headers().allValues("Set-Cookie"));
        String cookie = cookieHeader(setCookies);
        String token = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
        String form = Map.of("account", account.key(), "email", account.account().owner().person().email(),
                        "password", TestAccounts.PASSWORD, "_csrf", token).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder post = request("/sign-in", cookie, tls).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        HttpResponse<String> signedIn = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).as("signed in").hasValueSatisfying(
                l -> assertThat(l).endsWith("/a/" + account.key() + "/people"));
        setCookies.addAll(signedIn.headers().allValues("Set-Cookie"));
        return new SignedIn(cookieHeader(setCookies), setCookies);
    }

    private HttpResponse<String> get(String path, String cookie, boolean tls) throws IOException, InterruptedException {
        return http.send(request(path, cookie, tls).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String cookie, boolean tls) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (cookie != null && !cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return tls ? request.header("X-Forwarded-Proto", "https") : request;
    }

    /** The Cookie header a browser would send back: the latest value of each cookie. */
    private static String cookieHeader(List<String> setCookies) {
        Map<String, String> latest = new HashMap<>();
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            latest.put(pair.substring(0, pair.indexOf('=')), pair);
        }
        return String.join("; ", latest.values());
    }

    /** A Set-Cookie header's attributes, names in lower case; flags map to "". */
    private static Map<String, String> attributes(String setCookie) {
        Map<String, String> attributes = new HashMap<>();
        Arrays.stream(setCookie.split(";")).skip(1).map(String::trim).forEach(a -> {
            String[] parts = a.split("=", 2);
            attributes.put(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "");
        });
        return attributes;
    }

    private static Map<String, String> csp(String header) {
        Map<String, String> directives = new HashMap<>();
        for (String directive : header.split(";")) {
            String[] parts = directive.trim().split("\\s+", 2);
            if (!parts[0].isEmpty()) {
                directives.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return directives;
    }

    private static long maxAge(String hsts) {
        return Arrays.stream(hsts.split(";")).map(String::trim).filter(p -> p.startsWith("max-age="))
                .mapToLong(p -> Long.parseLong(p.substring("max-age=".length()))).findFirst().orElse(0);
    }
}
