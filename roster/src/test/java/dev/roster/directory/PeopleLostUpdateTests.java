package dev.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;

import dev.roster.accounts.Role;
import dev.roster.directory.internal.PersonRepository;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * An admin's edit, deactivation or reactivation reads the person, then writes. An activation at
 * first sign-in or an invitation sent in between must survive the write: the edit is held right
 * after its read (a spy on the repository) while the other change commits from another thread.
 */
class PeopleLostUpdateTests extends IntegrationTest {

    @Autowired
    PersonRepository repository;

    @Autowired
    Teams teams;

    @Autowired
    CustomFields customFields;

    @Autowired
    Clock clock;

    @Autowired
    Credentials credentials;

    @Autowired
    DirectorySync directory;

    private final AtomicReference<Runnable> betweenReadAndWrite = new AtomicReference<>();
    private People people;
    private TestAccount acme;
    private PersonView ada;

    @BeforeEach
    void heldPeople() {
        // the repository bean is a proxy (exception translation); spy on what it wraps
        PersonRepository held = Mockito.spy(AopTestUtils.<PersonRepository>getUltimateTargetObject(repository));
        doAnswer(this::readThenLetOthersCommit).when(held).find(any(), any());
        people = new People(held, teams, customFields, clock);
        acme = accounts.create();
        ada = accounts.person(acme.account(), "ada@" + acme.key() + ".example", Role.MEMBER);
        directory.setInvitation(acme.id(), List.of(ada.id()), Invitation.PENDING);
    }

    @Test
    void updateWhenActivatedAndInvitedBetweenReadAndWriteThenBothSurvive() {
        betweenReadAndWrite.set(this::activateAndSendInvitation);
        PersonInput edit = people.inputOf(ada);
        edit = new PersonInput(edit.email(), edit.title(), edit.firstName(), edit.lastName(), edit.avatarUrl(),
                "Engineer", edit.primaryLanguage(), edit.primaryLocation(), edit.primaryTeam(), edit.managerId(),
                edit.customFields(), "admin");

        people.update(acme.id(), ada.id(), edit);

        Person after = person();
        assertThat(after.jobTitle()).isEqualTo("Engineer");
        assertThat(after.role()).isEqualTo(Role.ADMIN);
        assertThat(after.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(after.activatedAt()).isNotNull();
        assertThat(after.invitation()).isEqualTo(Invitation.SENT);
    }

    @Test
    void deactivateWhenActivatedAndInvitedBetweenReadAndWriteThenBothKept() {
        betweenReadAndWrite.set(this::activateAndSendInvitation);

        people.deactivate(acme.id(), ada.id(), "admin");

        Person after = person();
        assertThat(after.status()).isEqualTo(PersonStatus.DEACTIVATED);
        assertThat(after.deactivatedBy()).isEqualTo("admin");
        assertThat(after.activatedAt()).as("a reactivation makes them active again").isNotNull();
        assertThat(after.invitation()).isEqualTo(Invitation.SENT);
    }

    @Test
    void reactivateWhenInvitationSentBetweenReadAndWriteThenKept() {
        people.deactivate(acme.id(), ada.id(), "admin");
        betweenReadAndWrite.set(() -> directory.setInvitation(acme.id(), List.of(ada.id()), Invitation.SENT));

        people.reactivate(acme.id(), ada.id());

        Person after = person();
        assertThat(after.status()).isEqualTo(PersonStatus.INVITED);
        assertThat(after.deactivatedAt()).isNull();
        assertThat(after.invitation()).isEqualTo(Invitation.SENT);
    }

    private void activateAndSendInvitation() {
        credentials.recordSuccess(acme.id(), ada.id());
        directory.setInvitation(acme.id(), List.of(ada.id()), Invitation.SENT);
    }

    /** The real read, then whatever the test set up commits from another thread, before the caller writes. */
    private Object readThenLetOthersCommit(InvocationOnMock invocation) throws Throwable {
        Object read = invocation.callRealMethod();
        Runnable meanwhile = betweenReadAndWrite.getAndSet(null);
        if (meanwhile != null) {
            CompletableFuture.runAsync(meanwhile).get(10, TimeUnit.SECONDS);
        }
        return read;
    }

    private Person person() {
        return directory.byId(acme.id(), ada.id()).orElseThrow().person();
    }
}
