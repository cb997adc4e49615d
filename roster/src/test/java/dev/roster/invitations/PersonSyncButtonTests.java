package dev.roster.invitations;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.OktaFixture;

/** "Sync this person now" on a person's page: the outcome, or a clear message when Okta is away. */
class PersonSyncButtonTests extends InvitationTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(2).seed(7).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Test
    void syncWhenPersonFoundInOktaByEmailThenLinkedAndOutcomeShown() throws Exception {
        OktaFixture.connect(connections, acme.id(), okta.simulator());
        OktaUser user = okta.simulator().org().createUser(Map.of("login", address("grace"), "email", address("grace"),
                "firstName", "Grace", "lastName", "Hopper"), true, true);
        PersonView grace = people.create(acme.id(), new PersonInput(address("grace"), null, "G", "H", null, null,
                null, null, null, null, null, "member"));

        MvcResult result = mvc.perform(post(acme.page("/people/" + grace.id() + "/sync")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(acme.page("/people/" + grace.id())))
                .andExpect(flash().attribute("syncNotice", containsString("Synced from Okta: updated")))
                .andReturn();
        mvc.perform(get(acme.page("/people/" + grace.id())).session(session)
                        .flashAttrs(result.getFlashMap()))
                .andExpect(content().string(containsString("Synced from Okta: updated")))
                .andExpect(content().string(containsString("Hopper")));
        org.assertj.core.api.Assertions.assertThat(people.require(acme.id(), grace.id()).person().oktaId())
                .isEqualTo(user.id());
    }

    @Test
    void syncWhenNoOktaUserHasTheEmailThenNothingToSyncShown() throws Exception {
        OktaFixture.connect(connections, acme.id(), okta.simulator());
        PersonView nobody = people.create(acme.id(), new PersonInput(address("nobody"), null, "No", "Body", null,
                null, null, null, null, null, null, "member"));

        mvc.perform(post(acme.page("/people/" + nobody.id() + "/sync")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("syncNotice", containsString("Nothing to sync: no Okta user has the email")));
    }

    @Test
    void syncWhenAccountNotConnectedToOktaThenSaysSo() throws Exception {
        PersonView solo = people.create(acme.id(), new PersonInput(address("solo"), null, "So", "Lo", null, null,
                null, null, null, null, null, "member"));

        mvc.perform(post(acme.page("/people/" + solo.id() + "/sync")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("syncProblem", containsString("not connected to Okta")));
    }

    @Test
    void syncWhenOktaUnreachableThenClearMessageAndPersonUnchanged() throws Exception {
        connections.save(acme.id(), OktaSettings.builder("http://127.0.0.1:1", "0oa1b2c3d4e5f6g7h8i9")
                .clientSecret("client-secret")
                .apiToken("api-token")
                .ssoEnabled(false)
                .provisioningEnabled(true)
                .withholdInvitations(false)
                .build());
        PersonView ivy = people.create(acme.id(), new PersonInput(address("ivy"), null, "Ivy", "Vine", null, null,
                null, null, null, null, null, "member"));

        MvcResult result = mvc.perform(post(acme.page("/people/" + ivy.id() + "/sync")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("syncProblem", containsString("Okta could not be reached")))
                .andReturn();
        mvc.perform(get(acme.page("/people/" + ivy.id())).session(session).flashAttrs(result.getFlashMap()))
                .andExpect(content().string(containsString("Okta could not be reached, so nothing changed")));
        org.assertj.core.api.Assertions.assertThat(people.require(acme.id(), ivy.id()).person().oktaId()).isNull();
    }
}
