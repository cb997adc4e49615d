package dev.roster.provisioning.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import dev.roster.okta.OktaConnections;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.OtherSecretsKey;
import dev.roster.support.TestAccounts.TestAccount;

/** The hook URL as Okta meets it: verification, authentication, parsing, deduplication, queueing. */
class OktaHookEdgeTests extends IntegrationTest {

    private static final String APP_ID = "0oaTESTAPP000000000";

    @Autowired
    OktaConnections connections;

    @Autowired
    JdbcClient jdbc;

    TestAccount acme;
    String secret;

    @BeforeEach
    void setUp() {
        acme = accounts.create();
        secret = connections.save(acme.id(), OktaFixture.unreachableOrg(APP_ID, true)).newHookSecret().reveal();
    }

    @AfterEach
    void switchProvisioningOff() {
        connections.save(acme.id(), OktaFixture.unreachableOrg(APP_ID, false));
    }

    static String event(String uuid, String type, String userId) {
        return """
                {"uuid":"%s","published":"2026-11-02T14:09:15.421Z","eventType":"%s","version":"0",
                 "severity":"INFO","actor":{"id":"00uadmin","type":"User"},
                 "target":[{"id":"0ua1","type":"AppUser"},{"id":"%s","type":"AppInstance"},{"id":"%s","type":"User",
                 "alternateId":"john@acme.com"}]}""".formatted(uuid, type, APP_ID, userId);
    }

    static String delivery(String eventId, String... events) {
        return """
                {"eventType":"com.okta.event_hook","eventTypeVersion":"1.0","cloudEventsVersion":"0.1",
                 "source":"https://acme.okta.com/api/v1/eventHooks/who1","eventId":"%s",
                 "eventTime":"2026-11-02T14:09:16.000Z","contentType":"application/json",
                 "data":{"events":[%s]},"unknownField":{"ignored":true}}""".formatted(eventId, String.join(",", events));
    }

    private ResultActions post(String body, String presentedSecret) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/hooks/okta/" + acme.key())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (presentedSecret != null) {
            request.header("Authorization", presentedSecret);
        }
        return mvc.perform(request);
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE account_id = ?").param(acme.id())
                .query(Integer.class).single();
    }

    private int jobs() {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'okta-user-sync'"
                + " AND task_instance LIKE ?").param(acme.id() + ":%").query(Integer.class).single();
    }

    @Test
    void verifyWhenChallengeSentThenEchoed() throws Exception {
        mvc.perform(get("/hooks/okta/" + acme.key()).header("x-okta-verification-challenge", "abc-123"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verification").value("abc-123"));
    }

    @Test
    void verifyWhenNoChallengeThenBadRequest() throws Exception {
        mvc.perform(get("/hooks/okta/" + acme.key())).andExpect(status().isBadRequest());
    }

    @Test
    void deliverWhenHookSecretWrittenWithAnotherKeyThenUnauthorizedNeverServerErrorAndNothingStored() throws Exception {
        jdbc.sql("UPDATE okta_connection SET hook_secret = ? WHERE account_id = ?")
                .params(OtherSecretsKey.seal(secret), acme.id()).update();
        post(delivery("k1", event("k1", "user.account.update_profile", "00uK")), secret)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Hook secret unreadable"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(secret))));
        assertThat(count("okta_hook_delivery")).isZero();
        assertThat(count("okta_hook_event")).isZero();
    }

    @Test
    void deliverWhenValidThenNoContentStoredAndJobQueued() throws Exception {
        post(delivery("e1", event("u1", "user.account.update_profile", "00uA")), secret)
                .andExpect(status().isNoContent());
        assertThat(count("okta_hook_delivery")).isEqualTo(1);
        assertThat(count("okta_hook_event")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT requested FROM okta_user_sync WHERE account_id = ? AND okta_user_id = '00uA'")
                .param(acme.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deliverWhenEverySubscribedTypeThenEachQueuedForItsUser() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < OktaFixture.EVENT_TYPES.size(); i++) {
            events.add(event("t" + i, OktaFixture.EVENT_TYPES.get(i), "00uT" + i));
        }
        post(delivery("all-types", events.toArray(String[]::new)), secret).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM okta_hook_event WHERE account_id = ? AND outcome = 'queued'")
                .param(acme.id()).query(Integer.class).single()).isEqualTo(OktaFixture.EVENT_TYPES.size());
        assertThat(count("okta_user_sync")).isEqualTo(OktaFixture.EVENT_TYPES.size());
    }

    @Test
    void deliverWhenIrrelevantTypeOrOtherAppThenRecordedAndIgnored() throws Exception {
        String otherApp = event("o1", "application.user_membership.add", "00uB").replace(APP_ID, "0oaOTHERAPP");
        post(delivery("e2", event("i1", "user.session.start", "00uB"), otherApp), secret)
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM okta_hook_event WHERE account_id = ? AND outcome = 'ignored'")
                .param(acme.id()).query(Integer.class).single()).isEqualTo(2);
        assertThat(count("okta_user_sync")).isZero();
    }

    @Test
    void deliverWhenTargetsInAnyOrderThenUserTargetFound() throws Exception {
        String reordered = """
                {"uuid":"r1","eventType":"application.user_membership.remove",
                 "target":[{"id":"00uR","type":"User"},{"id":"%s","type":"AppInstance"},{"id":"0ua9","type":"AppUser"}]}
                """.formatted(APP_ID);
        post(delivery("e3", reordered), secret).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT okta_user_id FROM okta_hook_event WHERE account_id = ?").param(acme.id())
                .query(String.class).single()).isEqualTo("00uR");
    }

    @Test
    void deliverWhenSameEventIdTwiceThenStoredOnce() throws Exception {
        String body = delivery("dup", event("d1", "user.lifecycle.deactivate", "00uC"));
        post(body, secret).andExpect(status().isNoContent());
        post(body, secret).andExpect(status().isNoContent());
        assertThat(count("okta_hook_delivery")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT requested FROM okta_user_sync WHERE account_id = ?").param(acme.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deliverWhenSameEventUuidInAnotherDeliveryThenEventNotRepeated() throws Exception {
        post(delivery("first", event("same-uuid", "user.lifecycle.activate", "00uD")), secret)
                .andExpect(status().isNoContent());
        post(delivery("second", event("same-uuid", "user.lifecycle.activate", "00uD")), secret)
                .andExpect(status().isNoContent());
        assertThat(count("okta_hook_event")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT requested FROM okta_user_sync WHERE account_id = ?").param(acme.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deliverWhenManyEventsForOneUserThenOneJob() throws Exception {
        post(delivery("burst", event("b1", "user.account.update_profile", "00uE"),
                event("b2", "user.account.update_profile", "00uE"), event("b3", "user.lifecycle.suspend", "00uE")),
                secret).andExpect(status().isNoContent());
        assertThat(jobs()).isLessThanOrEqualTo(1);
        assertThat(count("okta_user_sync")).isEqualTo(1);
    }

    @Test
    void deliverWhenSecretWrongMissingOrPartialThenUnauthorizedAndNothingStored() throws Exception {
        String body = delivery("x", event("x1", "user.lifecycle.create", "00uF"));
        post(body, "wrong").andExpect(status().isUnauthorized());
        post(body, null).andExpect(status().isUnauthorized());
        post(body, secret.substring(0, secret.length() - 1)).andExpect(status().isUnauthorized());
        post(body, secret + "x").andExpect(status().isUnauthorized());
        assertThat(count("okta_hook_delivery")).isZero();
        assertThat(count("okta_hook_event")).isZero();
    }

    @Test
    void deliverWhenMalformedThenBadRequestProblemAndNothingStored() throws Exception {
        for (String body : List.of("", "not json", "[]", "{\"data\":{}}", "{\"data\":{\"events\":{}}}",
                "{\"data\":{\"events\":[1]}}", "{\"data\":{\"events\":[{\"eventType\":\"x\"}]}}",
                "{\"data\":{\"events\":[{\"uuid\":5,\"eventType\":\"x\"}]}}",
                "{\"data\":{\"events\":[{\"uuid\":\"a\",\"eventType\":\"x\",\"target\":\"User\"}]}}",
                "[".repeat(5000))) {
            post(body, secret).andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(count("okta_hook_delivery")).isZero();
    }

    @Test
    void deliverWhenUnknownAccountThenNotFound() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/hooks/okta/nobody-here")
                        .contentType(MediaType.APPLICATION_JSON).content(delivery("n", event("n1", "user.lifecycle.create", "00uG")))
                        .header("Authorization", secret))
                .andExpect(status().isNotFound());
    }

    @Test
    void deliverWhenAnotherAccountsSecretThenUnauthorized() throws Exception {
        TestAccount other = accounts.create();
        String otherSecret = connections.save(other.id(), OktaFixture.unreachableOrg(APP_ID, true)).newHookSecret()
                .reveal();
        post(delivery("cross", event("c1", "user.lifecycle.create", "00uH")), otherSecret)
                .andExpect(status().isUnauthorized());
    }

    @Test
    void deliverWhenHundredsOfEventsThenAccepted() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(event(UUID.randomUUID().toString(), "user.account.update_profile", "00uBulk" + (i % 50)));
        }
        post(delivery("bulk", events.toArray(String[]::new)), secret).andExpect(status().isNoContent());
        assertThat(count("okta_hook_event")).isEqualTo(500);
        assertThat(count("okta_user_sync")).isEqualTo(50);
    }
}
