package dev.roster.okta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;

import dev.roster.okta.AppUserPage;
import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaClientProperties;
import dev.roster.okta.OktaConnection;
import dev.roster.secrets.Secret;
import tools.jackson.databind.json.JsonMapper;

/** The client's behaviour on Okta's rate limits and failures, against a scripted local server. */
class RestOktaApiTests {

    private record Reply(int status, String body, String remaining, long reset) {
    }

    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> seenAuthorization = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private HttpServer server;
    private String orgUrl;

    // The rate-limit books live in the database: an in-memory H2 with Roster's migrations.
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:okta-client-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seenAuthorization.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Reply reply = script.isEmpty() ? new Reply(200, "[]", "99", 0) : script.poll();
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Rate-Limit-Limit", "100");
            exchange.getResponseHeaders().add("X-Rate-Limit-Remaining", reply.remaining());
            exchange.getResponseHeaders().add("X-Rate-Limit-Reset",
                    String.valueOf(reply.reset() == 0 ? Instant.now().getEpochSecond() + 30 : reply.reset()));
            if (exchange.getRequestURI().toString().contains("/users?limit") && reply.status() == 200) {
                exchange.getResponseHeaders().add("Link", "<" + orgUrl + "/api/v1/apps/0oa1/users?after=00u2&limit=2>; rel=\"next\"");
            }
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        orgUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RestOktaApi api(double share) {
        OktaClientProperties properties = new OktaClientProperties(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                Duration.ofMillis(100), Duration.ofSeconds(1), 3, Duration.ofSeconds(65));
        OktaConnection connection = new OktaConnection(UUID.randomUUID(), orgUrl, "org", "0oa1", null,
                Secret.of("token-123"), null, Secret.of("hook"), "Authorization", false, true, false, false, false,
                BigDecimal.valueOf(share), LocalTime.of(3, 0), 20, 500, Instant.now());
        Sleeper recording = sleeps::add;
        jdbc.sql("INSERT INTO account (id, account_key, name, created_at) VALUES (?, ?, 'Test', CURRENT_TIMESTAMP)")
                .params(connection.accountId(), "t" + connection.accountId().toString().substring(0, 8)).update();
        SharedRateBudget budget = new SharedRateBudget(jdbc, transactions, connection.accountId(), share);
        return new RestOktaApi(connection, new RateLimitGovernor(budget, recording, properties.maxWait()), null,
                JsonMapper.builder().build(), properties, recording, OktaHttp.restClient(properties));
    }

    private static final String USER = "{\"id\":\"00u1\",\"status\":\"ACTIVE\",\"profile\":{\"email\":\"a@b.c\","
            + "\"skills\":[\"x\",\"y\"],\"level\":3}}";

    @Test
    void userWhenFoundThenParsedWithSswsToken() {
        script.add(new Reply(200, USER, "99", 0));
        var user = api(0.5).user("00u1").orElseThrow();
        assertThat(user.status()).isEqualTo("ACTIVE");
        assertThat(user.text("skills")).isEqualTo("x, y");
        assertThat(user.profile().get("level")).isEqualTo(new BigDecimal("3"));
        assertThat(seenAuthorization).containsExactly("SSWS token-123");
    }

    @Test
    void userWhenNotFoundThenEmpty() {
        script.add(new Reply(404, "{\"errorCode\":\"E0000007\",\"errorSummary\":\"Not found\"}", "99", 0));
        assertThat(api(0.5).user("00u1")).isEmpty();
    }

    @Test
    void callWhen429ThenWaitsForResetAndRetries() {
        long reset = Instant.now().getEpochSecond() + 20;
        script.add(new Reply(429, "{\"errorCode\":\"E0000047\"}", "0", reset));
        script.add(new Reply(200, USER, "99", 0));
        RestOktaApi api = api(0.5);
        assertThat(api.user("00u1")).isPresent();
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(18), Duration.ofSeconds(21));
        assertThat(api.rateLimitWaits()).isEqualTo(1);
    }

    @Test
    void callWhen5xxThenBacksOffAndRetries() {
        script.add(new Reply(503, "{}", "99", 0));
        script.add(new Reply(500, "{}", "99", 0));
        script.add(new Reply(200, USER, "99", 0));
        assertThat(api(0.5).user("00u1")).isPresent();
        assertThat(sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void callWhen5xxPersistsThenGivesUpAfterAttempts() {
        for (int i = 0; i < 3; i++) {
            script.add(new Reply(500, "{\"errorCode\":\"E0000009\"}", "99", 0));
        }
        assertThatThrownBy(() -> api(0.5).user("00u1")).isInstanceOf(OktaApiException.class)
                .hasMessageContaining("500");
    }

    @Test
    void callWhenTokenRejectedThenCredentialsError() {
        script.add(new Reply(401, "{\"errorCode\":\"E0000011\",\"errorSummary\":\"Invalid token provided\"}", "99", 0));
        assertThatThrownBy(() -> api(0.5).user("00u1")).isInstanceOfSatisfying(OktaApiException.class,
                e -> assertThat(e.credentialsRejected()).isTrue());
    }

    @Test
    void callWhenBucketBelowOthersShareThenWaitsBeforeCalling() {
        long reset = Instant.now().getEpochSecond() + 10;
        script.add(new Reply(200, USER, "50", reset));
        script.add(new Reply(200, USER, "49", reset));
        RestOktaApi api = api(0.5);
        api.user("00u1");
        assertThat(sleeps).isEmpty();
        api.user("00u1");
        assertThat(sleeps).hasSize(1);
        assertThat(api.rateLimitWaits()).isEqualTo(1);
    }

    @Test
    void appUsersWhenLinkHeaderHasNextThenNextReturned() {
        script.add(new Reply(200, "[{\"id\":\"00u1\",\"_embedded\":{\"user\":" + USER + "}}]", "99", 0));
        AppUserPage page = api(0.5).appUsers("0oa1", null, 2);
        assertThat(page.users()).singleElement().satisfies(u -> assertThat(u.id()).isEqualTo("00u1"));
        assertThat(page.next()).isEqualTo(orgUrl + "/api/v1/apps/0oa1/users?after=00u2&limit=2");
    }

    @Test
    void appUsersWhenNextLinkLeavesTheOrgThenRefused() {
        assertThatThrownBy(() -> api(0.5).appUsers("0oa1", "https://evil.example/api/v1/apps/0oa1/users", 2))
                .isInstanceOf(OktaApiException.class).hasMessageContaining("outside the org");
    }
}
