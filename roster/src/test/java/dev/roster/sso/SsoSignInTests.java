package dev.roster.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import dev.roster.accounts.Role;
import dev.roster.directory.OktaIdLinks;
import dev.roster.directory.People;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/** Single sign-on against the Okta simulator: the start, matching rules, refusals, sign-out and settings. */
@Import(SsoAccounts.class)
class SsoSignInTests extends IntegrationTest {

    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(SimulatorOptions.builder().port(0)
            .users(20).seed(1).rateLimits(false).autoLogin(true).build());

    @Autowired
    SsoAccounts sso;

    @Autowired
    People people;

    @Autowired
    OktaIdLinks links;

    @Autowired
    JdbcClient jdbc;

    OktaSimulator sim;
    TestAccount acme;
    OktaUser user;

    @BeforeEach
    void setUp() {
        sim = okta.simulator();
        acme = accounts.create();
        sso.connect(acme, sim.orgUrl(), sim.clientId(), sim.clientSecret(), sim.apiToken());
        user = sim.org().users().get(3);
    }

    @Test
    void startWhenSsoEnabledThenRedirectsToOktaWithPkceStateNonceAndLoginHint() throws Exception {
        URI authorize = new SsoFlow(mvc).start(acme.key(), "login_hint=" + user.login());
        Map<String, String> q = SsoFlow.query(authorize);
        assertThat(authorize.toString()).startsWith(sim.orgUrl() + "/oauth2/v1/authorize?");
        assertThat(q).containsEntry("client_id", sim.clientId()).containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsEntry("login_hint", user.login())
                .containsEntry("redirect_uri", "http://localhost/login/oauth2/code/" + acme.key())
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(q.get("scope").split(" ")).contains("openid", "email", "profile");
    }

    @Test
    void signInWhenOktaIdMatchesThenSignedInAsThatPersonWithNewSessionId() throws Exception {
        PersonView person = accounts.person(acme.account(), "someone-else@" + acme.key() + ".example", Role.ADMIN);
        assertThat(links.link(acme.id(), person.id(), user.id())).isTrue();
        SsoFlow flow = new SsoFlow(mvc);
        flow.start(acme.key());
        String before = flow.session.getId();
        MvcResult result = flow.callback(flow.authorizeAs(user.login()));

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");
        assertThat(flow.session.getId()).isNotEqualTo(before);
        mvc.perform(get(acme.page("/people")).session(flow.session)).andExpect(status().isOk());
        mvc.perform(get(acme.page("/sign-ins")).session(flow.session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(user.id())));
        assertThat(people.require(acme.id(), person.id()).person().status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void signInWhenVerifiedEmailMatchesUnlinkedPersonThenLinkedAndActive() throws Exception {
        PersonView person = accounts.person(acme.account(), user.email(), Role.MEMBER);
        assertThat(person.person().status()).isEqualTo(PersonStatus.INVITED);

        MvcResult result = new SsoFlow(mvc).signIn(acme.key(), user.login());

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");
        var after = people.require(acme.id(), person.id()).person();
        assertThat(after.oktaId()).isEqualTo(user.id());
        assertThat(after.status()).isEqualTo(PersonStatus.ACTIVE);
    }

    @Test
    void signInWhenEmailBelongsToPersonBoundToAnotherOktaIdThenRefusedAndAudited() throws Exception {
        PersonView person = accounts.person(acme.account(), user.email(), Role.OWNER);
        links.link(acme.id(), person.id(), "00uSomebodyElse00001");

        MvcResult result = new SsoFlow(mvc).signIn(acme.key(), user.login());

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sso/okta/" + acme.key() + "/problem?reason=taken");
        assertThat(people.require(acme.id(), person.id()).person().oktaId()).isEqualTo("00uSomebodyElse00001");
        Map<String, Object> audit = jdbc.sql("SELECT * FROM sign_in_audit WHERE account_id = ? AND method = 'sso'")
                .param(acme.id()).query().singleRow();
        assertThat(audit.get("outcome")).isEqualTo("failure");
        assertThat((String) audit.get("reason")).startsWith("taken");
        assertThat(audit.get("okta_sub")).isEqualTo(user.id());
        assertThat(audit.get("person_id")).isEqualTo(person.id());
        mvc.perform(get(result.getResponse().getRedirectedUrl())).andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("linked to another Okta user")));
    }

    @Test
    void signInWhenPersonDeactivatedThenRefusedWithClearPage() throws Exception {
        PersonView person = accounts.person(acme.account(), user.email(), Role.MEMBER);
        people.deactivate(acme.id(), person.id(), "admin");

        MvcResult result = new SsoFlow(mvc).signIn(acme.key(), user.login());

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/problem?reason=deactivated");
        mvc.perform(get(result.getResponse().getRedirectedUrl())).andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("has been deactivated")));
    }

    @Test
    void signInWhenNoPersonAndCreationOffThenAskAdminToAssignPage() throws Exception {
        MvcResult result = new SsoFlow(mvc).signIn(acme.key(), user.login());

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/problem?reason=not-assigned");
        mvc.perform(get(result.getResponse().getRedirectedUrl()))
                .andExpect(content().string(Matchers.containsString("Ask your admin to assign Roster to you in Okta")));
        assertThat(people.findByEmail(acme.id(), user.email())).isEmpty();
    }

    @Test
    void signInWhenOktaAnswersAccessDeniedThenClearPageNotStackTrace() throws Exception {
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        sim.org().unassign(user.id());
        try {
            SsoFlow flow = new SsoFlow(mvc);
            flow.start(acme.key());
            URI back = flow.authorizeAs(user.login());
            assertThat(SsoFlow.query(back)).containsEntry("error", "access_denied");

            MvcResult result = flow.callback(back);

            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/problem?reason=access-denied");
            mvc.perform(get(result.getResponse().getRedirectedUrl())).andExpect(status().isForbidden())
                    .andExpect(content().string(Matchers.containsString("Okta did not let you in")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
        } finally {
            sim.org().assign(user.id());
        }
    }

    @Test
    void callbackWhenStateForgedThenRefused() throws Exception {
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        SsoFlow flow = new SsoFlow(mvc);
        flow.start(acme.key());
        URI back = flow.authorizeAs(user.login());
        String forged = back.toString().replaceAll("state=[^&]+", "state=forged-state");

        MvcResult result = flow.callback(URI.create(forged));

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/problem?reason=state");
        mvc.perform(get(acme.page("/people")).session(flow.session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void callbackWhenStateReplayedThenRefused() throws Exception {
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        SsoFlow flow = new SsoFlow(mvc);
        flow.start(acme.key());
        URI back = flow.authorizeAs(user.login());
        assertThat(flow.callback(back).getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");

        SsoFlow attacker = new SsoFlow(mvc);
        attacker.start(acme.key());
        MvcResult replayed = attacker.callback(back);

        assertThat(replayed.getResponse().getRedirectedUrl()).endsWith("/problem?reason=state");
        mvc.perform(get(acme.page("/people")).session(attacker.session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void callbackWhenCodeReusedThenRefused() throws Exception {
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        SsoFlow flow = new SsoFlow(mvc);
        flow.start(acme.key());
        URI first = flow.authorizeAs(user.login());
        assertThat(flow.callback(first).getResponse().getRedirectedUrl()).endsWith("/people");
        // a new sign-in in the same browser (fresh state and PKCE verifier), answered with the redeemed code
        flow.start(acme.key());
        String reused = "/login/oauth2/code/" + acme.key() + "?code=" + SsoFlow.query(first).get("code") + "&state="
                + URLEncoder.encode(SsoFlow.query(flow.authorize).get("state"), StandardCharsets.UTF_8);

        MvcResult result = flow.callback(URI.create(reused));

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/problem?reason=code");
        String reason = jdbc.sql("SELECT reason FROM sign_in_audit WHERE account_id = ? AND outcome = 'failure'")
                .param(acme.id()).query(String.class).single();
        assertThat(reason).startsWith("invalid_grant");
    }

    @Test
    void startWhenTargetLinkUriIsRelativeThenLandsThereAfterSignIn() throws Exception {
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        SsoFlow flow = new SsoFlow(mvc);
        flow.start(acme.key(), "iss=" + sim.issuer() + "&login_hint=" + user.login() + "&target_link_uri=/a/"
                + acme.key() + "/teams?x=1");
        MvcResult result = flow.callback(flow.authorizeAs(user.login()));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/teams?x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "https://evil.example/", "/\\evil.com", "\\\\evil.com", "evil.com",
            "javascript:alert(1)", "/\r\nSet-Cookie:x=1", " //evil.com", "/a/x\u0000"})
    void startWhenTargetLinkUriLeavesTheSiteThenRefused(String target) throws Exception {
        mvc.perform(get("/sso/okta/" + acme.key() + "/start").param("target_link_uri", target))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("This sign-in link is not valid")));
    }

    @Test
    void startWhenIssIsAnotherIssuerThenRefusedAndAudited() throws Exception {
        mvc.perform(get("/sso/okta/" + acme.key() + "/start").param("iss", "https://evil.okta.com")
                        .param("login_hint", user.login()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("another Okta org")));
        Map<String, Object> audit = jdbc.sql("SELECT * FROM sign_in_audit WHERE account_id = ?").param(acme.id())
                .query().singleRow();
        assertThat(audit.get("outcome")).isEqualTo("failure");
        assertThat(audit.get("reason")).isEqualTo("issuer-mismatch: iss https://evil.okta.com");
        assertThat(audit.get("email")).isEqualTo(user.login());
    }

    @Test
    void startWhenSsoNotConfiguredThenClearPage() throws Exception {
        TestAccount other = accounts.create();
        mvc.perform(get("/sso/okta/" + other.key() + "/start")).andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("not set up for this account")));
    }

    @Test
    void signInPageWhenSsoEnabledThenShowsOktaButtonElseNot() throws Exception {
        mvc.perform(get(acme.page("/sign-in")))
                .andExpect(content().string(Matchers.containsString("/sso/okta/" + acme.key() + "/start")));
        TestAccount other = accounts.create();
        mvc.perform(get(other.page("/sign-in")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Sign in with Okta"))));
    }

    @Test
    void signOutWhenSsoSessionThenOktaLogoutWithIdTokenHintAndBackToSignIn() throws Exception {
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        SsoFlow flow = new SsoFlow(mvc);
        flow.signIn(acme.key(), user.login());

        MvcResult out = mvc.perform(post("/sign-out").session(flow.session).with(csrf())).andExpect(status().isOk())
                .andReturn();

        String body = out.getResponse().getContentAsString();
        String logout = body.replaceAll("(?s).*id=\"continue\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        URI logoutUri = URI.create(logout);
        assertThat(logout).startsWith(sim.orgUrl() + "/oauth2/v1/logout?");
        assertThat(SsoFlow.query(logoutUri)).containsKey("id_token_hint")
                .containsEntry("post_logout_redirect_uri", "http://localhost/sso/okta/" + acme.key() + "/signed-out");
        assertThat(body).contains("http-equiv=\"refresh\"");
        mvc.perform(get(acme.page("/people")).session(flow.session)).andExpect(status().is3xxRedirection());
        // Okta accepts the hint and sends the browser back
        var okta = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(logoutUri).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(okta.statusCode()).isEqualTo(302);
        assertThat(okta.headers().firstValue("Location")).hasValue("http://localhost/sso/okta/" + acme.key() + "/signed-out");
        mvc.perform(get("/sso/okta/" + acme.key() + "/signed-out"))
                .andExpect(redirectedUrl("/a/" + acme.key() + "/sign-in?signedOut"));
    }

    @Test
    void signOutWhenPasswordSessionThenStraightToSignInPage() throws Exception {
        MvcResult signedIn = mvc.perform(post("/sign-in").with(csrf()).param("account", acme.key())
                .param("email", acme.owner().person().email()).param("password", TestAccounts.PASSWORD)).andReturn();
        mvc.perform(post("/sign-out").session((MockHttpSession) signedIn.getRequest().getSession()).with(csrf()))
                .andExpect(redirectedUrl("/a/" + acme.key() + "/sign-in?signedOut"));
    }

    @Test
    void localSignInWhenMembersMustUseSsoThenMembersAndAdminsRefusedOwnersKeepBreakGlass() throws Exception {
        sso.save(acme, sim.orgUrl(), "org", sim.clientId(), sim.clientSecret(), sim.apiToken(), true, false);
        for (Role role : List.of(Role.MEMBER, Role.ADMIN)) {
            String email = role.wireName() + "@" + acme.key() + ".example";
            accounts.person(acme.account(), email, role);
            MvcResult refused = mvc.perform(post("/sign-in").with(csrf()).param("account", acme.key())
                    .param("email", email).param("password", TestAccounts.PASSWORD)).andReturn();
            assertThat(refused.getResponse().getRedirectedUrl()).contains("/sign-in?error=").contains("Okta");
        }
        MvcResult owner = mvc.perform(post("/sign-in").with(csrf()).param("account", acme.key())
                .param("email", acme.owner().person().email()).param("password", TestAccounts.PASSWORD)).andReturn();
        assertThat(owner.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");
        List<String> reasons = jdbc.sql("SELECT reason FROM sign_in_audit WHERE account_id = ? AND method = 'local'"
                + " AND outcome = 'failure'").param(acme.id()).query(String.class).list();
        assertThat(reasons).containsExactly("sso-required", "sso-required");
    }

    @Test
    void settingsWhenClientChangedThenNextSignInUsesNewClientWithoutRestart() throws Exception {
        new SsoFlow(mvc).start(acme.key());
        sso.connect(acme, sim.orgUrl(), "0oaAnotherClient123", "another-secret", sim.apiToken());
        URI authorize = new SsoFlow(mvc).start(acme.key());
        assertThat(SsoFlow.query(authorize)).containsEntry("client_id", "0oaAnotherClient123");
        sso.save(acme, sim.orgUrl(), "default", sim.clientId(), sim.clientSecret(), sim.apiToken(), false, false);
        assertThat(new SsoFlow(mvc).start(acme.key()).toString()).startsWith(sim.defaultIssuer() + "/v1/authorize?");
    }

    @Test
    void signInWhenCustomAuthorizationServerThenSignedIn() throws Exception {
        sso.save(acme, sim.orgUrl(), "default", sim.clientId(), sim.clientSecret(), sim.apiToken(), false, false);
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        MvcResult result = new SsoFlow(mvc).signIn(acme.key(), user.login());
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");
    }

    @Test
    void signInWhenSimulatorRotatesItsKeyThenStillSignsIn() throws Exception {
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        assertThat(new SsoFlow(mvc).signIn(acme.key(), user.login()).getResponse().getRedirectedUrl())
                .endsWith("/people");
        sim.rotateSigningKey();
        assertThat(new SsoFlow(mvc).signIn(acme.key(), user.login()).getResponse().getRedirectedUrl())
                .endsWith("/people");
    }

    @Test
    void localSignInWhenWrongPasswordThenCountedAndAuditedOnce() throws Exception {
        mvc.perform(post("/sign-in").with(csrf()).param("account", acme.key())
                .param("email", acme.owner().person().email()).param("password", "wrong"));
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM person WHERE id = ?").param(acme.owner().id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT reason FROM sign_in_audit WHERE account_id = ?").param(acme.id())
                .query(String.class).list()).containsExactly("wrong-password");
    }

    @Test
    void localSignInWhenEmailHasControlCharactersThenAuditedSafely() throws Exception {
        mvc.perform(post("/sign-in").with(csrf()).param("account", acme.key()).param("email", "x\u0000y@evil\r\n")
                .param("password", "wrong"));
        String email = jdbc.sql("SELECT email FROM sign_in_audit WHERE account_id = ?").param(acme.id())
                .query(String.class).single();
        assertThat(email).isEqualTo("x\uFFFDy@evil");
    }

    @Test
    void signInsPageWhenMemberThenForbidden() throws Exception {
        accounts.person(acme.account(), user.email(), Role.MEMBER);
        SsoFlow flow = new SsoFlow(mvc);
        flow.signIn(acme.key(), user.login());
        mvc.perform(get(acme.page("/sign-ins")).session(flow.session)).andExpect(status().isForbidden());
    }
}
