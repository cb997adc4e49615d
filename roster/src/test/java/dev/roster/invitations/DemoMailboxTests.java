package dev.roster.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.roster.demo.DemoMailbox;
import dev.roster.support.LiveServerTest;

/** Demo mode: provisioned people's invitations land in the embedded mailbox, shown to the demo's admins. */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"roster.demo.enabled=true", "roster.demo.okta-users=3",
        "roster.invitations.dispatch-interval=200ms", dev.roster.support.IntegrationTest.CONTAINER_SESSIONS})
class DemoMailboxTests extends LiveServerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoMailbox mailbox;

    @Test
    void demoWhenPeopleProvisionedThenInvitationsInMailboxPageWithAcceptLinks() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.messages().size() >= 3);
        assertThat(mailbox.messages()).allSatisfy(m -> {
            assertThat(m.subject()).isEqualTo("You're invited to join Demo Co on Roster");
            assertThat(m.acceptLink()).contains("/invitations/");
        });

        MockHttpSession session = (MockHttpSession) mvc.perform(post("/sign-in").session(new MockHttpSession())
                        .with(csrf()).param("account", "demo").param("email", "owner@demo.example")
                        .param("password", "roster-demo"))
                .andReturn().getRequest().getSession();
        String page = mvc.perform(get("/a/demo/demo/mailbox").session(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Demo mailbox").contains("You&#39;re invited to join Demo Co on Roster")
                .contains("Open the accept link");
        String link = mailbox.messages().get(0).acceptLink();
        String path = link.substring(link.indexOf("/invitations/"));
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString())
                .contains("Accept and sign in with Okta");
    }
}
