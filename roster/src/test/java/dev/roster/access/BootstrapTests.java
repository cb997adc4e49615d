package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.roster.accounts.Accounts;
import dev.roster.support.IntegrationTest;

@TestPropertySource(properties = {
        "roster.access.bootstrap.account=boot",
        "roster.access.bootstrap.account-name=Boot Strap Ltd",
        "roster.access.bootstrap.owner-email=owner@boot.example",
        "roster.access.bootstrap.owner-password=bootstrap-password-1",
        "roster.access.bootstrap.api-token=bootstrap-token-for-automation"})
class BootstrapTests extends IntegrationTest {

    @Autowired
    Accounts accountsService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.util.List<ApplicationRunner> runners;

    @Test
    void bootstrapWhenAccountMissingThenAccountOwnerAndTokenCreated() throws Exception {
        assertThat(accountsService.byKey("boot")).get().extracting(a -> a.name()).isEqualTo("Boot Strap Ltd");
        mvc.perform(get("/api/v1/accounts/boot/people").header("Authorization", "Bearer bootstrap-token-for-automation"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].email").value("owner@boot.example"))
                .andExpect(jsonPath("$.items[0].role").value("owner"));
        mvc.perform(post("/sign-in").with(csrf()).param("account", "boot").param("email", "owner@boot.example")
                        .param("password", "bootstrap-password-1"))
                .andExpect(redirectedUrl("/a/boot/people"));
        String hash = jdbc.sql("SELECT token_hash FROM api_token t JOIN account a ON a.id = t.account_id"
                + " WHERE a.account_key = 'boot'").query(String.class).single();
        assertThat(hash).isNotEqualTo("bootstrap-token-for-automation").hasSize(64);
    }

    @Test
    void bootstrapWhenAccountExistsThenNothingChanges() throws Exception {
        ApplicationArguments args = new DefaultApplicationArguments();
        for (ApplicationRunner runner : runners) {
            runner.run(args);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM person p JOIN account a ON a.id = p.account_id"
                + " WHERE a.account_key = 'boot'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token t JOIN account a ON a.id = t.account_id"
                + " WHERE a.account_key = 'boot'").query(Integer.class).single()).isEqualTo(1);
    }
}
