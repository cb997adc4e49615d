package dev.roster.access;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonView;
import dev.roster.common.PageRequest;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.FieldMappings;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.SyncRuns;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * Okta profiles are written by people Roster does not trust. Hostile values — markup, CR/LF, 5,000
 * characters, a right-to-left override — provisioned through a real sync, then every page, email and
 * JSON answer that shows people: never markup of theirs, never an injected mail header, always valid JSON.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"roster.invitations.dispatch-interval=200ms", "roster.invitations.retry-delay=200ms",
        "roster.invitations.from=Roster <roster@tests.example>", dev.roster.support.IntegrationTest.CONTAINER_SESSIONS})
class HostileProfileTests extends LiveServerTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String CRLF = "a\r\nBcc: evil@x.example";
    static final String LONG = "L".repeat(5000);
    static final String RLO = "\u202Egnp.exe";

    private static GreenMail smtp;

    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).rateLimits(false).build());

    @Autowired
    MockMvc mvc;

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Autowired
    People people;

    @Autowired
    CustomFields customFields;

    @Autowired
    FieldMappings mappings;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    @AfterAll
    static void stopMail() {
        smtp.stop();
    }

    @Test
    void hostileProfilesWhenSyncedThenEveryPageEmailAndJsonAnswerIsSafe() throws Exception {
        OktaSimulator sim = okta.simulator();
        TestAccount acme = accounts.create();
        String domain = acme.key() + ".example";
        OktaFixture.connect(connections, acme.id(), sim);
        customFields.create(acme.id(), "cost", "Cost centre", "text", List.of());
        FieldMappings.Mapping mapping = mappings.get(acme.id());
        mappings.save(acme.id(), new FieldMappings.Mapping(mapping.standard(), mapping.avatarAttribute(),
                Map.of("cost", "costCenter")));
        List<OktaUser> hostile = List.of(
                user(sim, "script@" + domain, SCRIPT, IMG, Map.of("title", IMG, "department", SCRIPT, "city", SCRIPT,
                        "displayName", SCRIPT, "honorificPrefix", IMG, "preferredLanguage", SCRIPT, "costCenter", IMG)),
                user(sim, "crlf@" + domain, CRLF, CRLF, Map.of("title", CRLF, "department", "Sales\r\nBcc: evil@x",
                        "city", CRLF, "costCenter", CRLF, "locale", CRLF)),
                user(sim, "long@" + domain, LONG, LONG, Map.of("title", LONG, "department", LONG, "city", LONG,
                        "displayName", LONG, "costCenter", LONG, "preferredLanguage", LONG)),
                user(sim, "rlo@" + domain, RLO + "Eve", RLO, Map.of("title", RLO, "department", RLO + "Ops",
                        "city", RLO, "costCenter", RLO)),
                user(sim, "o'hara&co+x=1@" + domain, IMG, SCRIPT, Map.of()),
                user(sim, "\"><img src=x onerror=alert(1)>@" + domain, SCRIPT, SCRIPT, Map.of()));

        SyncRun first = syncAndWait(acme);
        assertThat(first.status()).as("the run with hostile profiles: %s", first).isEqualTo("succeeded");
        assertThat(people.findByEmail(acme.id(), "script@" + domain)).as("the markup profile").isPresent();
        assertThat(people.findByEmail(acme.id(), "rlo@" + domain)).as("the right-to-left profile").isPresent();
        OktaUser ordinary = sim.org().users().stream().filter(u -> !u.email().endsWith(domain)).findFirst()
                .orElseThrow();
        assertThat(people.findByEmail(acme.id(), ordinary.email())).as("an ordinary Okta user, with the hostile ones")
                .isPresent();
        PersonView longOne = people.findByEmail(acme.id(), "long@" + domain).orElseThrow();
        assertThat(longOne.person().firstName()).as("a 5,000-character first name is not stored").isNull();
        assertThat(runs.changes(acme.id(), first.id())).as("the run's record of the long profile")
                .filteredOn(c -> longOne.id().equals(c.personId())).singleElement()
                .satisfies(c -> assertThat(c.error()).contains("longer than"));

        // a run held for approval, naming the hostile people: unassigned with no deactivation allowed
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .deprovisionMaxPercent(0)
                .deprovisionMaxCount(0)
                .build());
        hostile.forEach(u -> sim.org().unassign(u.id()));
        SyncRun held = syncAndWait(acme);
        assertThat(held.status()).as("the second run").isEqualTo("held");
        hostile.forEach(u -> sim.org().assign(u.id()));

        MockHttpSession session = signIn(acme);
        // sign-in history with hostile input: a password attempt and an Okta start refused before leaving
        mvc.perform(post("/sign-in").with(csrf()).param("account", acme.key()).param("email", SCRIPT + IMG)
                .param("password", "x"));
        mvc.perform(get("/sso/okta/" + acme.key() + "/start").param("iss", IMG).param("login_hint", SCRIPT));

        List<String> pages = new ArrayList<>(List.of("/people", "/people?q=" + SCRIPT, "/teams", "/custom-fields", "/okta", "/okta/runs/" + first.id(), "/okta/runs/" + held.id(),
                "/okta/mapping", "/okta/mapping?previewEmail=script@" + domain, "/okta/mapping?previewEmail=" + IMG,
                "/sign-ins"));
        for (PersonView p : people.search(acme.id(), PeopleQuery.all(), new PageRequest(0, 500)).items()) {
            pages.add("/people/" + p.id());
            pages.add("/people/" + p.id() + "/edit");
        }
        SoftAssertions softly = new SoftAssertions();
        for (String page : pages) {
            MockHttpServletResponse response = mvc.perform(get(acme.page(page)).session(session)).andReturn()
                    .getResponse();
            softly.assertThat(response.getStatus()).as(page).isBetween(200, 299);
            noHostileMarkup(softly, page, response.getContentAsString());
        }
        MockHttpServletResponse badFilter = mvc.perform(get(acme.page("/people")).param("status", IMG).session(session))
                .andReturn().getResponse();
        softly.assertThat(badFilter.getStatus()).as("an unknown status filter").isEqualTo(400);
        noHostileMarkup(softly, "/people?status=", badFilter.getContentAsString());
        for (String page : List.of("/a/" + acme.key() + "/sign-in", "/sso/okta/" + acme.key() + "/problem?reason="
                + SCRIPT, "/?account=" + IMG)) {
            noHostileMarkup(softly, page, mvc.perform(get(page)).andReturn().getResponse().getContentAsString());
        }
        validJsonRoundTrip(softly, acme, "script@" + domain, SCRIPT);
        validJsonRoundTrip(softly, acme, "rlo@" + domain, RLO + "Eve");
        safeInvitationEmails(softly, domain);
        softly.assertAll();
    }

    private SyncRun syncAndWait(TestAccount acme) {
        UUID id = runs.start(acme.id(), "api").id();
        eventually(() -> runs.find(acme.id(), id).orElseThrow().finished());
        return runs.find(acme.id(), id).orElseThrow();
    }

    private static OktaUser user(OktaSimulator sim, String email, String first, String last, Map<String, String> more) {
        Map<String, Object> profile = new LinkedHashMap<>(more);
        profile.put("login", email);
        profile.put("email", email);
        profile.put("firstName", first);
        profile.put("lastName", last);
        return sim.org().createUser(profile, true, true);
    }

    /** No element, attribute or script of the profiles' making; the raw payloads never appear unescaped. */
    static void noHostileMarkup(SoftAssertions softly, String page, String html) {
        Document document = Jsoup.parse(html);
        for (Element script : document.select("script")) {
            softly.assertThat(script.attr("src")).as("a script without src on %s", page).isNotBlank();
        }
        for (Element element : document.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                softly.assertThat(attribute.getKey()).as("an event handler attribute on %s", page).doesNotStartWith("on");
            }
        }
        softly.assertThat(document.select("img[src=x]")).as("an injected image on %s", page).isEmpty();
        softly.assertThat(html).as("raw payload on %s", page).doesNotContain(SCRIPT).doesNotContain("<img src=x");
    }

    private void validJsonRoundTrip(SoftAssertions softly, TestAccount acme, String email, String firstName)
            throws Exception {
        String list = mvc.perform(get(acme.api("/people")).param("size", "500")
                .header("Authorization", "Bearer " + acme.token())).andReturn().getResponse().getContentAsString();
        JsonNode items = json.readTree(list).get("items");
        softly.assertThat(items.size()).as("people in the JSON list").isGreaterThan(5);
        String id = people.findByEmail(acme.id(), email).orElseThrow().id().toString();
        MockHttpServletResponse one = mvc.perform(get(acme.api("/people/" + id))
                .header("Authorization", "Bearer " + acme.token())).andReturn().getResponse();
        softly.assertThat(one.getContentType()).as("JSON person").startsWith("application/json");
        softly.assertThat(json.readTree(one.getContentAsString()).get("firstName").asString())
                .as("the first name, exactly, through JSON").isEqualTo(firstName);
    }

    private static void safeInvitationEmails(SoftAssertions softly, String domain) throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> to(domain).size() >= 4);
        for (MimeMessage message : to(domain)) {
            softly.assertThat(message.getSubject()).as("subject").doesNotContain("\r").doesNotContain("\n");
            softly.assertThat(message.getAllRecipients()).as("recipients of %s", message.getSubject()).hasSize(1);
            softly.assertThat(message.getRecipients(Message.RecipientType.BCC)).as("Bcc").isNull();
            softly.assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString()).as("To")
                    .doesNotContain("\r").doesNotContain("\n");
            String html = part(message, "text/html");
            noHostileMarkup(softly, "invitation email to " + message.getRecipients(Message.RecipientType.TO)[0],
                    html);
            softly.assertThat(part(message, "text/plain")).as("the plain-text part").isNotBlank();
        }
        softly.assertThat(List.of(smtp.getReceivedMessages())).as("mail for the injected Bcc")
                .noneSatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).contains("evil"));
    }

    private static List<MimeMessage> to(String domain) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().endsWith("@" + domain)) {
                found.add(message);
            }
        }
        return found;
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private MockHttpSession signIn(TestAccount account) throws Exception {
        return (MockHttpSession) mvc.perform(post("/sign-in").session(new MockHttpSession()).with(csrf())
                        .param("account", account.key()).param("email", account.owner().person().email())
                        .param("password", TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
