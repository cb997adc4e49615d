package dev.roster.provisioning.api;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** The provisioning endpoints of the JSON API: sync runs, field mapping, syncing one person. */
class ProvisioningApiTests extends IntegrationTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).seed(3).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    CustomFields customFields;

    @Autowired
    People people;

    TestAccount acme;
    OktaSimulator sim;

    @BeforeEach
    void connect() {
        sim = okta.simulator();
        acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), sim);
    }

    private String bearer() {
        return "Bearer " + acme.token();
    }

    @Test
    void syncWhenStartedThenAcceptedAndRunReadableUntilSucceeded() throws Exception {
        String body = mvc.perform(post(acme.api("/okta/sync")).header("Authorization", bearer()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").exists())
                .andExpect(jsonPath("$.trigger").value("api"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        eventually(() -> {
            try {
                String run = mvc.perform(get(acme.api("/okta/sync-runs/" + id)).header("Authorization", bearer()))
                        .andReturn().getResponse().getContentAsString();
                return "succeeded".equals(JsonPath.read(run, "$.status"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        mvc.perform(get(acme.api("/okta/sync-runs/" + id)).header("Authorization", bearer()))
                .andExpect(jsonPath("$.counts.created").value(3))
                .andExpect(jsonPath("$.counts.updated").value(0))
                .andExpect(jsonPath("$.counts.unchanged").value(0))
                .andExpect(jsonPath("$.counts.deactivated").value(0))
                .andExpect(jsonPath("$.counts.reactivated").value(0))
                .andExpect(jsonPath("$.counts.failed").value(0))
                .andExpect(jsonPath("$.startedAt").exists())
                .andExpect(jsonPath("$.finishedAt").exists());
        mvc.perform(get(acme.api("/okta/sync-runs")).header("Authorization", bearer()))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void syncRunWhenAnotherAccountAsksThenNotFound() throws Exception {
        String body = mvc.perform(post(acme.api("/okta/sync")).header("Authorization", bearer()))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        TestAccount other = accounts.create();
        mvc.perform(get(other.api("/okta/sync-runs/" + id)).header("Authorization", "Bearer " + other.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get(acme.api("/okta/sync-runs/" + id)).header("Authorization", "Bearer " + other.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void syncWhenNotConnectedThenNotFound() throws Exception {
        TestAccount bare = accounts.create();
        mvc.perform(post(bare.api("/okta/sync")).header("Authorization", "Bearer " + bare.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void mappingWhenSavedThenReadBackAndInvalidRefused() throws Exception {
        customFields.create(acme.id(), "costCentre", "Cost centre", "text", null);
        mvc.perform(put(acme.api("/okta/mapping")).header("Authorization", bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standard\":{\"manager\":false,\"team\":false},\"avatarAttribute\":\"photo\","
                                + "\"custom\":{\"costCentre\":\"costCenter\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standard.manager").value(false))
                .andExpect(jsonPath("$.standard.team").value(false))
                .andExpect(jsonPath("$.standard.first-name").value(true))
                .andExpect(jsonPath("$.avatarAttribute").value("photo"))
                .andExpect(jsonPath("$.custom.costCentre").value("costCenter"));
        mvc.perform(put(acme.api("/okta/mapping")).header("Authorization", bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standard\":{\"email\":false,\"shoe-size\":true},\"custom\":{\"nope\":\"x\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("standard.email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("standard.shoe-size")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("custom.nope")));
    }

    @Test
    void syncPersonWhenHandMadeWithOktaEmailThenFoundByEmailAndLinked() throws Exception {
        var oktaUser = sim.org().users().get(0);
        UUID id = people.create(acme.id(), new PersonInput(oktaUser.email(), null, "Hand", "Made", null, null, null,
                null, null, null, Map.of(), null)).id();
        mvc.perform(post(acme.api("/people/" + id + "/sync")).header("Authorization", bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("updated"))
                .andExpect(jsonPath("$.changes[*].field", hasItem("oktaId")));
        assertThat(people.require(acme.id(), id).person().oktaId()).isEqualTo(oktaUser.id());
    }

    @Test
    void syncPersonWhenNoOktaUserHasTheEmailThenSkipped() throws Exception {
        UUID id = people.create(acme.id(), new PersonInput("nobody@else.example", null, null, null, null, null, null,
                null, null, null, Map.of(), null)).id();
        mvc.perform(post(acme.api("/people/" + id + "/sync")).header("Authorization", bearer()))
                .andExpect(jsonPath("$.outcome").value("skipped"));
    }
}
