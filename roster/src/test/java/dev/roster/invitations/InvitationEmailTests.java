package dev.roster.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonView;
import dev.roster.directory.Teams;

/** Invitation emails end to end, over a real SMTP server: automatic, by hand, in bulk, resent. */
class InvitationEmailTests extends InvitationTest {

    @Autowired
    Teams teams;

    @Autowired
    Invitations invitations;

    @Test
    void provisionedPersonWhenPendingThenInvitationArrivesAndStateSent() throws Exception {
        Person ada = provisioned(address("ada"), "Ada", Invitation.PENDING);

        List<MimeMessage> mail = awaitMail(ada.email(), 1);

        MimeMessage message = mail.get(0);
        assertThat(message.getSubject()).isEqualTo("You're invited to join " + acme.account().name() + " on Roster");
        assertThat(message.getFrom()[0].toString()).contains("roster@tests.example");
        assertThat(part(message, "text/plain")).contains("Hello Ada,").contains(acme.account().name())
                .contains("/invitations/");
        assertThat(part(message, "text/html")).contains("Hello <span>Ada</span>").contains(acceptPath(message));
        await(() -> invitationOf(ada.id()) == Invitation.SENT);
        assertThat(invitations.delivery(acme.id(), ada.id()).orElseThrow().attempts()).isEqualTo(1);
        Thread.sleep(600); // several dispatcher rounds: still one email
        assertThat(TestMailServer.to(ada.email())).hasSize(1);
    }

    @Test
    void withheldPersonWhenNotInvitedThenNoEmailUntilAdminInvites() throws Exception {
        Person held = provisioned(address("held"), "Held", Invitation.WITHHELD);
        Thread.sleep(800); // several dispatcher rounds
        assertThat(TestMailServer.to(held.email())).isEmpty();
        assertThat(invitationOf(held.id())).isEqualTo(Invitation.WITHHELD);

        mvc.perform(post(acme.page("/people/" + held.id() + "/invite")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(acme.page("/people/" + held.id())));

        awaitMail(held.email(), 1);
        await(() -> invitationOf(held.id()) == Invitation.SENT);
    }

    @Test
    void bulkInviteWhenFilteredByTeamThenEachSelectedPersonGetsOneAndOthersNone() throws Exception {
        teams.create(acme.id(), "Sales", null);
        var sales = teams.byName(acme.id(), "Sales").orElseThrow();
        List<PersonView> sellers = List.of(manual("s1", "Sales"), manual("s2", "Sales"), manual("s3", "Sales"));
        PersonView other = manual("other", null);

        mvc.perform(get(acme.page("/people")).param("team", sales.id().toString()).session(session))
                .andExpect(content().string(containsString("Invite all 3 shown")));
        mvc.perform(post(acme.page("/people/invite")).param("team", sales.id().toString()).param("q", "")
                        .param("status", "").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(acme.page("/people") + "?team=" + sales.id()));

        for (PersonView seller : sellers) {
            assertThat(awaitMail(seller.person().email(), 1)).hasSize(1);
        }
        for (PersonView seller : sellers) {
            await(() -> invitationOf(seller.id()) == Invitation.SENT);
        }
        assertThat(TestMailServer.to(other.person().email())).isEmpty();
        assertThat(invitationOf(other.id())).isEqualTo(Invitation.NONE);
        mvc.perform(get(acme.page("/people")).param("team", sales.id().toString()).session(session))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Invite all"))));
    }

    @Test
    void bulkInviteWhenRepeatedThenAlreadySentPeopleAreNotSentAgain() throws Exception {
        PersonView first = manual("first", null);
        mvc.perform(post(acme.api("/people/invite")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.queued").value(1));
        awaitMail(first.person().email(), 1);
        await(() -> invitationOf(first.id()) == Invitation.SENT);

        PersonView second = manual("second", null);
        mvc.perform(post(acme.api("/people/invite")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.queued").value(1));
        awaitMail(second.person().email(), 1);
        Thread.sleep(500);
        assertThat(TestMailServer.to(first.person().email())).hasSize(1);
    }

    @Test
    void resendWhenAlreadySentThenNewEmailAndOnlyTheNewLinkWorks() throws Exception {
        PersonView bob = manual("bob", null);
        mvc.perform(post(acme.api("/people/" + bob.id() + "/invite")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isAccepted());
        String firstLink = acceptPath(awaitMail(bob.person().email(), 1).get(0));
        await(() -> invitationOf(bob.id()) == Invitation.SENT);

        mvc.perform(get(acme.page("/people/" + bob.id())).session(session))
                .andExpect(content().string(containsString("Resend invitation")));
        mvc.perform(post(acme.page("/people/" + bob.id() + "/invite")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String secondLink = acceptPath(awaitMail(bob.person().email(), 2).get(1));

        assertThat(secondLink).isNotEqualTo(firstLink);
        mvc.perform(get(firstLink)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This invitation link does not work")));
        mvc.perform(get(secondLink)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a password")));
    }

    @Test
    void inviteWhenClickedRepeatedlyBeforeSendingThenOneEmail() throws Exception {
        PersonView dot = manual("dot", null);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post(acme.page("/people/" + dot.id() + "/invite")).session(session).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        awaitMail(dot.person().email(), 1);
        await(() -> invitationOf(dot.id()) == Invitation.SENT);
        Thread.sleep(800);
        assertThat(TestMailServer.to(dot.person().email())).hasSize(1);
    }

    @Test
    void invitationWhenNameHoldsMarkupThenEscapedInHtmlEmail() throws Exception {
        Person evil = provisioned(address("evil"), "<script>alert(1)</script>", Invitation.PENDING);

        MimeMessage message = awaitMail(evil.email(), 1).get(0);

        String html = part(message, "text/html");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(part(message, "text/plain")).contains("Hello <script>alert(1)</script>,");
    }

    @Test
    void inviteWhenPersonIsOtherAccountsThenNotFoundAndNothingSent() throws Exception {
        var globex = accounts.create();
        PersonView theirs = people.create(globex.id(), new PersonInput("them@" + globex.key() + ".example", null,
                "Them", "Other", null, null, null, null, null, null, null, "member"));

        mvc.perform(post(acme.api("/people/" + theirs.id() + "/invite")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isNotFound());
        mvc.perform(post(acme.page("/people/" + theirs.id() + "/invite")).session(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(acme.page("/people/" + theirs.id() + "/sync")).session(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(acme.api("/people/" + theirs.id() + "/invitation")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isNotFound());

        Thread.sleep(500);
        assertThat(TestMailServer.to(theirs.person().email())).isEmpty();
        assertThat(people.require(globex.id(), theirs.id()).person().invitation()).isEqualTo(Invitation.NONE);
    }

    @Test
    void apiInviteWhenPersonDeactivatedThenBadRequestAndNothingSent() throws Exception {
        PersonView gone = manual("gone", null);
        people.deactivate(acme.id(), gone.id(), "admin");
        mvc.perform(post(acme.api("/people/" + gone.id() + "/invite")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is deactivated; reactivate them first"));
        mvc.perform(post(acme.api("/people/" + acme.owner().id() + "/invite"))
                        .header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("has already signed in"));
        mvc.perform(post(acme.api("/people/invite")).param("status", "bogus").header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isBadRequest());
        assertThat(invitationOf(gone.id())).isEqualTo(Invitation.NONE);
    }

    @Test
    void inviteWhenMemberNotAdminThenForbidden() throws Exception {
        PersonView member = accounts.person(acme.account(), address("member"), dev.roster.accounts.Role.MEMBER);
        var memberSession = (org.springframework.mock.web.MockHttpSession) mvc.perform(post("/sign-in")
                        .session(new org.springframework.mock.web.MockHttpSession()).with(csrf())
                        .param("account", acme.key()).param("email", member.person().email())
                        .param("password", dev.roster.support.TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
        PersonView target = manual("target", null);
        mvc.perform(post(acme.page("/people/" + target.id() + "/invite")).session(memberSession).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(invitationOf(target.id())).isEqualTo(Invitation.NONE);
    }

    private PersonView manual(String local, String team) {
        return people.create(acme.id(), new PersonInput(address(local), null, "Name" + local, "Manual", null, null,
                null, null, team, null, null, "member"));
    }
}
