package dev.roster.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.common.PageRequest;
import dev.roster.directory.Invitation;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.Person;
import dev.roster.directory.PersonView;
import dev.roster.directory.Source;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.SyncRuns;

/** People provisioned by a real reconciliation against the simulated Okta org get (or are held from) emails. */
class ProvisionedInvitationTests extends InvitationTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).seed(11).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    /** Every test's simulated org has the same people (one seed): start from an empty mailbox. */
    @BeforeEach
    void emptyMailbox() {
        TestMailServer.purge();
    }

    @Test
    void reconciliationWhenPeopleCreatedThenEachGetsOneInvitation() throws Exception {
        List<Person> created = provision(false);
        assertThat(created).isNotEmpty();
        for (Person person : created) {
            assertThat(awaitMail(person.email(), 1)).hasSize(1);
            await(() -> invitationOf(person.id()) == Invitation.SENT);
        }
        Thread.sleep(600);
        for (Person person : created) {
            assertThat(TestMailServer.to(person.email())).hasSize(1);
        }
    }

    @Test
    void reconciliationWhenAccountWithholdsThenNoEmailsUntilAdminInvitesAll() throws Exception {
        List<Person> created = provision(true);
        assertThat(created).isNotEmpty().allMatch(p -> p.invitation() == Invitation.WITHHELD);
        Thread.sleep(800);
        for (Person person : created) {
            assertThat(TestMailServer.to(person.email())).isEmpty();
        }

        mvc.perform(post(acme.api("/people/invite")).param("status", "invited")
                        .header("Authorization", "Bearer " + acme.token()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.queued").value(created.size()));

        for (Person person : created) {
            assertThat(awaitMail(person.email(), 1)).hasSize(1);
        }
    }

    @Test
    void pendingPersonWhenAccountStartsWithholdingBeforeSendThenWithheldAndNoEmail() throws Exception {
        connect(true);
        Person late = provisioned(address("late"), "Late", Invitation.PENDING);
        await(() -> invitationOf(late.id()) == Invitation.WITHHELD);
        Thread.sleep(500);
        assertThat(TestMailServer.to(late.email())).isEmpty();
    }

    private List<Person> provision(boolean withhold) {
        connect(withhold);
        SyncRun run = runs.start(acme.id(), "manual");
        await(() -> runs.find(acme.id(), run.id()).orElseThrow().finished());
        assertThat(runs.find(acme.id(), run.id()).orElseThrow().status()).isEqualTo("succeeded");
        return people.search(acme.id(), PeopleQuery.all(), new PageRequest(0, 100)).items().stream()
                .map(PersonView::person).filter(p -> p.source() == Source.OKTA).toList();
    }

    private void connect(boolean withhold) {
        OktaSimulator sim = okta.simulator();
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .clientSecret(sim.clientSecret())
                .apiToken(sim.apiToken())
                .ssoEnabled(true)
                .provisioningEnabled(true)
                .withholdInvitations(withhold)
                .build());
    }
}
