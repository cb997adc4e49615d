package dev.roster.provisioning;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.directory.Invitation;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.People;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** Okta changes reach the directory through real event hooks from the simulated org. */
class HookProvisioningTests extends LiveServerTest {

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(0).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    People people;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TestAccount acme;
    OktaSimulator sim;

    @BeforeEach
    void connect() {
        sim = okta.simulator();
        acme = accounts.create();
        OktaFixture.connectWithHook(connections, acme.id(), acme.key(), sim, baseUrl());
    }

    private String createInOkta(String first, String last, Map<String, Object> extra) {
        Map<String, Object> profile = new HashMap<>(Map.of("firstName", first, "lastName", last,
                "email", first.toLowerCase() + "@acme.example", "login", first.toLowerCase() + "@acme.example"));
        profile.putAll(extra);
        return sim.org().createUser(profile, true, true).id();
    }

    private Optional<PersonView> person(String oktaId) {
        return people.search(acme.id(), new PeopleQuery(null, null, null, null, oktaId),
                dev.roster.common.PageRequest.of(0, 1)).items().stream().findFirst();
    }

    @Test
    void hookWhenUserCreatedAndAssignedThenPersonInvitedWithPendingInvitation() {
        String id = createInOkta("Ada", "Lovelace", Map.of("department", "Engineering", "city", "London",
                "title", "Engineer", "honorificPrefix", "Countess", "preferredLanguage", "en-GB"));
        eventually(() -> person(id).isPresent());
        PersonView view = person(id).orElseThrow();
        assertThat(view.person().email()).isEqualTo("ada@acme.example");
        assertThat(view.person().status()).isEqualTo(PersonStatus.INVITED);
        assertThat(view.person().invitation()).isEqualTo(Invitation.PENDING);
        assertThat(view.person().title()).isEqualTo("Countess");
        assertThat(view.person().jobTitle()).isEqualTo("Engineer");
        assertThat(view.person().primaryLocation()).isEqualTo("London");
        assertThat(view.primaryTeam()).isEqualTo("Engineering");
    }

    @Test
    void hookWhenProfileUpdatedThenPersonUpdatedAndDepartmentMovesTeam() {
        String id = createInOkta("Alan", "Turing", Map.of("department", "Research"));
        eventually(() -> person(id).isPresent());
        sim.org().updateProfile(id, Map.of("department", "Codebreaking", "city", "Bletchley"));
        eventually(() -> "Codebreaking".equals(person(id).orElseThrow().primaryTeam()));
        assertThat(person(id).orElseThrow().person().primaryLocation()).isEqualTo("Bletchley");
    }

    @Test
    void hookWhenDeactivatedThenDeactivatedAndWhenReactivatedThenBack() {
        String id = createInOkta("Grace", "Hopper", Map.of());
        eventually(() -> person(id).isPresent());
        sim.org().lifecycle(id, "deactivate");
        eventually(() -> person(id).orElseThrow().person().status() == PersonStatus.DEACTIVATED);
        assertThat(person(id).orElseThrow().person().deactivatedBy()).isEqualTo("okta");
        sim.org().lifecycle(id, "activate");
        eventually(() -> person(id).orElseThrow().person().status() != PersonStatus.DEACTIVATED);
    }

    @Test
    void hookWhenSuspendedThenDeactivatedAndWhenUnsuspendedThenReactivated() {
        String id = createInOkta("Katherine", "Johnson", Map.of());
        eventually(() -> person(id).isPresent());
        sim.org().lifecycle(id, "suspend");
        eventually(() -> person(id).orElseThrow().person().status() == PersonStatus.DEACTIVATED);
        sim.org().lifecycle(id, "unsuspend");
        eventually(() -> person(id).orElseThrow().person().status() == PersonStatus.INVITED);
    }

    @Test
    void hookWhenUnassignedThenDeactivatedAndWhenAssignedAgainThenReactivated() {
        String id = createInOkta("Mary", "Jackson", Map.of());
        eventually(() -> person(id).isPresent());
        sim.org().unassign(id);
        eventually(() -> person(id).orElseThrow().person().status() == PersonStatus.DEACTIVATED);
        sim.org().assign(id);
        eventually(() -> person(id).orElseThrow().person().status() == PersonStatus.INVITED);
    }

    @Test
    void hookWhenDeletedThenDeactivated() {
        String id = createInOkta("Dorothy", "Vaughan", Map.of());
        eventually(() -> person(id).isPresent());
        sim.org().deleteUser(id);
        sim.org().deleteUser(id);
        eventually(() -> person(id).orElseThrow().person().status() == PersonStatus.DEACTIVATED);
    }

    @Test
    void hookWhenManagerArrivesAfterReportThenReportLinkedToManager() {
        String managerId = sim.org().createUser(Map.of("firstName", "Boss", "lastName", "Person",
                "email", "boss@acme.example", "login", "boss@acme.example"), true, false).id();
        String reportId = createInOkta("Report", "Person", Map.of("managerId", managerId, "manager", "Boss Person"));
        eventually(() -> person(reportId).isPresent());
        assertThat(person(reportId).orElseThrow().person().managerId()).isNull();
        sim.org().assign(managerId);
        eventually(() -> person(managerId).isPresent()
                && person(managerId).get().id().equals(person(reportId).orElseThrow().person().managerId()));
        assertThat(person(reportId).orElseThrow().effectiveManagerId()).isEqualTo(person(managerId).orElseThrow().id());
    }

    @Test
    void hookWhenStaleDeactivationArrivesLateThenPersonFollowsOktaNotTheEvent() throws Exception {
        String id = createInOkta("Stale", "Event", Map.of());
        eventually(() -> person(id).isPresent());
        // An old "deactivate" event, delivered out of order after the user is active again in Okta.
        String body = "{\"eventId\":\"late-1\",\"data\":{\"events\":[{\"uuid\":\"late-uuid-1\","
                + "\"eventType\":\"user.lifecycle.deactivate\",\"published\":\"2020-01-01T00:00:00.000Z\","
                + "\"target\":[{\"id\":\"" + id + "\",\"type\":\"User\"}]}]}}";
        String secret = connections.find(acme.id()).orElseThrow().hookSecret().reveal();
        java.time.Instant posted = java.time.Instant.now();
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/hooks/okta/" + acme.key()))
                        .header("Authorization", secret).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(204);
        eventually(() -> jdbc.sql("SELECT last_synced_at FROM okta_user_sync WHERE account_id = ? AND okta_user_id = ?")
                .params(acme.id(), id).query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).optional()
                .filter(at -> at != null && at.toInstant().isAfter(posted)).isPresent());
        assertThat(person(id).orElseThrow().person().status()).isNotEqualTo(PersonStatus.DEACTIVATED);
    }

    @Test
    void hookWhenHandMadePersonHasTheEmailThenLinkedNotDuplicated() {
        people.create(acme.id(), new dev.roster.directory.PersonInput("linus@acme.example", null, "Linus", "Hand",
                null, null, null, null, null, null, null, null));
        String id = createInOkta("Linus", "Okta", Map.of());
        eventually(() -> person(id).isPresent());
        PersonView linked = person(id).orElseThrow();
        assertThat(linked.person().lastName()).isEqualTo("Okta");
        assertThat(people.search(acme.id(), new PeopleQuery(null, "linus@acme.example", null, null, null),
                dev.roster.common.PageRequest.of(0, 5)).total()).isEqualTo(1);
    }
}
