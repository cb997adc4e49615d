package dev.roster.provisioning;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.common.PageRequest;
import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.internal.MappingSettingsRepository;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts.TestAccount;

/** Full reconciliations against a simulated org of 12 assigned users. */
class ReconciliationTests extends LiveServerTest {

    private static final int USERS = 12;

    @RegisterExtension
    OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(USERS).seed(7).rateLimits(false).build());

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Autowired
    People people;

    @Autowired
    CustomFields customFields;

    @Autowired
    MappingSettingsRepository mappings;

    TestAccount acme;
    OktaSimulator sim;

    @BeforeEach
    void connect() {
        sim = okta.simulator();
        acme = accounts.create();
        OktaFixture.connect(connections, acme.id(), sim);
    }

    private SyncRun reconcile() {
        UUID id = runs.start(acme.id(), "api").id();
        eventually(() -> runs.find(acme.id(), id).orElseThrow().finished());
        return runs.find(acme.id(), id).orElseThrow();
    }

    private List<PersonView> okta() {
        return people.search(acme.id(), new PeopleQuery(null, null, null, null, null), PageRequest.of(0, 500))
                .items().stream().filter(v -> v.person().oktaId() != null).toList();
    }

    private long active() {
        return okta().stream().filter(v -> v.person().status() != PersonStatus.DEACTIVATED).count();
    }

    @Test
    void reconcileWhenAllNewThenEveryAssignedUserCreated() {
        SyncRun run = reconcile();
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(run.counts().created()).isEqualTo(USERS);
        assertThat(run.listed()).isEqualTo(USERS);
        assertThat(okta()).hasSize(USERS);
        assertThat(okta()).allSatisfy(v -> assertThat(v.primaryTeam()).isNotBlank());
    }

    @Test
    void reconcileWhenNothingChangedThenAllUnchanged() {
        reconcile();
        SyncRun second = reconcile();
        assertThat(second.counts().unchanged()).isEqualTo(USERS);
        assertThat(second.counts().created() + second.counts().updated() + second.counts().deactivated()).isZero();
    }

    @Test
    void reconcileWhenGeneratedHierarchyThenManagersResolvedFromManagerId() {
        reconcile();
        long withManagerInOkta = sim.org().users().stream()
                .filter(u -> u.profile().get("managerId") != null).count();
        long withOverride = okta().stream().filter(v -> v.person().managerId() != null).count();
        assertThat(withManagerInOkta).isPositive();
        assertThat(withOverride).isEqualTo(withManagerInOkta);
    }

    @Test
    void reconcileWhenHookWasLostThenChangeHealed() {
        reconcile();
        String id = sim.org().users().get(0).id();
        sim.faults().hookDropShare(1.0);
        sim.org().updateProfile(id, Map.of("city", "Reykjavik"));
        SyncRun run = reconcile();
        assertThat(run.counts().updated()).isEqualTo(1);
        assertThat(okta().stream().filter(v -> v.person().oktaId().equals(id)).findFirst().orElseThrow()
                .person().primaryLocation()).isEqualTo("Reykjavik");
    }

    @Test
    void reconcileWhenFewUnassignedThenDeactivatedWithinThreshold() {
        reconcile();
        sim.org().unassign(sim.org().users().get(0).id());
        SyncRun run = reconcile();
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(run.counts().deactivated()).isEqualTo(1);
        assertThat(active()).isEqualTo(USERS - 1);
    }

    @Test
    void reconcileWhenAboveThresholdThenHeldAndApproveDeactivates() {
        reconcile();
        for (int i = 0; i < 5; i++) {
            sim.org().unassign(sim.org().users().get(i).id());
        }
        SyncRun held = reconcile();
        assertThat(held.status()).isEqualTo("held");
        assertThat(runs.held(acme.id(), held.id())).hasSize(5);
        assertThat(active()).isEqualTo(USERS);
        SyncRun approved = runs.approve(acme.id(), held.id(), acme.owner().id());
        assertThat(approved.status()).isEqualTo("succeeded");
        assertThat(approved.counts().deactivated()).isEqualTo(5);
        assertThat(active()).isEqualTo(USERS - 5);
    }

    @Test
    void reconcileWhenHeldAndRejectedThenNobodyDeactivated() {
        reconcile();
        for (int i = 0; i < 5; i++) {
            sim.org().unassign(sim.org().users().get(i).id());
        }
        SyncRun held = reconcile();
        assertThat(runs.reject(acme.id(), held.id(), acme.owner().id()).status()).isEqualTo("rejected");
        assertThat(active()).isEqualTo(USERS);
    }

    @Test
    void reconcileWhenThresholdBoundaryThenExactlyThresholdStillApplies() {
        reconcile();
        // 12 active linked people × 20 % = 2: two may go without approval, three may not.
        sim.org().unassign(sim.org().users().get(0).id());
        sim.org().unassign(sim.org().users().get(1).id());
        assertThat(reconcile().status()).isEqualTo("succeeded");
        assertThat(active()).isEqualTo(USERS - 2);
    }

    @Test
    void reconcileWhenListingEmptyThenHeldNotDeactivated() {
        reconcile();
        sim.org().users().forEach(u -> sim.org().unassign(u.id()));
        SyncRun run = reconcile();
        assertThat(run.status()).isEqualTo("held");
        assertThat(active()).isEqualTo(USERS);
    }

    @Test
    void reconcileWhenOktaFailsThenRunFailedAndNobodyDeactivated() {
        reconcile();
        sim.org().unassign(sim.org().users().get(0).id());
        sim.faults().errorShare(1.0);
        SyncRun run = reconcile();
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).contains("500");
        assertThat(active()).isEqualTo(USERS);
    }

    @Test
    void reconcileWhenCredentialsRevokedThenFailedAndNobodyDeactivated() {
        reconcile();
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .apiToken("revoked-token")
                .build());
        SyncRun run = reconcile();
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.error()).contains("401");
        assertThat(active()).isEqualTo(USERS);
    }

    @Test
    void reconcileWhenAppIdWrongThenFailedAndNobodyDeactivated() {
        reconcile();
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), "0oaWRONGAPP00000000").build());
        SyncRun run = reconcile();
        assertThat(run.status()).isEqualTo("failed");
        assertThat(active()).isEqualTo(USERS);
    }

    @Test
    void reconcileWhenCustomValueDoesNotConvertThenPersonSyncedAndErrorRecorded() {
        customFields.create(acme.id(), "costCentre", "Cost centre", "number", null);
        customFields.create(acme.id(), "hired", "Hired", "date", null);
        mappings.save(acme.id(), java.util.Set.of(), "avatarUrl", Map.of("costCentre", "costCenter",
                "hired", "hireDate"), java.time.Instant.now());
        SyncRun run = reconcile();
        assertThat(run.counts().created()).isEqualTo(USERS);
        assertThat(okta()).allSatisfy(v -> assertThat(v.person().customValues()).containsKey("hired")
                .doesNotContainKey("costCentre"));
    }

    @Test
    void startWhenRunAlreadyQueuedThenSameRunReturned() {
        SyncRun first = runs.start(acme.id(), "api");
        SyncRun second = runs.start(acme.id(), "manual");
        if (!runs.find(acme.id(), first.id()).orElseThrow().finished()) {
            assertThat(second.id()).isEqualTo(first.id());
        }
        eventually(() -> runs.find(acme.id(), first.id()).orElseThrow().finished());
    }
}
