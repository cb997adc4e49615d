package dev.roster.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.LiveServerTest;
import dev.roster.support.ReliabilityOktaProxy;
import dev.roster.support.ReliabilityOktaProxy.Fault;
import dev.roster.support.ReliabilityCounts;
import dev.roster.support.ReliabilitySuite;
import dev.roster.support.property.Gen;
import dev.roster.support.property.PropertyCheck;

/**
 * A reconciliation deactivates only people Okta no longer has: listings that fail midway (401, 403,
 * 5xx, time-outs, a dropped connection), that end early or come back empty, or that name the wrong
 * app never deactivate anyone Okta still has assigned; the threshold holds exactly above its limit.
 * Each case: a fresh simulated org of 12 people behind a fault-injecting proxy that pages the
 * listing small, a first clean reconciliation, some people unassigned in Okta, then the faulty one.
 */
@ReliabilitySuite
class DeprovisioningSafetyTests extends LiveServerTest implements PropertyCheck.Figures {

    private static final int USERS = 12;

    @Autowired
    Accounts accountRegistry;

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Autowired
    People people;

    private final ReliabilityCounts counts = ReliabilityCounts.inOrder();

    /** The listing faults a case can meet; each stops the listing from being whole. */
    enum ListingFault {
        UNAUTHORIZED, FORBIDDEN, SERVER_ERROR, HANG, DROPPED_MID_PAGE, ENDS_EARLY;

        /** From the given listing page on (retries included), or only that page for {@link #ENDS_EARLY}. */
        ReliabilityOktaProxy.Rule from(int firstPage) {
            return (method, path, page) -> page == 0 || page < firstPage ? new ReliabilityOktaProxy.Pass()
                    : fault(page, firstPage);
        }

        private Fault fault(int page, int firstPage) {
            return switch (this) {
                case UNAUTHORIZED -> new ReliabilityOktaProxy.Answer(401);
                case FORBIDDEN -> new ReliabilityOktaProxy.Answer(403);
                case SERVER_ERROR -> new ReliabilityOktaProxy.Answer(503);
                case HANG -> new ReliabilityOktaProxy.Hang(Duration.ofMillis(30));
                case DROPPED_MID_PAGE -> new ReliabilityOktaProxy.Truncate();
                case ENDS_EARLY -> page == firstPage ? new ReliabilityOktaProxy.EndListing()
                        : new ReliabilityOktaProxy.Pass();
            };
        }
    }

    /** One case's org, proxy and account, after a first clean reconciliation. */
    private final class Org implements AutoCloseable {
        final OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(USERS).seed(7)
                .rateLimits(false).build());
        final ReliabilityOktaProxy proxy = ReliabilityOktaProxy.start(sim.orgUrl());
        final Account account = accountRegistry.create("d" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12), "Deprovisioning case");

        Org(int pageLimit, Integer maxPercent, Integer maxCount) {
            proxy.pageLimit(pageLimit);
            connections.save(account.id(), OktaSettings.builder(proxy.url(), sim.clientId())
                    .clientSecret(sim.clientSecret())
                    .apiToken(sim.apiToken())
                    .ssoEnabled(true)
                    .provisioningEnabled(true)
                    .withholdInvitations(true)
                    .deprovisionMaxPercent(maxPercent)
                    .deprovisionMaxCount(maxCount)
                    .build());
            assertThat(reconcile().status()).isEqualTo("succeeded");
            assertThat(active()).hasSize(USERS);
        }

        SyncRun reconcile() {
            UUID id = runs.start(account.id(), "api").id();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> runs.find(account.id(), id).orElseThrow().finished());
            counts.add("reconciliations");
            return runs.find(account.id(), id).orElseThrow();
        }

        /** Okta ids of the people Roster has not deactivated. */
        Set<String> active() {
            return people.search(account.id(), new PeopleQuery(null, null, null, null, null), PageRequest.of(0, 500))
                    .items().stream().map(PersonView::person)
                    .filter(p -> p.oktaId() != null && p.status() != PersonStatus.DEACTIVATED)
                    .map(dev.roster.directory.Person::oktaId).collect(Collectors.toSet());
        }

        /** Okta ids of the users Okta still has: present, assigned, neither deactivated nor suspended. */
        Set<String> stillInOkta() {
            return sim.org().users().stream().filter(u -> sim.org().isAssigned(u.id()))
                    .filter(u -> !Set.of("DEPROVISIONED", "SUSPENDED").contains(u.status()))
                    .map(OktaUser::id).collect(Collectors.toSet());
        }

        void unassign(int howMany) {
            sim.org().users().stream().limit(howMany).forEach(u -> sim.org().unassign(u.id()));
        }

        @Override
        public void close() {
            counts.add("Okta API calls", proxy.counts().getOrDefault("requests", 0L));
            counts.add("listing faults injected", proxy.faults());
            proxy.close();
            sim.close();
        }
    }

    /** One case: the fault, the listing page it starts on, Okta's page size, who left Okta, the threshold. */
    record Case(ListingFault fault, int firstFaultyPage, int pageLimit, int unassigned, int maxPercent) {
    }

    static Gen<Case> cases() {
        return random -> new Case(Gen.oneOf(ListingFault.class).generate(random), Gen.between(1, 5).generate(random),
                Gen.between(2, 6).generate(random), Gen.between(0, 3).generate(random),
                Gen.between(10, 100).generate(random));
    }

    @Test
    void reconcileWhenListingFaultsThenNobodyStillInOktaIsDeactivated(TestInfo test) {
        PropertyCheck.forAll(cases()).tries(20).check(test, this::nobodyStillInOktaDeactivated);
    }

    private void nobodyStillInOktaDeactivated(Case c) {
        ListingFault fault = c.fault();
        int firstFaultyPage = c.firstFaultyPage();
        int pageLimit = c.pageLimit();
        int unassigned = c.unassigned();
        int maxPercent = c.maxPercent();
        counts.add("cases");
        counts.add("fault: " + fault.name().toLowerCase().replace('_', ' '));
        try (Org org = new Org(pageLimit, maxPercent, null)) {
            org.unassign(unassigned);
            org.proxy.rule(fault.from(firstFaultyPage));
            SyncRun run = org.reconcile();
            counts.add("run " + run.status());
            Set<String> active = org.active();
            assertThat(active).as("run %s (%s): everyone Okta still has stays active", run.status(), run.error())
                    .containsAll(org.stillInOkta());
            if ("failed".equals(run.status())) {
                assertThat(active).as("a failed listing deactivates nobody").hasSize(USERS);
            }
            counts.add("people deactivated", USERS - active.size());
        }
    }

    @Test
    void reconcileWhenListingUnauthorizedMidwayThenFailedAndNobodyDeactivated() {
        assertFailedAndNobodyDeactivated(ListingFault.UNAUTHORIZED, "401");
    }

    @Test
    void reconcileWhenListingForbiddenMidwayThenFailedAndNobodyDeactivated() {
        assertFailedAndNobodyDeactivated(ListingFault.FORBIDDEN, "403");
    }

    @Test
    void reconcileWhenListingFailsWithServerErrorsMidwayThenFailedAndNobodyDeactivated() {
        assertFailedAndNobodyDeactivated(ListingFault.SERVER_ERROR, "503");
    }

    @Test
    void reconcileWhenListingTimesOutMidwayThenFailedAndNobodyDeactivated() {
        assertFailedAndNobodyDeactivated(ListingFault.HANG, "did not answer");
    }

    @Test
    void reconcileWhenConnectionDropsMidPageThenFailedAndNobodyDeactivated() {
        assertFailedAndNobodyDeactivated(ListingFault.DROPPED_MID_PAGE, "did not answer");
    }

    private void assertFailedAndNobodyDeactivated(ListingFault fault, String error) {
        try (Org org = new Org(3, null, null)) {
            org.unassign(1);
            org.proxy.rule(fault.from(2));
            SyncRun run = org.reconcile();
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.error()).contains(error);
            assertThat(org.active()).hasSize(USERS);
        }
    }

    @Test
    void reconcileWhenListingEndsEarlyWithinThresholdThenOnlyTheUnassignedAreDeactivated() {
        // Pages of 5: the third page (the 11th assigned person) never comes, but Okta says the list is done.
        try (Org org = new Org(5, null, null)) {
            org.unassign(1);
            org.proxy.rule(ListingFault.ENDS_EARLY.from(3));
            SyncRun run = org.reconcile();
            assertThat(run.status()).isEqualTo("succeeded");
            assertThat(org.active()).isEqualTo(org.stillInOkta()).hasSize(USERS - 1);
        }
    }

    @Test
    void reconcileWhenListingComesBackEmptyThenHeldAndNobodyDeactivated() {
        try (Org org = new Org(500, null, null)) {
            org.proxy.rule(ListingFault.ENDS_EARLY.from(1));
            SyncRun run = org.reconcile();
            assertThat(run.status()).isEqualTo("held");
            assertThat(org.active()).hasSize(USERS);
        }
    }

    @Test
    void reconcileWhenListingComesBackEmptyWithoutThresholdThenNobodyStillInOktaDeactivated() {
        try (Org org = new Org(500, 100, null)) {
            org.proxy.rule(ListingFault.ENDS_EARLY.from(1));
            org.reconcile();
            assertThat(org.active()).hasSize(USERS);
        }
    }

    @Test
    void reconcileWhenConnectionNamesAnotherAppThenFailedAndNobodyDeactivated() {
        try (Org org = new Org(500, null, null)) {
            org.unassign(1);
            connections.save(org.account.id(), OktaSettings.builder(org.proxy.url(), "0oaWRONGAPP00000000").build());
            SyncRun run = org.reconcile();
            assertThat(run.status()).isEqualTo("failed");
            assertThat(run.error()).contains("0oaWRONGAPP00000000");
            assertThat(org.active()).hasSize(USERS);
        }
    }

    // ---- the threshold at its boundary: 12 active people × 20 % = 2; a count limit of 3 ----

    @Test
    void reconcileWhenExactlyAtPercentThresholdThenDeactivated() {
        assertThreshold(null, null, 2, "succeeded", USERS - 2);
    }

    @Test
    void reconcileWhenOneAbovePercentThresholdThenHeldAndNobodyDeactivated() {
        assertThreshold(null, null, 3, "held", USERS);
    }

    @Test
    void reconcileWhenExactlyAtCountThresholdThenDeactivated() {
        assertThreshold(100, 3, 3, "succeeded", USERS - 3);
    }

    @Test
    void reconcileWhenOneAboveCountThresholdThenHeldAndNobodyDeactivated() {
        assertThreshold(100, 3, 4, "held", USERS);
    }

    private void assertThreshold(Integer maxPercent, Integer maxCount, int unassigned, String status, int active) {
        try (Org org = new Org(500, maxPercent, maxCount)) {
            org.unassign(unassigned);
            SyncRun run = org.reconcile();
            assertThat(run.status()).isEqualTo(status);
            assertThat(org.active()).hasSize(active);
            if ("held".equals(status)) {
                assertThat(runs.held(org.account.id(), run.id())).hasSize(unassigned);
            }
        }
    }



    @Override
    public Map<String, Object> figures() {
        return counts.figures();
    }
}
