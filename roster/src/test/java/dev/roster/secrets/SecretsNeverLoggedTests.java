package dev.roster.secrets;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.provisioning.SyncRuns;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * Whole flows with Roster's loggers at DEBUG — provisioning with an API token and with a service app,
 * hooks, sign-ins right and wrong, API tokens and hook secrets issued, an invitation sent over
 * authenticated SMTP and accepted — and not one secret of any kind in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureMockMvc
@TestPropertySource(properties = {"logging.level.dev.roster=DEBUG", "logging.level.com.github.kagkarlsson=DEBUG",
        "roster.invitations.dispatch-interval=200ms", dev.roster.support.IntegrationTest.CONTAINER_SESSIONS})
class SecretsNeverLoggedTests extends LiveServerTest {

    private static final String SMTP_USER = "roster-smtp";
    private static final String SMTP_PASSWORD = "smtp-" + UUID.randomUUID();
    private static final Pattern ACCEPT_TOKEN = Pattern.compile("/invitations/([A-Za-z0-9_-]{20,})");
    private static GreenMail smtp;

    @DynamicPropertySource
    static void authenticatedMail(DynamicPropertyRegistry registry) {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("roster@tests.example", SMTP_USER, SMTP_PASSWORD);
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("spring.mail.username", () -> SMTP_USER);
        registry.add("spring.mail.password", () -> SMTP_PASSWORD);
        registry.add("spring.mail.properties[mail.smtp.auth]", () -> "true");
    }

    @AfterAll
    static void stopMail() {
        smtp.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(5).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Test
    void logsWhenFullProvisioningCycleThenContainNoSecret(CapturedOutput output) {
        OktaSimulator sim = okta.simulator();
        TestAccount acme = accounts.create();
        String hookSecret = connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .clientSecret(sim.clientSecret())
                .apiToken(sim.apiToken())
                .ssoEnabled(true)
                .provisioningEnabled(true)
                .withholdInvitations(false)
                .build())
                .newHookSecret().reveal();
        sim.hooks().registerVerified(baseUrl() + "/hooks/okta/" + acme.key(), dev.roster.support.OktaFixture.EVENT_TYPES,
                "Authorization", hookSecret);
        UUID run = runs.start(acme.id(), "api").id();
        eventually(() -> runs.find(acme.id(), run).orElseThrow().finished());
        sim.org().updateProfile(sim.org().users().get(0).id(), Map.of("city", "Lisbon"));
        sim.hooks().awaitIdle(java.time.Duration.ofSeconds(5));
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .apiToken("wrong-token-xyz")
                .build());
        UUID failing = runs.start(acme.id(), "api").id();
        eventually(() -> runs.find(acme.id(), failing).orElseThrow().finished());

        assertThat(output.getAll()).contains("Reconciliation");
        for (String secret : List.of(sim.apiToken(), sim.clientSecret(), hookSecret, acme.token(), "wrong-token-xyz")) {
            assertThat(output.getAll()).as("a configured secret in the logs").doesNotContain(secret);
        }
    }

    @Test
    void logsWhenServiceAppSignInsTokensAndInvitationsThenContainNoSecret(CapturedOutput output) throws Exception {
        OktaSimulator sim = okta.simulator();
        TestAccount acme = accounts.create();
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        String serviceAppId = sim.org().addServiceApp(key.toPublicJWK(), Set.of("okta.users.read", "okta.apps.read"))
                .clientId();
        String privateKey = Base64.getMimeEncoder().encodeToString(key.toRSAPrivateKey().getEncoded());
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .clientSecret(sim.clientSecret())
                .serviceApp(new OktaSettings.ServiceAppSettings(serviceAppId, "-----BEGIN PRIVATE KEY-----\n" + privateKey
                        + "\n-----END PRIVATE KEY-----\n"))
                .ssoEnabled(false)
                .provisioningEnabled(true)
                .withholdInvitations(true)
                .build());
        UUID run = runs.start(acme.id(), "api").id();
        eventually(() -> runs.find(acme.id(), run).orElseThrow().finished());
        assertThat(runs.find(acme.id(), run).orElseThrow().status()).as("a run with the service app").isEqualTo("succeeded");

        String wrongPassword = "wrong-" + UUID.randomUUID();
        mvc.perform(post("/sign-in").with(csrf()).param("account", acme.key())
                .param("email", acme.owner().person().email()).param("password", wrongPassword));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).with(csrf()).param("account", acme.key())
                .param("email", acme.owner().person().email()).param("password", TestAccounts.PASSWORD));
        String apiToken = secretOn(mvc.perform(post(acme.page("/api-tokens")).session(session).with(csrf())
                .param("name", "automation")).andReturn().getResponse().getContentAsString());
        String hookSecret = secretOn(mvc.perform(post(acme.page("/okta/hook-secret")).session(session).with(csrf()))
                .andReturn().getResponse().getContentAsString());
        mvc.perform(get(acme.api("/people")).header("Authorization", "Bearer " + apiToken));

        String email = "newcomer@" + acme.key() + ".example";
        UUID newcomer = people.create(acme.id(), new PersonInput(email, null, "New", "Comer", null, null, null, null,
                null, null, null, null)).id();
        mvc.perform(post(acme.page("/people/" + newcomer + "/invite")).session(session).with(csrf()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(email).size() == 1);
        Matcher link = ACCEPT_TOKEN.matcher(GreenMailUtil.getBody(mailTo(email).get(0)));
        assertThat(link.find()).as("an accept link in the email").isTrue();
        String acceptToken = link.group(1);
        String newcomerPassword = "newcomer-" + UUID.randomUUID();
        mvc.perform(get("/invitations/" + acceptToken));
        mvc.perform(post("/invitations/" + acceptToken).with(csrf()).param("password", newcomerPassword)
                .param("confirmation", newcomerPassword));
        assertThat(people.require(acme.id(), newcomer).person().invitation().name()).as("accepted")
                .isEqualTo("ACCEPTED");
        mvc.perform(post("/sign-in").with(csrf()).param("account", acme.key()).param("email", email)
                .param("password", newcomerPassword));

        String plainAuth = Base64.getEncoder().encodeToString(("\0" + SMTP_USER + "\0" + SMTP_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        List<String> secrets = List.of(privateKey.replace("\r\n", "").substring(100, 160), sim.clientSecret(),
                SMTP_PASSWORD, plainAuth, TestAccounts.PASSWORD, wrongPassword, tomcatSessionId(acme), apiToken, hookSecret,
                acceptToken, newcomerPassword);
        for (String secret : secrets) {
            assertThat(output.getAll()).as("a secret in the logs").doesNotContain(secret);
        }
    }

    /** Signs the owner in over real HTTP, as a browser does, and returns the session id Tomcat issued. */
    private String tomcatSessionId(TestAccount acme) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String signInPage = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + acme.page("/sign-in"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "account=" + acme.key() + "&email=" + URLEncoder.encode(acme.owner().person().email(),
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + Jsoup.parse(signInPage).select("input[name=_csrf]").attr("value");
        http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> people = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + acme.page("/people")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(people.statusCode()).as("signed in over HTTP").isEqualTo(200);
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")
                || c.getName().equals("SESSION")).findFirst().orElseThrow().getValue();
    }

    private static String secretOn(String page) {
        String secret = Jsoup.parse(page).select("code.secret").text();
        assertThat(secret).as("the secret shown once").isNotBlank();
        return secret;
    }

    private static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
