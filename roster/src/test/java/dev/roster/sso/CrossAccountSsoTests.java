package dev.roster.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import dev.roster.accounts.Role;
import dev.roster.directory.People;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/** Two accounts wired to two Okta orgs: nothing that belongs to one signs anybody into the other. */
@Import(SsoAccounts.class)
class CrossAccountSsoTests extends IntegrationTest {

    static OktaSimulator orgA;
    static OktaSimulator orgB;

    @Autowired
    SsoAccounts sso;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    TestAccount a;
    TestAccount b;
    OktaUser userA;
    OktaUser userB;

    @BeforeAll
    static void startOrgs() {
        // same seed: both orgs have users with the same logins and emails, the worst case for confusion
        orgA = OktaSimulator.start(SimulatorOptions.builder().port(0).users(5).seed(7).rateLimits(false)
                .autoLogin(true).build());
        orgB = OktaSimulator.start(SimulatorOptions.builder().port(0).users(5).seed(7).rateLimits(false)
                .autoLogin(true).clientId("0oaOrgBClient0000001").clientSecret("org-b-secret-0123456789abcdef0123456789")
                .build());
    }

    @AfterAll
    static void stopOrgs() {
        orgA.close();
        orgB.close();
    }

    @BeforeEach
    void setUp() {
        a = accounts.create();
        b = accounts.create();
        sso.connect(a, orgA.orgUrl(), orgA.clientId(), orgA.clientSecret(), orgA.apiToken());
        sso.connect(b, orgB.orgUrl(), orgB.clientId(), orgB.clientSecret(), orgB.apiToken());
        userA = orgA.org().users().get(0);
        userB = orgB.org().users().get(0);
        accounts.person(a.account(), userA.email(), Role.ADMIN);
        accounts.person(b.account(), userB.email(), Role.ADMIN);
    }

    @Test
    void callbackWhenOrgAsAnswerIsDeliveredToAccountBThenNobodySignedIn() throws Exception {
        SsoFlow flow = new SsoFlow(mvc);
        flow.start(a.key());
        URI answer = flow.authorizeAs(userA.login());
        URI toB = URI.create(answer.toString().replace("/login/oauth2/code/" + a.key(), "/login/oauth2/code/" + b.key()));

        MvcResult result = flow.callback(toB);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sso/okta/" + b.key() + "/problem?reason=state");
        mvc.perform(get(a.page("/people")).session(flow.session)).andExpect(status().is3xxRedirection());
        mvc.perform(get(b.page("/people")).session(flow.session)).andExpect(status().is3xxRedirection());
        assertThat(people.findByEmail(b.id(), userB.email()).orElseThrow().person().oktaId()).isNull();
    }

    @Test
    void callbackWhenAccountBsStateAnsweredByOrgAThenNobodySignedIn() throws Exception {
        // a code from org A, with a sign-in the browser started for account B
        SsoFlow flow = new SsoFlow(mvc);
        flow.start(a.key());
        URI answerA = flow.authorizeAs(userA.login());
        flow.start(b.key());
        String stateB = SsoFlow.query(flow.authorize).get("state");
        URI mixed = URI.create("/login/oauth2/code/" + b.key() + "?code=" + SsoFlow.query(answerA).get("code")
                + "&state=" + java.net.URLEncoder.encode(stateB, java.nio.charset.StandardCharsets.UTF_8));

        MvcResult result = flow.callback(mixed);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/sso/okta/" + b.key() + "/problem?reason=code");
        mvc.perform(get(b.page("/people")).session(flow.session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void signInWhenSignedInToAThenAccountBsPagesAreNotFound() throws Exception {
        SsoFlow flow = new SsoFlow(mvc);
        assertThat(flow.signIn(a.key(), userA.login()).getResponse().getRedirectedUrl())
                .isEqualTo("/a/" + a.key() + "/people");

        mvc.perform(get(a.page("/people")).session(flow.session)).andExpect(status().isOk());
        mvc.perform(get(b.page("/people")).session(flow.session)).andExpect(status().isNotFound());
        assertThat(people.findByEmail(a.id(), userA.email()).orElseThrow().person().oktaId()).isEqualTo(userA.id());
        // same email in B, never linked by A's sign-in
        assertThat(people.findByEmail(b.id(), userB.email()).orElseThrow().person().oktaId()).isNull();
    }

    @Test
    void signInWhenOrgBUserAuthenticatesThroughAccountAThenRefusedByOrgA() throws Exception {
        // org B's user exists in org A with the same login (same seed) but A's Okta decides, and A's account matches
        SsoFlow flow = new SsoFlow(mvc);
        flow.signIn(b.key(), userB.login());
        Integer successesInA = jdbc.sql("SELECT COUNT(*) FROM sign_in_audit WHERE account_id = ? AND outcome = 'success'")
                .param(a.id()).query(Integer.class).single();
        assertThat(successesInA).isZero();
        mvc.perform(get(a.page("/people")).session(flow.session)).andExpect(status().isNotFound());
        mvc.perform(get(b.page("/people")).session(flow.session)).andExpect(status().isOk());
    }
}
