package dev.roster.okta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import dev.roster.okta.OktaConnections;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

class OktaSettingsApiTests extends IntegrationTest {

    private static final String VALID = """
            {"orgUrl":"https://acme.okta.com/","authorizationServer":"org","clientId":"0oa1b2c3d4e5f6g7h8i9",
             "clientSecret":"client-secret-value","apiToken":"00api-token-value","serviceApp":null,
             "ssoEnabled":true,"provisioningEnabled":true,"withholdInvitations":false,"rateLimitShare":0.5}""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OktaConnections connections;

    TestAccount acme;

    @BeforeEach
    void setUp() {
        acme = accounts.create();
    }

    @Test
    void putWhenValidThenSavedWithSecretsMaskedAndHookSecretShownOnce() throws Exception {
        String body = putSettings(VALID)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orgUrl").value("https://acme.okta.com"))
                .andExpect(jsonPath("$.issuer").value("https://acme.okta.com"))
                .andExpect(jsonPath("$.clientSecret").value("********"))
                .andExpect(jsonPath("$.apiToken").value("********"))
                .andExpect(jsonPath("$.hookUrl").value("http://localhost/hooks/okta/" + acme.key()))
                .andExpect(jsonPath("$.hookHeaderName").value("Authorization"))
                .andExpect(jsonPath("$.redirectUri").value("http://localhost/login/oauth2/code/" + acme.key()))
                .andExpect(jsonPath("$.signOutRedirectUri").value("http://localhost/sso/okta/" + acme.key() + "/signed-out"))
                .andReturn().getResponse().getContentAsString();
        String hookSecret = JsonPath.read(body, "$.hookSecret");
        assertThat(hookSecret).hasSizeGreaterThan(30);
        assertThat(connections.find(acme.id()).orElseThrow().hookSecret().reveal()).isEqualTo(hookSecret);

        mvc.perform(get(acme.api("/okta")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hookSecret").doesNotExist())
                .andExpect(jsonPath("$.clientSecret").value("********"));
    }

    @Test
    void putWhenSavedThenNoSecretStoredInPlaintext() throws Exception {
        putSettings(VALID).andExpect(status().isOk());
        Map<String, Object> row = jdbc.sql("SELECT * FROM okta_connection WHERE account_id = ?").param(acme.id())
                .query().singleRow();
        assertThat(row.values().toString()).doesNotContain("client-secret-value").doesNotContain("00api-token-value")
                .doesNotContain(connections.find(acme.id()).orElseThrow().hookSecret().reveal());
    }

    @Test
    void putWhenSecretsOmittedOrMaskedThenStoredOnesKept() throws Exception {
        putSettings(VALID).andExpect(status().isOk());
        putSettings("""
                {"orgUrl":"https://acme.okta.com","clientId":"0oa1b2c3d4e5f6g7h8i9","clientSecret":"********",
                 "withholdInvitations":true}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withholdInvitations").value(true))
                .andExpect(jsonPath("$.hookSecret").doesNotExist());
        var saved = connections.find(acme.id()).orElseThrow();
        assertThat(saved.clientSecret().reveal()).isEqualTo("client-secret-value");
        assertThat(saved.apiToken().reveal()).isEqualTo("00api-token-value");
    }

    @Test
    void putWhenCustomAuthorizationServerThenIssuerUnderOauth2() throws Exception {
        putSettings(VALID.replace("\"authorizationServer\":\"org\"", "\"authorizationServer\":\"default\""))
                .andExpect(jsonPath("$.issuer").value("https://acme.okta.com/oauth2/default"));
    }

    @Test
    void putWhenFieldsInvalidThenFieldErrorsAndNothingStored() throws Exception {
        putSettings("""
                {"orgUrl":"http://acme.okta.com/some/path","clientId":"","provisioningEnabled":true,
                 "ssoEnabled":true,"rateLimitShare":3,"syncTimeUtc":"25:99"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("orgUrl")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("clientId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("clientSecret")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("apiToken")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("rateLimitShare")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("syncTimeUtc")));
        assertThat(connections.find(acme.id())).isEmpty();
    }

    @Test
    void putWhenServiceAppKeyIsNotAKeyThenFieldError() throws Exception {
        putSettings(VALID.replace("\"serviceApp\":null", "\"serviceApp\":{\"clientId\":\"0oasvc\",\"privateKeyPem\":\"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("serviceApp.privateKeyPem"));
    }

    @Test
    void getWhenNotConnectedThenNotFound() throws Exception {
        mvc.perform(get(acme.api("/okta")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void rotateHookSecretWhenCalledThenNewSecretShownAndStored() throws Exception {
        putSettings(VALID).andExpect(status().isOk());
        String old = connections.find(acme.id()).orElseThrow().hookSecret().reveal();
        String body = mvc.perform(post(acme.api("/okta/hook-secret")).header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String fresh = JsonPath.read(body, "$.hookSecret");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(connections.find(acme.id()).orElseThrow().hookSecret().reveal()).isEqualTo(fresh);
    }

    @Test
    void putWhenAnotherAccountsTokenThenNotFound() throws Exception {
        TestAccount other = accounts.create();
        mvc.perform(put(acme.api("/okta")).header("Authorization", "Bearer " + other.token())
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isNotFound());
        assertThat(connections.find(acme.id())).isEmpty();
    }

    private ResultActions putSettings(String json) throws Exception {
        return mvc.perform(put(acme.api("/okta")).header("Authorization", "Bearer " + acme.token())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
