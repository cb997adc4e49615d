package dev.roster.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

import dev.roster.access.SignInAttempted;
import dev.roster.common.Instants;
import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.invitations.internal.AcceptTokens;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;

/** The accept link: once, until it expires; a password without SSO, Okta's sign-in with it. */
class InvitationAcceptTests extends InvitationTest {

    @Autowired
    OktaConnections connections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void acceptLinkWhenNoSsoThenSetsPasswordOnceAndPersonCanSignIn() throws Exception {
        Person ada = provisioned(address("ada"), "Ada", Invitation.PENDING);
        String link = sentLink(ada);
        String password = "a long enough passphrase";

        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(containsString("Choose a password")))
                .andExpect(content().string(containsString(ada.email())));
        assertThat(invitationOf(ada.id())).isEqualTo(Invitation.SENT); // opening the link changes nothing

        mvc.perform(post(link).with(csrf()).param("password", password).param("confirmation", password))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your password is set")));
        assertThat(invitationOf(ada.id())).isEqualTo(Invitation.ACCEPTED);

        mvc.perform(post(link).with(csrf()).param("password", "another long passphrase")
                        .param("confirmation", "another long passphrase"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("already accepted")));
        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("already accepted")));

        mvc.perform(post("/sign-in").session(new MockHttpSession()).with(csrf()).param("account", acme.key())
                        .param("email", ada.email()).param("password", password))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/a/" + acme.key() + "/people"));
        assertThat(people.require(acme.id(), ada.id()).person().status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void acceptLinkWhenPasswordTooShortOrMismatchedThenFormAgainAndLinkStillWorks() throws Exception {
        Person bea = provisioned(address("bea"), "Bea", Invitation.PENDING);
        String link = sentLink(bea);

        mvc.perform(post(link).with(csrf()).param("password", "short").param("confirmation", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("at least 12 characters")));
        mvc.perform(post(link).with(csrf()).param("password", "a long enough passphrase")
                        .param("confirmation", "a different passphrase"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("does not match")));
        mvc.perform(post(link).param("password", "a long enough passphrase")
                        .param("confirmation", "a long enough passphrase"))
                .andExpect(status().isForbidden()); // no CSRF token

        assertThat(invitationOf(bea.id())).isEqualTo(Invitation.SENT);
        mvc.perform(get(link)).andExpect(status().isOk());
    }

    @Test
    void acceptLinkWhenSsoEnabledThenLinkLeadsToOktaWithLoginHintAndSpendsNothingUntilSignedIn() throws Exception {
        connections.save(acme.id(), OktaSettings.builder("https://sso-test.okta.com", "0oa1b2c3d4e5f6g7h8i9")
                .clientSecret("client-secret")
                .apiToken("api-token")
                .ssoEnabled(true)
                .provisioningEnabled(true)
                .withholdInvitations(false)
                .build());
        Person cy = provisioned("Cy+Test@" + acme.key() + ".example", "Cy", Invitation.PENDING);
        String link = sentLink(cy);

        mvc.perform(get(link)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Accept and sign in with Okta")))
                .andExpect(content().string(containsString("href=\"" + link + "/okta\"")));
        mvc.perform(get(link + "/okta"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/sso/okta/" + acme.key() + "/start?login_hint=Cy%2BTest%40" + acme.key()
                        + ".example"));
        // a form from before SSO was switched on is sent the same way, and spends nothing either
        mvc.perform(post(link).with(csrf())).andExpect(redirectedUrl(link + "/okta"));
        assertThat(invitationOf(cy.id())).isEqualTo(Invitation.SENT);
        mvc.perform(get(link)).andExpect(status().isOk());

        events.publishEvent(new SignInAttempted(acme.id(), Instant.now(), cy.id(), SignInAttempted.Method.SSO, true,
                null, cy.oktaId(), cy.email(), "127.0.0.1"));
        assertThat(invitationOf(cy.id())).isEqualTo(Invitation.ACCEPTED);
        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("already accepted")));
        mvc.perform(get(link + "/okta")).andExpect(status().isGone());
    }

    @Test
    void acceptLinkWhenOktaSignInFailsThenLinkStillWorks() throws Exception {
        Person di = provisioned(address("di"), "Di", Invitation.PENDING);
        String link = sentLink(di);
        events.publishEvent(new SignInAttempted(acme.id(), Instant.now(), di.id(), SignInAttempted.Method.SSO, false,
                "access_denied: not assigned", di.oktaId(), di.email(), "127.0.0.1"));
        assertThat(invitationOf(di.id())).isEqualTo(Invitation.SENT);
        mvc.perform(get(link)).andExpect(status().isOk());
    }

    @Test
    void acceptLinkWhenExpiredThenRefusedWithClearPage() throws Exception {
        Person dan = provisioned(address("dan"), "Dan", Invitation.PENDING);
        String link = sentLink(dan);
        String hash = AcceptTokens.hash(link.substring(link.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT token_expires_at FROM invitation WHERE token_hash = ?").params(hash)
                .query((rs, n) -> Instants.read(rs, "token_expires_at")).single())
                .isBetween(Instant.now().plus(6, ChronoUnit.DAYS), Instant.now().plus(8, ChronoUnit.DAYS));

        jdbc.sql("UPDATE invitation SET token_expires_at = ? WHERE token_hash = ?")
                .params(Instants.toJdbc(Instant.now().minusSeconds(1)), hash).update();

        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation has expired")));
        mvc.perform(post(link).with(csrf()).param("password", "a long enough passphrase")
                        .param("confirmation", "a long enough passphrase"))
                .andExpect(status().isGone());
        assertThat(invitationOf(dan.id())).isEqualTo(Invitation.SENT);
    }

    @Test
    void acceptLinkWhenPersonDeactivatedThenSaysTheAccessWasWithdrawnNotThatItExpired() throws Exception {
        Person fay = provisioned(address("fay"), "Fay", Invitation.PENDING);
        String link = sentLink(fay);
        people.deactivate(acme.id(), fay.id(), "admin");

        mvc.perform(get(link)).andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation was withdrawn")))
                .andExpect(content().string(containsString("deactivated")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("expired"))));
        mvc.perform(post(link).with(csrf()).param("password", "a long enough passphrase")
                        .param("confirmation", "a long enough passphrase"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation was withdrawn")));
        assertThat(invitationOf(fay.id())).isEqualTo(Invitation.SENT);
    }

    @Test
    void acceptLinkWhenTokenUnknownThenNotFoundPage() throws Exception {
        mvc.perform(get("/invitations/" + AcceptTokens.generate())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("does not work")));
        mvc.perform(get("/invitations/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void tokenStoredWhenSentThenOnlyItsHash() throws Exception {
        Person eve = provisioned(address("eve"), "Eve", Invitation.PENDING);
        String link = sentLink(eve);
        String token = link.substring(link.lastIndexOf('/') + 1);
        String stored = jdbc.sql("SELECT token_hash FROM invitation WHERE person_id = ?").params(eve.id())
                .query(String.class).single();
        assertThat(stored).isEqualTo(AcceptTokens.hash(token)).isNotEqualTo(token).hasSize(64);
    }

    /** The link in the person's email, once the sender has also recorded it as sent (it mails first). */
    private String sentLink(Person person) {
        String link = acceptPath(awaitMail(person.email(), 1).get(0));
        await(() -> invitationOf(person.id()) == Invitation.SENT);
        return link;
    }
}
