package dev.roster.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import dev.roster.okta.OktaConnections;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/** A storm larger than the account's rate-limit share shows on the Okta page as a paced catch-up. */
class SyncBacklogTests extends IntegrationTest {

    @Autowired
    OktaConnections connections;

    @Autowired
    SchedulerClient scheduler;

    TestAccount acme;
    MockHttpSession session;
    List<UserSyncJob.Request> queued = new ArrayList<>();

    @BeforeEach
    void signIn() throws Exception {
        acme = accounts.create();
        connections.save(acme.id(), OktaFixture.unreachableOrg("0oaBACKLOG000000000", false));
        session = (MockHttpSession) mvc.perform(post("/sign-in").session(new MockHttpSession()).with(csrf())
                        .param("account", acme.key()).param("email", acme.owner().person().email())
                        .param("password", TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
    }

    @AfterEach
    void cancel() {
        queued.forEach(r -> scheduler.cancel(TaskInstanceId.of(UserSyncJob.TASK.getTaskName(), r.instanceId())));
    }

    /** Users whose syncs are waiting (due later, so none runs during the test). */
    private void waiting(int users) {
        for (int i = 0; i < users; i++) {
            UserSyncJob.Request request = new UserSyncJob.Request(acme.id(), "00uWAIT" + i);
            scheduler.schedule(UserSyncJob.TASK.instance(request.instanceId()).data(request).build(),
                    Instant.now().plusSeconds(3600));
            queued.add(request);
        }
    }

    private String page() throws Exception {
        return mvc.perform(get(acme.page("/okta")).session(session)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void pageWhenBacklogLargerThanAMinuteOfTheShareThenSaysCatchingUpAndThePace() throws Exception {
        waiting(60); // the default share, 50 %, lets about 50 people a minute through
        assertThat(page()).contains("Catching up", "60 people are waiting to be re-read from Okta",
                "about <span>50</span> people a minute");
    }

    @Test
    void pageWhenFewWaitingThenPlainNoteAndWhenNoneThenNothing() throws Exception {
        assertThat(page()).doesNotContain("sync-backlog");
        waiting(3);
        assertThat(page()).contains("3 people are waiting").doesNotContain("Catching up");
    }
}
