package dev.roster.provisioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import dev.roster.accounts.Role;
import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

class OktaPagesTests extends IntegrationTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(2).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    dev.roster.provisioning.internal.ReconcileSchedule schedule;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestAccount acme;
    MockHttpSession session;

    @BeforeEach
    void signIn() throws Exception {
        acme = accounts.create();
        session = signIn(acme.owner().person().email());
    }

    private MockHttpSession signIn(String email) throws Exception {
        return (MockHttpSession) mvc.perform(post("/sign-in").session(new MockHttpSession()).with(csrf())
                        .param("account", acme.key()).param("email", email).param("password", TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
    }

    @Test
    void pageWhenNotConnectedThenShowsWhatToPasteIntoOkta() throws Exception {
        mvc.perform(get(acme.page("/okta")).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/hooks/okta/" + acme.key())))
                .andExpect(content().string(containsString("/login/oauth2/code/" + acme.key())))
                .andExpect(content().string(containsString("user.lifecycle.deactivate")))
                .andExpect(content().string(containsString("resource &quot;okta_event_hook&quot;")))
                .andExpect(content().string(containsString("/api/v1/eventHooks")));
    }

    @Test
    void saveWhenValidThenStoredAndHookSecretShownOnce() throws Exception {
        OktaSimulator sim = okta.simulator();
        String page = mvc.perform(post(acme.page("/okta")).session(session).with(csrf())
                        .param("orgUrl", sim.orgUrl()).param("authorizationServer", "org")
                        .param("clientId", sim.clientId()).param("clientSecret", sim.clientSecret())
                        .param("apiToken", sim.apiToken()).param("ssoEnabled", "true").param("_ssoEnabled", "on")
                        .param("provisioningEnabled", "true").param("_provisioningEnabled", "on")
                        .param("rateLimitPercent", "25").param("syncTimeUtc", "04:30")
                        .param("deprovisionMaxPercent", "10").param("deprovisionMaxCount", "50"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var saved = connections.find(acme.id()).orElseThrow();
        assertThat(page).contains(saved.hookSecret().reveal()).contains("not shown again");
        assertThat(saved.rateLimitShare()).isEqualByComparingTo("0.25");
        assertThat(saved.syncTimeUtc()).hasToString("04:30");
        String again = mvc.perform(get(acme.page("/okta")).session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(again).doesNotContain(saved.hookSecret().reveal()).doesNotContain(sim.apiToken())
                .doesNotContain(sim.clientSecret()).contains("stored; type to replace");
    }

    @Test
    void pageWhenSecretsWrittenWithAnotherKeyThenSaysWhichAndTestConnectionToo() throws Exception {
        OktaSimulator sim = okta.simulator();
        dev.roster.support.OktaFixture.connect(connections, acme.id(), sim);
        String sealed = dev.roster.support.OtherSecretsKey.seal("from-another-instance");
        String otherKeyId = sealed.split(":")[1];
        jdbc.sql("UPDATE okta_connection SET hook_secret = ?, api_token = ? WHERE account_id = ?")
                .params(sealed, sealed, acme.id()).update();
        String page = mvc.perform(get(acme.page("/okta")).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("cannot decrypt some of the stored secrets", "hook secret: it was written with secrets key "
                + otherKeyId, "API token: it was written with", "ROSTER_SECRETS_KEY");
        var testRun = mvc.perform(post(acme.page("/okta/test")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String tested = mvc.perform(get(acme.page("/okta")).session(session).flashAttrs(testRun.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tested).contains("Stored secrets", "cannot decrypt the API token",
                "deliveries are refused (401)").doesNotContain("from-another-instance");
        // saving the form without retyping them keeps the stored values for the right key to read later
        mvc.perform(post(acme.page("/okta")).session(session).with(csrf()).param("orgUrl", sim.orgUrl())
                .param("authorizationServer", "org").param("clientId", sim.clientId())
                .param("ssoEnabled", "true").param("_ssoEnabled", "on")
                .param("provisioningEnabled", "true").param("_provisioningEnabled", "on")).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT hook_secret FROM okta_connection WHERE account_id = ?").param(acme.id())
                .query(String.class).single()).isEqualTo(sealed);
    }

    @Test
    void saveWhenServiceAppPastedThenUsedInsteadOfTokenAndKeyNeverShownBack() throws Exception {
        OktaSimulator sim = okta.simulator();
        RSAKey key = new RSAKeyGenerator(2048).keyID("page-key").generate();
        String clientId = sim.org().addServiceApp(key.toPublicJWK(), Set.of("okta.users.read", "okta.apps.read"))
                .clientId();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toRSAPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        mvc.perform(post(acme.page("/okta")).session(session).with(csrf())
                        .param("orgUrl", sim.orgUrl()).param("authorizationServer", "org")
                        .param("clientId", sim.clientId()).param("clientSecret", sim.clientSecret())
                        .param("serviceAppClientId", clientId).param("serviceAppPrivateKey", pem)
                        .param("provisioningEnabled", "true").param("_provisioningEnabled", "on"))
                .andExpect(status().isOk());

        var saved = connections.find(acme.id()).orElseThrow();
        assertThat(saved.apiToken()).isNull();
        assertThat(saved.serviceApp().clientId()).isEqualTo(clientId);
        String again = mvc.perform(get(acme.page("/okta")).session(session)).andReturn().getResponse()
                .getContentAsString();
        String keyBody = pem.lines().skip(1).findFirst().orElseThrow();
        assertThat(again).contains(clientId).contains("stored; paste to replace").doesNotContain(keyBody);
    }

    @Test
    void saveWhenServiceAppKeyIsNotAPrivateKeyThenFieldProblemAndNothingStored() throws Exception {
        OktaSimulator sim = okta.simulator();
        mvc.perform(post(acme.page("/okta")).session(session).with(csrf())
                        .param("orgUrl", sim.orgUrl()).param("clientId", sim.clientId())
                        .param("clientSecret", sim.clientSecret()).param("serviceAppClientId", "0oaService123")
                        .param("serviceAppPrivateKey", "not a key"))
                .andExpect(status().isOk())
                // next to the key's field, in the form's words (not the API's "serviceApp.privateKeyPem")
                .andExpect(content().string(containsString("id=\"error-serviceAppPrivateKey\"")))
                .andExpect(content().string(containsString("must be an RSA or EC private key in PEM")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("serviceApp.privateKeyPem"))));
        assertThat(connections.find(acme.id())).isEmpty();
    }

    @Test
    void saveWhenInvalidThenErrorsShownAndNothingStored() throws Exception {
        mvc.perform(post(acme.page("/okta")).session(session).with(csrf()).param("orgUrl", "ftp://nope")
                        .param("clientId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please fix the following")));
        assertThat(connections.find(acme.id())).isEmpty();
    }

    @Test
    void syncUsersWhenClickedThenRunPageShown() throws Exception {
        OktaSimulator sim = okta.simulator();
        dev.roster.support.OktaFixture.connect(connections, acme.id(), sim);
        String location = mvc.perform(post(acme.page("/okta/sync")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/okta/runs/");
        mvc.perform(get(acme.page("/okta")).session(session))
                .andExpect(content().string(containsString("<time class=\"local-time\" datetime=\"")))
                // the real time: 03:00 GMT plus this account's offset inside the spread window
                .andExpect(content().string(containsString("datetime=\"" + schedule.nextDue(acme.id(),
                        java.time.LocalTime.of(3, 0), java.time.Instant.now()) + "\"")))
                .andExpect(content().string(containsString("/js/local-time.js")));
        mvc.perform(get(location).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sync run")))
                .andExpect(content().string(containsString("/js/run-progress.js")));
        dev.roster.support.OktaFixture.eventually(() -> {
            try {
                return mvc.perform(get(location + "/progress").session(session)).andReturn().getResponse()
                        .getContentAsString().contains("\"finished\":true");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        mvc.perform(get(location + "/progress").session(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.created").value(2))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status").value("succeeded"));
        mvc.perform(get("/js/run-progress.js")).andExpect(status().isOk());
    }

    @Test
    void pageWhenHookDeliveriesArrivedThenListed() throws Exception {
        OktaSimulator sim = okta.simulator();
        String secret = dev.roster.support.OktaFixture.connect(connections, acme.id(), sim);
        mvc.perform(post("/hooks/okta/" + acme.key()).header("Authorization", secret)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"eventId\":\"e1\",\"data\":{\"events\":[{\"uuid\":\"u1\","
                                + "\"eventType\":\"user.account.update_profile\",\"target\":[{\"id\":\"00uX\","
                                + "\"type\":\"User\"}]}]}}"))
                .andExpect(status().isNoContent());
        mvc.perform(get(acme.page("/okta")).session(session))
                .andExpect(content().string(containsString("Recent hook deliveries")))
                .andExpect(content().string(containsString("user.account.update_profile")));
    }

    @Test
    void pageWhenMemberThenForbidden() throws Exception {
        accounts.person(acme.account(), "member@" + acme.key() + ".example", Role.MEMBER);
        MockHttpSession member = signIn("member@" + acme.key() + ".example");
        mvc.perform(get(acme.page("/okta")).session(member)).andExpect(status().isForbidden());
    }
}
