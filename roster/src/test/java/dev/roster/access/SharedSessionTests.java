package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.roster.RosterApplication;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.DatabaseTier;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;
import dev.roster.support.TestDatabase;
import dev.roster.sso.internal.AccountRegistrations;

/**
 * Two Roster instances on one database, as behind a load balancer: a person signed in on one (with
 * a password, or through Okta) is still signed in when the next request lands on the other, because
 * sessions live in the database (Spring Session JDBC, V7) and everything in them is serializable.
 */
@Tag("integration")
@ExtendWith(DatabaseTier.class)
class SharedSessionTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static OktaSimulator sim;

    @BeforeAll
    static void startTwoInstances() {
        Map<String, Object> database = TestDatabase.shared();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        first = start("a", database, Base64.getEncoder().encodeToString(key));
        second = start("b", database, Base64.getEncoder().encodeToString(key));
        sim = OktaSimulator.start(SimulatorOptions.builder().port(0).users(5).rateLimits(false).autoLogin(true).build());
    }

    private static ConfigurableApplicationContext start(String name, Map<String, Object> database, String secretsKey) {
        Map<String, Object> properties = new LinkedHashMap<>(database);
        properties.put("server.port", "0");
        properties.put("roster.secrets.key", secretsKey);
        properties.put("db-scheduler.scheduler-name", "sessions-" + name);
        properties.put("spring.main.banner-mode", "off");
        // as arguments: they must win over application.yml, which default properties would not
        return new SpringApplicationBuilder(RosterApplication.class).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void signInWhenNextRequestLandsOnTheOtherInstanceThenStillSignedInAndSignOutEndsItEverywhere() throws Exception {
        TestAccount acme = first.getAutowireCapableBeanFactory().createBean(TestAccounts.class).create();
        Browser browser = new Browser();
        String csrf = browser.csrf(browser.get(first, acme.page("/sign-in")));
        HttpResponse<String> signedIn = browser.post(first, "/sign-in", Map.of("account", acme.key(),
                "email", acme.owner().person().email(), "password", TestAccounts.PASSWORD, "_csrf", csrf));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith(acme.page("/people"));
        assertThat(sessionsStored()).isPositive();

        HttpResponse<String> people = browser.get(second, acme.page("/people"));
        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(people.body()).contains(acme.owner().person().email());

        HttpResponse<String> signedOut = browser.post(second, "/sign-out", Map.of("_csrf", browser.csrf(people)));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        HttpResponse<String> afterSignOut = browser.get(first, acme.page("/people"));
        assertThat(afterSignOut.statusCode()).isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location").orElseThrow()).contains(acme.page("/sign-in"));
    }

    /**
     * The authorization request (state, nonce, PKCE verifier) is stored on the instance that
     * started the sign-in and read back by the one that takes Okta's answer.
     */
    @Test
    void ssoWhenOktaAnswersToTheOtherInstanceThenSignedInOnBoth() throws Exception {
        TestAccount acme = first.getAutowireCapableBeanFactory().createBean(TestAccounts.class).create();
        OktaFixture.connect(first.getBean(OktaConnections.class), acme.id(), sim);
        String login = sim.org().users().get(1).login();
        Browser browser = new Browser();

        HttpResponse<String> start = browser.get(first, "/sso/okta/" + acme.key() + "/start?login_hint="
                + URLEncoder.encode(login, StandardCharsets.UTF_8));
        HttpResponse<String> toOkta = browser.get(first, location(start).toString());
        URI authorize = location(toOkta);
        assertThat(authorize.toString()).startsWith(sim.orgUrl());
        URI callback = location(HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/" + acme.key());

        HttpResponse<String> answered = browser.get(second, callback.getRawPath() + "?" + callback.getRawQuery());
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(answered.headers().firstValue("Location").orElseThrow()).endsWith(acme.page("/people"));

        HttpResponse<String> people = browser.get(first, acme.page("/people"));
        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(people.body()).contains(sim.org().users().get(1).email());
    }

    /** Settings are read from the database at each sign-in: a change saved on one instance counts on the other at once. */
    @Test
    void ssoWhenSwitchedOffOnOneInstanceThenTheOtherStopsOfferingItAtOnce() {
        TestAccount acme = first.getAutowireCapableBeanFactory().createBean(TestAccounts.class).create();
        OktaConnections onFirst = first.getBean(OktaConnections.class);
        OktaFixture.connect(onFirst, acme.id(), sim);
        AccountRegistrations onSecond = second.getBean(AccountRegistrations.class);
        assertThat(onSecond.lookup(acme.key())).isInstanceOf(AccountRegistrations.Lookup.Ready.class);

        onFirst.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId()).ssoEnabled(false).build());

        assertThat(onSecond.lookup(acme.key())).isInstanceOf(AccountRegistrations.Lookup.NotEnabled.class);
        assertThat(onSecond.findByRegistrationId(acme.key())).isNull();
    }

    private static long sessionsStored() {
        return first.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single();
    }

    private static URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return URI.create(location);
    }

    /** One browser: its cookies go to whichever instance a request is sent to, as behind a load balancer. */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws IOException,
                InterruptedException {
            return send(HttpRequest.newBuilder(url(instance, path)).GET());
        }

        HttpResponse<String> post(ConfigurableApplicationContext instance, String path, Map<String, String> form)
                throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(url(instance, path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        String csrf(HttpResponse<String> page) {
            Matcher m = CSRF.matcher(page.body());
            assertThat(m.find()).as("a CSRF field in %s", page.uri()).isTrue();
            return m.group(1);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        private static URI url(ConfigurableApplicationContext instance, String pathOrUrl) {
            if (pathOrUrl.startsWith("http")) {
                URI given = URI.create(pathOrUrl);
                pathOrUrl = given.getRawPath() + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery());
            }
            return URI.create("http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port")
                    + pathOrUrl);
        }
    }
}
