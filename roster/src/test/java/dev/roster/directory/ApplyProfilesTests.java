package dev.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.accounts.Role;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/** The narrow write of provisioning sources: only what the update sets, lifecycle decided at write time. */
class ApplyProfilesTests extends IntegrationTest {

    @Autowired
    DirectorySync directory;

    @Autowired
    People people;

    @Autowired
    Credentials credentials;

    @Autowired
    TransactionTemplate transaction;

    private TestAccount acme;

    @BeforeEach
    void account() {
        acme = accounts.create();
    }

    @Test
    void applyProfilesWhenFieldsGivenThenOnlyThoseWrittenAndRoleKept() {
        PersonView ada = accounts.person(acme.account(), "ada@" + acme.key() + ".example", Role.ADMIN);

        apply(ProfileUpdate.of(ada.id()).set(ProfileUpdate.Field.JOB_TITLE, "Engineer")
                .set(ProfileUpdate.Field.FIRST_NAME, null));

        Person after = person(ada.id());
        assertThat(after.jobTitle()).isEqualTo("Engineer");
        assertThat(after.firstName()).isNull();
        assertThat(after.lastName()).isEqualTo("Last");
        assertThat(after.email()).isEqualTo(ada.person().email());
        assertThat(after.role()).isEqualTo(Role.ADMIN);
        assertThat(after.source()).isEqualTo(Source.MANUAL);
        assertThat(after.lastSyncedAt()).isNotNull();
    }

    @Test
    void applyProfilesWhenCustomValuesGivenThenMergedKeyByKeyIntoTheStoredOnes() {
        PersonView ada = accounts.person(acme.account(), "ada@" + acme.key() + ".example", Role.MEMBER);
        apply(ProfileUpdate.of(ada.id()).custom("level", "3").custom("desk", "A1"));

        apply(ProfileUpdate.of(ada.id()).custom("level", "4"));
        apply(ProfileUpdate.of(ada.id()).custom("desk", null));

        assertThat(person(ada.id()).customValues()).containsExactly(Map.entry("level", "4"));
    }

    @Test
    void applyProfilesWhenLinkingThenOktaIdAndSourceSet() {
        PersonView ada = accounts.person(acme.account(), "ada@" + acme.key() + ".example", Role.MEMBER);

        apply(ProfileUpdate.of(ada.id()).link("00uLINKED"));

        assertThat(person(ada.id()).oktaId()).isEqualTo("00uLINKED");
        assertThat(person(ada.id()).source()).isEqualTo(Source.OKTA);
    }

    @Test
    void applyProfilesWhenReactivatingOwnDeactivationThenActiveIfEverSignedInElseInvited() {
        PersonView signedIn = accounts.person(acme.account(), "in@" + acme.key() + ".example", Role.MEMBER);
        PersonView never = accounts.person(acme.account(), "never@" + acme.key() + ".example", Role.MEMBER);
        credentials.recordSuccess(acme.id(), signedIn.id());
        apply(ProfileUpdate.of(signedIn.id()).deactivate(), ProfileUpdate.of(never.id()).deactivate());
        assertThat(person(never.id()).deactivatedBy()).isEqualTo("okta");

        apply(ProfileUpdate.of(signedIn.id()).reactivate(), ProfileUpdate.of(never.id()).reactivate());

        assertThat(person(signedIn.id()).status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(person(never.id()).status()).isEqualTo(PersonStatus.INVITED);
        assertThat(person(never.id()).deactivatedAt()).isNull();
        assertThat(person(never.id()).deactivatedBy()).isNull();
    }

    @Test
    void applyProfilesWhenReactivatingAnAdminsDeactivationThenStaysDeactivated() {
        PersonView ada = accounts.person(acme.account(), "ada@" + acme.key() + ".example", Role.MEMBER);
        people.deactivate(acme.id(), ada.id(), "admin");

        apply(ProfileUpdate.of(ada.id()).reactivate().set(ProfileUpdate.Field.JOB_TITLE, "Engineer"));

        assertThat(person(ada.id()).status()).isEqualTo(PersonStatus.DEACTIVATED);
        assertThat(person(ada.id()).deactivatedBy()).isEqualTo("admin");
        assertThat(person(ada.id()).jobTitle()).isEqualTo("Engineer");
    }

    @Test
    void applyProfilesWhenAlreadyDeactivatedThenFirstDeactivationKept() {
        PersonView ada = accounts.person(acme.account(), "ada@" + acme.key() + ".example", Role.MEMBER);
        people.deactivate(acme.id(), ada.id(), "admin");
        Person before = person(ada.id());

        apply(ProfileUpdate.of(ada.id()).deactivate());

        assertThat(person(ada.id()).deactivatedBy()).isEqualTo("admin");
        assertThat(person(ada.id()).deactivatedAt()).isEqualTo(before.deactivatedAt());
    }

    @Test
    void applyProfilesWhenAnotherAccountsPersonThenNothingWritten() {
        PersonView ada = accounts.person(acme.account(), "ada@" + acme.key() + ".example", Role.MEMBER);
        TestAccount globex = accounts.create();

        transaction.executeWithoutResult(s -> directory.applyProfiles(globex.id(), Source.OKTA,
                List.of(ProfileUpdate.of(ada.id()).set(ProfileUpdate.Field.JOB_TITLE, "Spy"))));

        assertThat(person(ada.id()).jobTitle()).isNull();
    }

    @Test
    void applyProfilesWhenNoTransactionThenRefused() {
        PersonView ada = accounts.person(acme.account(), "ada@" + acme.key() + ".example", Role.MEMBER);

        assertThatThrownBy(() -> directory.applyProfiles(acme.id(), Source.OKTA,
                List.of(ProfileUpdate.of(ada.id()).custom("level", "1"))))
                .isInstanceOf(IllegalStateException.class);
    }

    private void apply(ProfileUpdate... updates) {
        transaction.executeWithoutResult(s -> directory.applyProfiles(acme.id(), Source.OKTA, List.of(updates)));
    }

    private Person person(UUID id) {
        return directory.byId(acme.id(), id).orElseThrow().person();
    }
}
