package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.roster.accounts.Role;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

class ApiTokensTests extends IntegrationTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void apiWhenNoTokenThenUnauthorizedProblem() throws Exception {
        TestAccount acme = accounts.create();
        mvc.perform(get(acme.api("/people")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void apiWhenWrongTokenThenUnauthorized() throws Exception {
        TestAccount acme = accounts.create();
        mvc.perform(get(acme.api("/people")).header("Authorization", "Bearer rst_wrong"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(acme.api("/people")).header("Authorization", "Basic Zm9vOmJhcg=="))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void issueWhenCreatedThenOnlyTheHashIsStored() {
        TestAccount acme = accounts.create();
        ApiTokens.Issued issued = tokens.issue(acme.id(), "ci", Role.ADMIN, null);
        String stored = jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?").param(issued.token().id())
                .query(String.class).single();
        assertThat(issued.secret()).startsWith("rst_").hasSizeGreaterThan(40);
        assertThat(stored).isNotEqualTo(issued.secret()).doesNotContain(issued.secret()).hasSize(64);
        assertThat(tokens.authenticate(issued.secret())).isPresent();
    }

    @Test
    void revokeWhenRevokedThenTokenNoLongerWorks() throws Exception {
        TestAccount acme = accounts.create();
        ApiTokens.Issued issued = tokens.issue(acme.id(), "temp", Role.ADMIN, null);
        mvc.perform(get(acme.api("/people")).header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk());
        tokens.revoke(acme.id(), issued.token().id());
        mvc.perform(get(acme.api("/people")).header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized());
    }
}
