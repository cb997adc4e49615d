package dev.roster.provisioning.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.roster.accounts.Role;
import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.directory.Source;
import dev.roster.okta.OktaUser;
import dev.roster.provisioning.sync.SyncDecision.Create;
import dev.roster.provisioning.sync.SyncDecision.Deactivate;
import dev.roster.provisioning.sync.SyncDecision.Ignore;
import dev.roster.provisioning.sync.SyncDecision.Refuse;
import dev.roster.provisioning.sync.SyncDecision.Update;

/** The rows of docs/SYNC-STATES.md, one test each. */
class SyncDecisionTests {

    private static final String OKTA_ID = "00u1";
    private static final String EMAIL = "jane@acme.com";

    private static Observation present(String status) {
        return new Observation(OKTA_ID, new OktaUser(OKTA_ID, status, Map.of("email", EMAIL), null), true);
    }

    private static final Observation DELETED = new Observation(OKTA_ID, null, false);
    private static final Observation UNASSIGNED = new Observation(OKTA_ID,
            new OktaUser(OKTA_ID, "ACTIVE", Map.of("email", EMAIL), null), false);

    private static PersonView person(String oktaId, PersonStatus status, String deactivatedBy) {
        Instant now = Instant.now();
        return new PersonView(new Person(UUID.randomUUID(), UUID.randomUUID(), EMAIL, null, "Jane", "Doe", null, null,
                null, null, null, null, Map.of(), status, Role.MEMBER, oktaId == null ? Source.MANUAL : Source.OKTA,
                oktaId, Invitation.NONE, null, now, null, status == PersonStatus.DEACTIVATED ? now : null,
                deactivatedBy, now, now), null, null);
    }

    @Test
    void decideWhenDeletedAndLinkedActiveThenDeactivate() {
        assertThat(SyncDecision.decide(DELETED, null, person(OKTA_ID, PersonStatus.ACTIVE, null), null))
                .isInstanceOfSatisfying(Deactivate.class, d -> assertThat(d.reason()).isEqualTo("deleted in Okta"));
    }

    @Test
    void decideWhenUnassignedAndLinkedInvitedThenDeactivate() {
        assertThat(SyncDecision.decide(UNASSIGNED, EMAIL, person(OKTA_ID, PersonStatus.INVITED, null), null))
                .isInstanceOfSatisfying(Deactivate.class,
                        d -> assertThat(d.reason()).isEqualTo("removed from the app in Okta"));
    }

    @Test
    void decideWhenSuspendedAndLinkedThenDeactivate() {
        assertThat(SyncDecision.decide(present("SUSPENDED"), EMAIL, person(OKTA_ID, PersonStatus.ACTIVE, null), null))
                .isInstanceOfSatisfying(Deactivate.class, d -> assertThat(d.reason()).isEqualTo("suspended in Okta"));
    }

    @Test
    void decideWhenDeprovisionedAndLinkedThenDeactivate() {
        assertThat(SyncDecision.decide(present("DEPROVISIONED"), EMAIL, person(OKTA_ID, PersonStatus.ACTIVE, null), null))
                .isInstanceOfSatisfying(Deactivate.class, d -> assertThat(d.reason()).isEqualTo("deactivated in Okta"));
    }

    @Test
    void decideWhenGoneAndAlreadyDeactivatedThenIgnore() {
        assertThat(SyncDecision.decide(DELETED, null, person(OKTA_ID, PersonStatus.DEACTIVATED, "okta"), null))
                .isInstanceOf(Ignore.class);
    }

    @Test
    void decideWhenGoneAndNoLinkedPersonThenIgnoreEvenIfEmailMatchesHandMadePerson() {
        PersonView handMade = person(null, PersonStatus.ACTIVE, null);
        assertThat(SyncDecision.decide(UNASSIGNED, EMAIL, null, handMade))
                .isInstanceOfSatisfying(Ignore.class, i -> assertThat(i.target()).isNull());
    }

    @Test
    void decideWhenPresentAndNoPersonThenCreate() {
        assertThat(SyncDecision.decide(present("ACTIVE"), EMAIL, null, null)).isInstanceOf(Create.class);
    }

    @Test
    void decideWhenStagedOrProvisionedThenTreatedAsPresent() {
        assertThat(SyncDecision.decide(present("STAGED"), EMAIL, null, null)).isInstanceOf(Create.class);
        assertThat(SyncDecision.decide(present("PROVISIONED"), EMAIL, null, null)).isInstanceOf(Create.class);
        assertThat(SyncDecision.decide(present("LOCKED_OUT"), EMAIL, null, null)).isInstanceOf(Create.class);
    }

    @Test
    void decideWhenPresentAndLinkedThenUpdateWithoutLinkOrReactivation() {
        PersonView linked = person(OKTA_ID, PersonStatus.ACTIVE, null);
        assertThat(SyncDecision.decide(present("ACTIVE"), EMAIL, linked, linked))
                .isEqualTo(new Update(linked, false, false));
    }

    @Test
    void decideWhenPresentAndLinkedDeactivatedByOktaThenReactivate() {
        PersonView linked = person(OKTA_ID, PersonStatus.DEACTIVATED, "okta");
        assertThat(SyncDecision.decide(present("ACTIVE"), EMAIL, linked, linked))
                .isEqualTo(new Update(linked, false, true));
    }

    @Test
    void decideWhenPresentAndLinkedDeactivatedByAdminThenUpdateButStayDeactivated() {
        PersonView linked = person(OKTA_ID, PersonStatus.DEACTIVATED, "admin");
        assertThat(SyncDecision.decide(present("ACTIVE"), EMAIL, linked, linked))
                .isEqualTo(new Update(linked, false, false));
    }

    @Test
    void decideWhenPresentAndEmailMatchesUnlinkedPersonThenLink() {
        PersonView handMade = person(null, PersonStatus.ACTIVE, null);
        assertThat(SyncDecision.decide(present("ACTIVE"), EMAIL, null, handMade))
                .isEqualTo(new Update(handMade, true, false));
    }

    @Test
    void decideWhenEmailMatchesPersonBoundToAnotherOktaIdThenRefuse() {
        PersonView other = person("00uOTHER", PersonStatus.ACTIVE, null);
        assertThat(SyncDecision.decide(present("ACTIVE"), EMAIL, null, other))
                .isInstanceOfSatisfying(Refuse.class, r -> assertThat(r.reason()).contains("00uOTHER"));
    }

    @Test
    void decideWhenLinkedPersonsNewEmailBelongsToSomeoneElseThenRefuse() {
        PersonView linked = person(OKTA_ID, PersonStatus.ACTIVE, null);
        PersonView someoneElse = person(null, PersonStatus.ACTIVE, null);
        assertThat(SyncDecision.decide(present("ACTIVE"), EMAIL, linked, someoneElse)).isInstanceOf(Refuse.class);
    }

    @Test
    void decideWhenPresentWithoutUsableEmailAndNoLinkThenRefuse() {
        assertThat(SyncDecision.decide(present("ACTIVE"), null, null, null)).isInstanceOf(Refuse.class);
    }
}
