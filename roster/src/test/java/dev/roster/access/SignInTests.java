package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import dev.roster.accounts.Role;
import dev.roster.directory.People;
import dev.roster.directory.PersonStatus;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

class SignInTests extends IntegrationTest {

    @Autowired
    People people;

    TestAccount acme;
    String email;

    @BeforeEach
    void setUp() {
        acme = accounts.create();
        email = acme.owner().person().email();
    }

    @Test
    void signInWhenRightPasswordThenPeoplePageAndInvitedBecomesActive() throws Exception {
        String adminEmail = "admin@" + acme.key() + ".example";
        var admin = accounts.person(acme.account(), adminEmail, Role.ADMIN);
        assertThat(admin.person().status()).isEqualTo(PersonStatus.INVITED);
        signIn(new MockHttpSession(), adminEmail, TestAccounts.PASSWORD)
                .andExpect(redirectedUrl("/a/" + acme.key() + "/people"));
        assertThat(people.require(acme.id(), admin.id()).person().status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void signInWhenWrongPasswordThenBackToSignInWithError() throws Exception {
        MvcResult result = signIn(new MockHttpSession(), email, "wrong").andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).startsWith("/a/" + acme.key() + "/sign-in?error=");
    }

    @Test
    void signInWhenRepeatedFailuresThenLockedEvenWithRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn(new MockHttpSession(), email, "wrong-" + i);
        }
        MvcResult result = signIn(new MockHttpSession(), email, TestAccounts.PASSWORD).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).contains("error=Too+many+failed+attempts");
    }

    @Test
    void signInWhenDeactivatedThenRefused() throws Exception {
        String memberEmail = "gone@" + acme.key() + ".example";
        var member = accounts.person(acme.account(), memberEmail, Role.MEMBER);
        people.deactivate(acme.id(), member.id(), "admin");
        MvcResult result = signIn(new MockHttpSession(), memberEmail, TestAccounts.PASSWORD).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).contains("deactivated");
    }

    @Test
    void signInWhenSucceededThenSessionIdChanges() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        MvcResult result = signIn(session, email, TestAccounts.PASSWORD).andReturn();
        assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
    }

    @Test
    void signInWhenNoCsrfTokenThenForbidden() throws Exception {
        mvc.perform(post("/sign-in").param("account", acme.key()).param("email", email)
                        .param("password", TestAccounts.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void pageWhenNotSignedInThenRedirectedToAccountSignInAndBackAfterwards() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get(acme.page("/teams")).session(session))
                .andExpect(redirectedUrl("/a/" + acme.key() + "/sign-in"));
        MvcResult result = signIn(session, email, TestAccounts.PASSWORD).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).contains("/a/" + acme.key() + "/teams");
    }

    @Test
    void signInPageWhenUnknownAccountThenNotFound() throws Exception {
        mvc.perform(get("/a/no-such-account/sign-in")).andExpect(status().isNotFound());
    }

    @Test
    void signOutWhenSignedInThenBackToSignInPage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult signedIn = signIn(session, email, TestAccounts.PASSWORD).andReturn();
        MockHttpSession current = (MockHttpSession) signedIn.getRequest().getSession();
        mvc.perform(post("/sign-out").session(current).with(csrf()))
                .andExpect(redirectedUrl("/a/" + acme.key() + "/sign-in?signedOut"));
        mvc.perform(get(acme.page("/people")).session(current)).andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.ResultActions signIn(MockHttpSession session, String who,
            String password) throws Exception {
        return mvc.perform(post("/sign-in").session(session).with(csrf()).param("account", acme.key())
                .param("email", who).param("password", password));
    }
}
