package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.directory.Teams;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.ScimPush;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.scim.internal.ScimSettings;
import dev.roster.scim.internal.ScimTokens;
import dev.roster.support.LiveServerTest;

/**
 * An Okta org provisions Roster over SCIM end to end: the simulator's provisioning-to-app client sends
 * Okta's exact requests (first push, profile changes as GET then PUT, deactivation and unassignment as
 * a pathless PATCH, group push with its one-request membership PATCHes) to Roster's SCIM base URL.
 */
class OktaScimPushTests extends LiveServerTest {

    @Autowired
    ScimSettings settings;

    @Autowired
    ScimTokens tokens;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Test
    void pushWhenOktaProvisionsUsersAndGroupsThenRosterFollowsEveryChange() throws Exception {
        var account = accounts.create();
        settings.save(account.id(), true, null);
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(12).seed(3).rateLimits(false)
                .build())) {
            ScimPush push = sim.scim();
            push.connect(baseUrl() + "/scim/v2/" + account.key(), tokens.issue(account.id(), "Okta").token());
            push.pushAssignedUsers();
            assertThat(push.awaitIdle(Duration.ofSeconds(60))).isTrue();
            List<OktaUser> active = sim.org().users().stream().filter(u -> sim.org().isAssigned(u.id())
                    && "ACTIVE".equals(u.status())).toList();
            assertThat(active).isNotEmpty();
            assertThat(push.requests()).as("no request refused").allSatisfy(r -> assertThat(r.status()).isLessThan(300));
            Map<String, PersonView> byEmail = byEmail(account.id());
            for (OktaUser user : active) {
                PersonView person = byEmail.get(user.email().toLowerCase());
                assertThat(person).as(user.login()).isNotNull();
                assertThat(person.person().firstName()).isEqualTo(user.profile().string("firstName"));
                assertThat(person.primaryTeam()).isEqualTo(user.profile().string("department"));
            }

            OktaUser mover = active.get(0);
            sim.org().updateProfile(mover.id(), Map.of("title", "Chief Pusher", "department", "Pushing"));
            OktaUser leaver = active.get(1);
            sim.org().lifecycle(leaver.id(), "deactivate");
            OktaUser unassigned = active.get(2);
            sim.org().unassign(unassigned.id());
            var group = sim.org().createGroup("Pushers", "pushed to Roster");
            sim.org().addGroupMember(group.id, mover.id());
            push.pushGroup(group.id);
            assertThat(push.awaitIdle(Duration.ofSeconds(60))).isTrue();
            sim.org().addGroupMember(group.id, active.get(3).id());
            sim.org().removeGroupMember(group.id, mover.id());
            assertThat(push.awaitIdle(Duration.ofSeconds(60))).isTrue();

            assertThat(push.requests()).as("refused requests").allSatisfy(r -> assertThat(r.status()).isLessThan(300));
            assertThat(push.requests()).extracting(ScimPush.Request::method).contains("GET", "POST", "PUT", "PATCH")
                    .doesNotContain("DELETE");
            byEmail = byEmail(account.id());
            PersonView moved = byEmail.get(mover.email().toLowerCase());
            assertThat(moved.person().jobTitle()).isEqualTo("Chief Pusher");
            assertThat(moved.primaryTeam()).isEqualTo("Pushing");
            assertThat(byEmail.get(leaver.email().toLowerCase()).person().status()).isEqualTo(PersonStatus.DEACTIVATED);
            assertThat(byEmail.get(unassigned.email().toLowerCase()).person().status())
                    .isEqualTo(PersonStatus.DEACTIVATED);
            UUID team = teams.byName(account.id(), "Pushers").orElseThrow().id();
            assertThat(teams.members(account.id(), List.of(team)).get(team))
                    .containsExactly(byEmail.get(active.get(3).email().toLowerCase()).id());
        }
    }

    private Map<String, PersonView> byEmail(UUID accountId) {
        return people.search(accountId, PeopleQuery.all(), PageRequest.of(0, 500)).items().stream()
                .collect(Collectors.toMap(p -> p.person().email(), p -> p));
    }
}
