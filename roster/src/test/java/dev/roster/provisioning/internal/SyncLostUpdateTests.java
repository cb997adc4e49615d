package dev.roster.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.directory.Credentials;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.Teams;
import dev.roster.okta.OktaClients;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaUser;
import dev.roster.provisioning.ProvisioningProperties;
import dev.roster.provisioning.SyncOutcome;
import dev.roster.provisioning.mapping.MappingSettings;
import dev.roster.provisioning.sync.Observation;
import dev.roster.support.IntegrationTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * A sync reads people without a lock, decides, then writes. What other modules commit in between —
 * an invitation sent, an activation at first sign-in — must survive its write. The sync is held
 * right after its read (a spy on the directory), the other change commits from another thread, then
 * the sync goes on. Covers the single-user path and a reconciliation page (same engine, the
 * reconciliation with its fingerprint shortcut) and a deactivation.
 */
class SyncLostUpdateTests extends IntegrationTest {

    private static final String OKTA_ID = "00uLOSTUPDATE";

    @Autowired
    DirectorySync directory;

    @Autowired
    Teams teams;

    @Autowired
    OktaLinkRepository links;

    @Autowired
    ManagerResolver managers;

    @Autowired
    Clock clock;

    @Autowired
    OktaConnections connections;

    @Autowired
    MappingSettingsRepository mappings;

    @Autowired
    Credentials credentials;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    SyncRunRepository runs;

    @Autowired
    OktaClients clients;

    @Autowired
    ProvisioningProperties properties;

    @Autowired
    ImportStatistics statistics;

    private final AtomicReference<Runnable> betweenReadAndWrite = new AtomicReference<>();
    private SyncEngine engine;
    private DirectorySync held;
    private TestAccount acme;
    private OktaConnection connection;
    private MappingSettings settings;

    @BeforeEach
    void heldEngine() {
        held = Mockito.spy(directory);
        doAnswer(this::readThenLetOthersCommit).when(held).byOktaIds(any(), any());
        doAnswer(this::readThenLetOthersCommit).when(held).byId(any(), any());
        engine = new SyncEngine(held, teams, links, managers, clock);
        acme = accounts.create();
        // Provisioning off: no scheduled run starts for this account; the engine is driven by the test alone.
        connections.save(acme.id(), OktaFixture.unreachableOrg("0oaLOSTUPDATE", false));
        connection = connections.find(acme.id()).orElseThrow();
        settings = mappings.load(acme.id());
    }

    @Test
    void applyWhenActivatedBetweenReadAndWriteThenActivationSurvives() {
        Person created = created();
        betweenReadAndWrite.set(() -> credentials.recordSuccess(acme.id(), created.id()));

        SyncOutcome outcome = sync(user("Senior Engineer"), null);

        assertThat(outcome).isInstanceOf(SyncOutcome.Updated.class);
        Person after = person(created.id());
        assertThat(after.jobTitle()).isEqualTo("Senior Engineer");
        assertThat(after.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(after.activatedAt()).isNotNull();
    }

    @Test
    void applyWhenInvitationSentBetweenReadAndWriteThenInvitationSurvives() {
        Person created = created();
        betweenReadAndWrite.set(() -> directory.setInvitation(acme.id(), List.of(created.id()), Invitation.SENT));

        sync(user("Senior Engineer"), null);

        Person after = person(created.id());
        assertThat(after.jobTitle()).isEqualTo("Senior Engineer");
        assertThat(after.invitation()).isEqualTo(Invitation.SENT);
    }

    @Test
    void applyWhenReconcilingAndActivatedAndInvitedMeanwhileThenBothSurvive() {
        Person created = created();
        betweenReadAndWrite.set(() -> {
            credentials.recordSuccess(acme.id(), created.id());
            directory.setInvitation(acme.id(), List.of(created.id()), Invitation.ACCEPTED);
        });

        sync(user("Staff Engineer"), new HashSet<>());

        Person after = person(created.id());
        assertThat(after.jobTitle()).isEqualTo("Staff Engineer");
        assertThat(after.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(after.invitation()).isEqualTo(Invitation.ACCEPTED);
    }

    @Test
    void applyWhenDeactivatingAndActivatedMeanwhileThenActivationAndInvitationKept() {
        Person created = created();
        betweenReadAndWrite.set(() -> {
            credentials.recordSuccess(acme.id(), created.id());
            directory.setInvitation(acme.id(), List.of(created.id()), Invitation.ACCEPTED);
        });

        SyncOutcome outcome = sync(null, null);

        assertThat(outcome).isInstanceOf(SyncOutcome.Deactivated.class);
        Person after = person(created.id());
        assertThat(after.status()).isEqualTo(PersonStatus.DEACTIVATED);
        assertThat(after.activatedAt()).as("a later reactivation makes them active again").isNotNull();
        assertThat(after.invitation()).isEqualTo(Invitation.ACCEPTED);
    }

    @Test
    void deactivateWhenUnlistedAndActivatedMeanwhileThenActivationAndInvitationKept() {
        Person created = created();
        UUID runId = UUID.randomUUID();
        runs.insert(runId, acme.id(), "manual", Instant.now(clock));
        ReconciliationRunner runner = new ReconciliationRunner(connections, clients, mappings, engine, runs, links,
                managers, held, properties, transaction, clock, statistics);
        betweenReadAndWrite.set(() -> {
            credentials.recordSuccess(acme.id(), created.id());
            directory.setInvitation(acme.id(), List.of(created.id()), Invitation.SENT);
        });
        try {
            int deactivated = transaction.execute(s -> runner.deactivate(acme.id(), runId, List.of(created.id())));

            assertThat(deactivated).isEqualTo(1);
        } finally {
            runner.stop();
        }
        Person after = person(created.id());
        assertThat(after.status()).isEqualTo(PersonStatus.DEACTIVATED);
        assertThat(after.deactivatedBy()).isEqualTo("okta");
        assertThat(after.activatedAt()).isNotNull();
        assertThat(after.invitation()).isEqualTo(Invitation.SENT);
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

    private Person created() {
        SyncOutcome outcome = sync(user("Engineer"), null);
        assertThat(outcome).isInstanceOf(SyncOutcome.Created.class);
        Person person = person(outcome.personId());
        assertThat(person.status()).isEqualTo(PersonStatus.INVITED);
        assertThat(person.invitation()).isEqualTo(Invitation.PENDING);
        return person;
    }

    private SyncOutcome sync(OktaUser user, Set<UUID> listed) {
        Observation observation = new Observation(OKTA_ID, user, true);
        Map<String, UUID> teamCache = new HashMap<>();
        return transaction.execute(s -> engine.apply(connection, settings, List.of(observation), listed, teamCache))
                .get(0).outcome();
    }

    private OktaUser user(String jobTitle) {
        return new OktaUser(OKTA_ID, "ACTIVE", Map.of("email", "ada@" + acme.key() + ".example", "login",
                "ada@" + acme.key() + ".example", "firstName", "Ada", "lastName", "Lovelace", "title", jobTitle),
                null);
    }

    private Person person(UUID id) {
        return directory.byId(acme.id(), id).orElseThrow().person();
    }
}
