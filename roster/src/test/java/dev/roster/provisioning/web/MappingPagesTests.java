package dev.roster.provisioning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import dev.roster.directory.CustomFields;
import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.FieldMappings;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

class MappingPagesTests extends IntegrationTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(5).seed(5).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    CustomFields customFields;

    @Autowired
    FieldMappings mappings;

    TestAccount acme;
    MockHttpSession session;
    OktaSimulator sim;

    @BeforeEach
    void setUp() throws Exception {
        sim = okta.simulator();
        acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), sim);
        customFields.create(acme.id(), "costCentre", "Cost centre", "text", null);
        session = (MockHttpSession) mvc.perform(post("/sign-in").session(new MockHttpSession()).with(csrf())
                        .param("account", acme.key()).param("email", acme.owner().person().email())
                        .param("password", TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
    }

    @Test
    void pageWhenOpenedThenOffersTheOrgsAttributesForCustomFields() throws Exception {
        mvc.perform(get(acme.page("/okta/mapping")).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cost centre")))
                .andExpect(content().string(containsString("<option value=\"costCenter\">costCenter</option>")))
                .andExpect(content().string(containsString("overrides their primary team")));
    }

    @Test
    void saveWhenManagerOffAndCustomMappedThenStored() throws Exception {
        mvc.perform(post(acme.page("/okta/mapping")).session(session).with(csrf())
                        .param("standard.first-name", "on").param("standard.last-name", "on")
                        .param("standard.team", "on").param("avatarAttribute", "avatarUrl")
                        .param("custom.costCentre", "costCenter"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Saved.")));
        FieldMappings.Mapping saved = mappings.get(acme.id());
        assertThat(saved.standard()).containsEntry("manager", false).containsEntry("team", true)
                .containsEntry("email", true);
        assertThat(saved.custom()).containsEntry("costCentre", "costCenter");
    }

    @Test
    void previewWhenOktaUserFoundThenShowsWhatRosterWouldWrite() throws Exception {
        var user = sim.org().users().get(0);
        mvc.perform(get(acme.page("/okta/mapping")).session(session).param("previewEmail", user.email()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(user.email())))
                .andExpect(content().string(containsString(String.valueOf(user.profile().get("department")))));
    }

    @Test
    void previewWhenNoOktaUserHasTheEmailThenSaysSo() throws Exception {
        mvc.perform(get(acme.page("/okta/mapping")).session(session).param("previewEmail", "nobody@nowhere.example"))
                .andExpect(content().string(containsString("No Okta user has this email")));
    }
}
