package dev.roster.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.roster.directory.Invitation;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.Person;
import dev.roster.directory.PersonView;

/** The directory methods the invitations module stands on: paging by state, scoped writes, filtered ids. */
class DirectoryInvitationStateTests extends InvitationTest {

    @Test
    void withInvitationWhenPagedThenEveryPersonInTheStateSeenOnce() {
        // WITHHELD: the dispatcher leaves these alone, so the test sees them stay in place
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            mine.add(provisioned(address("w" + i), "W" + i, Invitation.WITHHELD).id());
        }
        List<UUID> seen = new ArrayList<>();
        UUID after = null;
        List<PersonView> page;
        do {
            page = directory.withInvitation(Invitation.WITHHELD, after, 3);
            page.forEach(v -> seen.add(v.id()));
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == 3);
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine);
        assertThat(directory.withInvitation(Invitation.WITHHELD, null, 1000))
                .allMatch(v -> v.person().invitation() == Invitation.WITHHELD);
    }

    @Test
    void setInvitationWhenIdsOfAnotherAccountThenOnlyOwnChanged() {
        Person mineOne = provisioned(address("one"), "One", Invitation.WITHHELD);
        var globex = accounts.create();

        int changed = directory.setInvitation(globex.id(), List.of(mineOne.id()), Invitation.SENT);

        assertThat(changed).isZero();
        assertThat(invitationOf(mineOne.id())).isEqualTo(Invitation.WITHHELD);
        assertThat(directory.setInvitation(acme.id(), List.of(mineOne.id()), Invitation.ACCEPTED)).isEqualTo(1);
        assertThat(invitationOf(mineOne.id())).isEqualTo(Invitation.ACCEPTED);
    }

    @Test
    void idsWithInvitationWhenFilteredThenMatchesFilterAndStates() {
        Person held = provisioned(address("held"), "Heldie", Invitation.WITHHELD);
        Person accepted = provisioned(address("acc"), "Heldacc", Invitation.ACCEPTED);
        provisioned(address("else"), "Other", Invitation.WITHHELD);

        PeopleQuery byName = new PeopleQuery("held", null, null, null, null);
        assertThat(directory.idsWithInvitation(acme.id(), byName, Set.of(Invitation.WITHHELD, Invitation.NONE)))
                .containsExactly(held.id());
        assertThat(directory.countWithInvitation(acme.id(), byName, Set.of(Invitation.ACCEPTED, Invitation.WITHHELD)))
                .isEqualTo(2);
        assertThat(directory.idsWithInvitation(acme.id(), byName, Set.of())).isEmpty();
        assertThat(accepted.id()).isNotNull();
    }
}
