package dev.roster.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.directory.Invitation;
import dev.roster.directory.Person;

/** SMTP down: the job retries with back-off, the error shows on the person, then the email arrives. */
class InvitationRetryTests extends InvitationTest {

    @Autowired
    Invitations invitations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @AfterEach
    void serverBack() {
        TestMailServer.start();
    }

    @Test
    void sendingWhenSmtpDownThenRetriedErrorShownAndDeliveredWhenBack() throws Exception {
        TestMailServer.stop();
        Person ada = provisioned(address("ada"), "Ada", Invitation.PENDING);

        await(() -> invitations.delivery(acme.id(), ada.id()).map(d -> d.attempts() >= 2).orElse(false));
        var failing = invitations.delivery(acme.id(), ada.id()).orElseThrow();
        assertThat(failing.lastError()).containsIgnoringCase("connect");
        assertThat(failing.lastAttemptAt()).isNotNull();
        assertThat(failing.sentAt()).isNull();
        assertThat(invitationOf(ada.id())).isEqualTo(Invitation.PENDING);
        mvc.perform(get(acme.page("/people/" + ada.id())).session(session))
                .andExpect(content().string(containsString("Sending failed")))
                .andExpect(content().string(containsString("pending")));
        mvc.perform(get(acme.api("/people/" + ada.id() + "/invitation")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invitation").value("pending"))
                .andExpect(jsonPath("$.lastError").isNotEmpty());

        TestMailServer.start();

        assertThat(awaitMail(ada.email(), 1)).hasSize(1);
        await(() -> invitationOf(ada.id()) == Invitation.SENT);
        var sent = invitations.delivery(acme.id(), ada.id()).orElseThrow();
        assertThat(sent.lastError()).isNull();
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isGreaterThan(failing.attempts());
        mvc.perform(get(acme.page("/people/" + ada.id())).session(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Sending failed"))));
    }

    @Test
    void wantedEmailWhenItsJobIsGoneThenQueuedAgainAndSent() throws Exception {
        // A person whose email is wanted but whose job vanished (e.g. deactivated while queued, then
        // reactivated): written in one transaction so the dispatcher never sees the person without the row.
        java.util.UUID[] id = new java.util.UUID[1];
        transaction.executeWithoutResult(s -> {
            id[0] = provisioned(address("stuck"), "Stuck", Invitation.PENDING).id();
            jdbc.sql("INSERT INTO invitation (person_id, account_id, requested_at, requested_by, attempts,"
                            + " last_error) VALUES (?, ?, ?, 'provisioning', 1, 'Not sent: the person is deactivated.')")
                    .params(id[0], acme.id(), dev.roster.common.Instants.toJdbc(java.time.Instant.now())).update();
        });

        awaitMail(address("stuck"), 1);
        await(() -> invitationOf(id[0]) == Invitation.SENT);
        assertThat(invitations.delivery(acme.id(), id[0]).orElseThrow().lastError()).isNull();
    }

    @Test
    void inviteWhenAlreadyQueuedThenStillOneEmail() throws Exception {
        TestMailServer.stop();
        Person bo = provisioned(address("bo"), "Bo", Invitation.WITHHELD);
        for (int i = 0; i < 3; i++) {
            mvc.perform(post(acme.page("/people/" + bo.id() + "/invite")).session(session).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        await(() -> invitations.delivery(acme.id(), bo.id()).map(d -> d.attempts() >= 1).orElse(false));
        TestMailServer.start();
        awaitMail(bo.email(), 1);
        await(() -> invitationOf(bo.id()) == Invitation.SENT);
        Thread.sleep(1000);
        assertThat(TestMailServer.to(bo.email())).hasSize(1);
    }
}
