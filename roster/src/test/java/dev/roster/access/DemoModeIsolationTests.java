package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.demo.DemoMailbox;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.invitations.Invitations;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * Demo mode adds endpoints of its own; they pass the same gates. Its mailbox holds every account's
 * emails with their accept links, so only the demo account's admins may read it, and it shows the
 * names it carries as text. (Same configuration as {@code DemoMailboxTests}, so the context is shared.)
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"roster.demo.enabled=true", "roster.demo.okta-users=3",
        "roster.invitations.dispatch-interval=200ms", dev.roster.support.IntegrationTest.CONTAINER_SESSIONS})
class DemoModeIsolationTests extends LiveServerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    DemoMailbox mailbox;

    @Autowired
    Accounts accountsByKey;

    @Test
    void everyEndpointWhenDemoModeThenBehindADoorOrPublicByDecision() {
        List<Endpoints.Endpoint> endpoints = Endpoints.discover(context);
        assertThat(endpoints).as("the demo's own pages are discovered")
                .contains(new Endpoints.Endpoint(org.springframework.http.HttpMethod.GET, "/a/{key}/demo/mailbox"));
        assertThat(endpoints.stream().filter(e -> e.door() == null).toList()).as("endpoints no sweep covers").isEmpty();
    }

    /** The demo's pages act on the one simulated org and its mailbox: any other account gets a 404. */
    @Test
    void everyDemoPageWhenAnotherAccountsAdminThenRefused() throws Exception {
        TestAccount other = accounts.create();
        MockHttpSession session = signIn(other.key(), other.owner().person().email(), TestAccounts.PASSWORD);
        List<Endpoints.Endpoint> demoPages = Endpoints.discover(context).stream()
                .filter(e -> e.pattern().startsWith("/a/{key}/demo/")).toList();
        assertThat(demoPages).as("demo pages").isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (Endpoints.Endpoint e : demoPages) {
            for (String key : List.of(other.key(), "demo")) {
                MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.request(e.method(),
                        e.expand(java.util.Map.of("key", key))).session(session).with(csrf())).andReturn().getResponse();
                softly.assertThat(response.getStatus()).as("%s under %s for another account's owner", e, key)
                        .isIn(401, 403, 404);
            }
        }
        softly.assertAll();
    }

    @Test
    void demoMailboxWhenAnotherAccountsAdminThenNotFoundAndNoEmailShown() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.messages().isEmpty());
        TestAccount other = accounts.create();
        MockHttpSession session = signIn(other.key(), other.owner().person().email(), TestAccounts.PASSWORD);

        for (String key : List.of(other.key(), "demo")) {
            MockHttpServletResponse response = mvc.perform(get("/a/" + key + "/demo/mailbox").session(session))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as("the mailbox under %s for another account's owner", key)
                    .isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain("/invitations/").doesNotContain("Demo Co");
        }
    }

    @Test
    void demoMailboxWhenHostileNamesInTheEmailsThenShownAsText() throws Exception {
        Account demo = accountsByKey.byKey("demo").orElseThrow();
        String email = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        UUID id = context.getBean(People.class).create(demo.id(), new PersonInput(email, null,
                HostileProfileTests.SCRIPT, HostileProfileTests.IMG, null, null, null, null, null, null, null, null))
                .id();
        context.getBean(Invitations.class).invite(demo.id(), id);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.messages().stream().anyMatch(m -> m.to().contains(email)));

        MockHttpSession session = signIn("demo", "owner@demo.example", "roster-demo");
        String page = mvc.perform(get("/a/demo/demo/mailbox").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(email);
        SoftAssertions softly = new SoftAssertions();
        HostileProfileTests.noHostileMarkup(softly, "the demo mailbox", page);
        softly.assertAll();
    }

    private MockHttpSession signIn(String key, String email, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).with(csrf()).param("account", key).param("email", email)
                .param("password", password));
        return session;
    }
}
