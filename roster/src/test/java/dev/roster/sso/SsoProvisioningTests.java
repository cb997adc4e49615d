package dev.roster.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;

import dev.roster.accounts.Role;
import dev.roster.directory.People;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/** First sign-ins of people Roster does not know yet: provisioning's sync creates or refuses them. */
@Import(SsoAccounts.class)
class SsoProvisioningTests extends IntegrationTest {

    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(SimulatorOptions.builder().port(0)
            .users(20).seed(2).rateLimits(false).autoLogin(true).build());

    @Autowired
    SsoAccounts sso;

    @Autowired
    People people;

    OktaSimulator sim;
    TestAccount acme;
    OktaUser user;

    @BeforeEach
    void setUp() {
        sim = okta.simulator();
        acme = accounts.create();
        sso.connectWithProvisioning(acme, sim.orgUrl(), sim.clientId(), sim.clientSecret(), sim.apiToken());
        user = sim.org().users().get(3);
    }

    @Test
    void signInWhenNoPersonAndSsoMayCreateThenCreatedFromOktaAndSignedIn() throws Exception {
        MvcResult result = new SsoFlow(mvc).signIn(acme.key(), user.login());

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");
        Person created = people.findByEmail(acme.id(), user.email()).orElseThrow().person();
        assertThat(created.oktaId()).isEqualTo(user.id());
        assertThat(created.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(created.role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void signInWhenUnassignedBetweenOktaAndCallbackThenAskAdminToAssignPage() throws Exception {
        SsoFlow flow = new SsoFlow(mvc);
        flow.start(acme.key());
        URI back = flow.authorizeAs(user.login());
        sim.org().unassign(user.id());
        try {
            MvcResult result = flow.callback(back);

            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/problem?reason=not-assigned");
            mvc.perform(get(result.getResponse().getRedirectedUrl())).andExpect(status().isForbidden())
                    .andExpect(content().string(Matchers.containsString("Ask your admin to assign Roster to you in Okta")));
            assertThat(people.findByEmail(acme.id(), user.email())).isEmpty();
        } finally {
            sim.org().assign(user.id());
        }
    }
}
