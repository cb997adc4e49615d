package dev.roster.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.HookDelivery;
import dev.roster.oktasimulator.OktaApiException;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.ReliabilityOktaProxy;
import dev.roster.support.ReliabilityCounts;
import dev.roster.support.ReliabilitySuite;
import dev.roster.support.property.Gen;
import dev.roster.support.property.PropertyCheck;
import dev.roster.support.property.Shrink;

/**
 * Nothing is lost: random sequences of Okta changes, with hook deliveries dropped (20 %), duplicated
 * (10 %), reordered (10 %) and delayed, and Management API calls failing (5 % 500, 2 % hung then
 * dropped, 1 % starting a burst of 429s). Each case is a fresh account connected to a fresh simulated
 * org (a few milliseconds to start) through a fault-injecting proxy; the Spring context and Roster's
 * job queue are shared by all cases.
 *
 * <p>Invariants: once the hooks have drained (the simulator has nothing left to deliver and the
 * account has no per-user job left), every user whose latest change was followed by a delivered
 * event about them looks in Roster as Okta says; after one reconciliation, every user does.
 *
 * <p>A failure prints the case's seed, the sequence of changes shrunk by removing chunks while the
 * case still fails, and the command that replays it; the fault dice are seeded from the generated
 * {@code faultSeed}, though thread timing is not replayed.
 */
@ReliabilitySuite
class ConvergencePropertyTests extends LiveServerTest implements PropertyCheck.Figures {

    private static final List<String> FIRST = List.of("Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances",
            "John", "Margaret", "Niklaus");
    private static final List<String> LAST = List.of("Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov");
    private static final List<String> DEPARTMENTS = java.util.Arrays.asList("Engineering", "Sales", "Research",
            "Support", null);
    private static final List<String> TITLES = java.util.Arrays.asList("Engineer", "Manager", "Analyst", "Director",
            null);
    private static final List<String> CITIES = java.util.Arrays.asList("London", "Paris", "Berlin", "Oslo", null);

    @Autowired
    Accounts accountRegistry;

    @Autowired
    OktaConnections connections;

    @Autowired
    SyncRuns runs;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    private final ReliabilityCounts counts = ReliabilityCounts.inOrder();

    // ---- the changes a case makes ----

    sealed interface Change {
    }

    /** A new Okta user, activated or staged, assigned to the app or not. */
    record Create(int name, int department, boolean activate, boolean assign) implements Change {
    }

    enum Field { FIRST_NAME, LAST_NAME, EMAIL, TITLE, CITY, DEPARTMENT }

    /** A profile edit of the {@code who}-th user (modulo the users made so far). */
    record Edit(int who, Field field, int value) implements Change {
    }

    /** Points the user's {@code managerId} at another user of the case, or clears it ({@code manager < 0}). */
    record Manager(int who, int manager) implements Change {
    }

    enum Move { DEACTIVATE, SUSPEND, UNSUSPEND, REACTIVATE, DELETE, UNASSIGN, ASSIGN }

    /** A lifecycle or assignment change; one Okta refuses in the user's state is skipped. */
    record Lifecycle(int who, Move move) implements Change {
    }

    /** One case: the changes made in Okta, and the seed of its fault dice. */
    record Case(List<Change> changes, long faultSeed) {
    }

    static Gen<Case> cases() {
        Gen<Integer> who = Gen.between(0, 5);
        Gen<Change> create = random -> new Create(Gen.between(0, FIRST.size() - 1).generate(random),
                Gen.between(0, DEPARTMENTS.size() - 1).generate(random), Gen.oneOf(true, true, true, false)
                .generate(random), Gen.oneOf(true, true, true, false).generate(random));
        Gen<Change> edit = random -> new Edit(who.generate(random), Gen.oneOf(Field.class).generate(random),
                Gen.between(0, 4).generate(random));
        Gen<Change> manager = random -> new Manager(who.generate(random), Gen.between(-1, 5).generate(random));
        Gen<Change> lifecycle = random -> new Lifecycle(who.generate(random), Gen.oneOf(Move.class).generate(random));
        Gen<List<Change>> changes = Gen.frequency(Gen.weight(3, create), Gen.weight(4, edit), Gen.weight(2, manager),
                Gen.weight(4, lifecycle)).list(1, 12);
        return random -> new Case(changes.generate(random), Gen.longs().generate(random));
    }

    /** A failing case shrinks by dropping changes; its fault dice stay the same. */
    static Stream<Case> smaller(Case c) {
        return Shrink.removingChunks(c.changes(), 1).map(changes -> new Case(changes, c.faultSeed()));
    }

    @Test
    void hooksThenReconciliationWhenChangesAndFaultsThenRosterEqualsOkta(TestInfo test) {
        PropertyCheck.forAll(cases()).tries(60).shrinking(ConvergencePropertyTests::smaller)
                .check(test, this::converges);
    }

    private void converges(Case c) {
        List<Change> changes = c.changes();
        long faultSeed = c.faultSeed();
        counts.add("cases");
        OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(0).seed(faultSeed)
                .rateLimits(false).hookBatchWindow(Duration.ofMillis(15)).build());
        ReliabilityOktaProxy proxy = ReliabilityOktaProxy.start(sim.orgUrl());
        try (sim; proxy) {
            Account account = connect(sim, proxy);
            java.util.Random dice = new java.util.Random(faultSeed);
            sim.faults().seed(faultSeed).hookDropShare(0.2).hookDuplicateShare(0.1).hookReorderShare(0.1)
                    .hookDelay(Duration.ofMillis(dice.nextInt(40)));
            proxy.rule(ReliabilityOktaProxy.randomFaults(faultSeed, 0.05, 0.02, 0.01, Duration.ofMillis(100)));

            Map<String, Instant> changedAt = new LinkedHashMap<>();
            List<String> users = new ArrayList<>();
            for (Change change : changes) {
                apply(sim, users, changedAt, change);
                pause(dice.nextInt(4) == 0 ? dice.nextInt(30) : 0);
            }
            long t0 = System.nanoTime();
            drain(sim, account);
            counts.add("ms draining", (System.nanoTime() - t0) / 1_000_000);
            tally(sim);

            Set<String> reached = reachedAfterLastChange(account, changedAt);
            counts.add("users", users.size());
            counts.add("users checked after hooks", reached.size());
            List<String> afterHooks = mismatches(sim, account, reached);
            List<String> staleAfterHooks = mismatches(sim, account, Set.copyOf(users));
            counts.add("users stale after hooks (their last event lost)", staleAfterHooks.size());
            assertThat(afterHooks).as("after the hooks drained, users whose last change was followed by a"
                    + " delivered event (changes: %s)", changes).isEmpty();

            long t1 = System.nanoTime();
            SyncRun run = reconcile(account);
            counts.add("ms reconciling", (System.nanoTime() - t1) / 1_000_000);
            assertThat(run.status()).as("reconciliation %s: %s", run.id(), run.error()).isEqualTo("succeeded");
            counts.add("reconciliations");
            assertThat(mismatches(sim, account, Set.copyOf(users))).as("after one reconciliation, every user"
                    + " (changes: %s)", changes).isEmpty();
            counts.add("cases passed");
        } finally {
            tally(proxy);
        }
    }

    // ---- the case's org and account ----

    private Account connect(OktaSimulator sim, ReliabilityOktaProxy proxy) {
        // Only the account: an owner with a password would cost a password hash per case.
        Account account = accountRegistry.create("r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "Reliability case");
        // No threshold here: a small org losing two of five people is a legitimate change in this property;
        // DeprovisioningSafetyTests owns the threshold.
        String secret = connections.save(account.id(), OktaSettings.builder(proxy.url(), sim.clientId())
                .clientSecret(sim.clientSecret())
                .apiToken(sim.apiToken())
                .ssoEnabled(true)
                .provisioningEnabled(true)
                .withholdInvitations(true)
                .deprovisionMaxPercent(100)
                .build())
                .newHookSecret().reveal();
        sim.hooks().registerVerified(baseUrl() + "/hooks/okta/" + account.key(), OktaFixture.EVENT_TYPES,
                "Authorization", secret);
        return account;
    }

    private void apply(OktaSimulator sim, List<String> users, Map<String, Instant> changedAt, Change change) {
        if (change instanceof Create c) {
            int index = users.size();
            String email = "u" + index + "@reliability.example";
            Map<String, Object> profile = new HashMap<>(Map.of("firstName", FIRST.get(c.name()), "lastName",
                    LAST.get(index % LAST.size()), "email", email, "login", email));
            profile.put("department", DEPARTMENTS.get(c.department()));
            String id = sim.org().createUser(profile, c.activate(), c.assign()).id();
            users.add(id);
            changedAt.put(id, Instant.now());
            counts.add("changes applied");
            return;
        }
        if (users.isEmpty()) {
            counts.add("changes skipped (no user yet or refused by Okta)");
            return;
        }
        String id = users.get(target(change) % users.size());
        if (sim.org().user(id) == null) {
            counts.add("changes skipped (no user yet or refused by Okta)");
            return;
        }
        try {
            if (change instanceof Edit e) {
                sim.org().updateProfile(id, edit(users.indexOf(id), e));
            } else if (change instanceof Manager m) {
                Map<String, Object> profile = new HashMap<>();
                profile.put("managerId", m.manager() < 0 ? null : users.get(m.manager() % users.size()));
                sim.org().updateProfile(id, profile);
            } else if (!move(sim, id, ((Lifecycle) change).move())) {
                counts.add("changes skipped (no user yet or refused by Okta)");
                return;
            }
            changedAt.put(id, Instant.now());
            counts.add("changes applied");
        } catch (OktaApiException refused) {
            counts.add("changes skipped (no user yet or refused by Okta)");
        }
    }

    private static int target(Change change) {
        if (change instanceof Edit e) {
            return e.who();
        }
        return change instanceof Manager m ? m.who() : ((Lifecycle) change).who();
    }

    private static Map<String, Object> edit(int index, Edit e) {
        Map<String, Object> profile = new HashMap<>();
        switch (e.field()) {
            case FIRST_NAME -> profile.put("firstName", FIRST.get(e.value() * 2));
            case LAST_NAME -> profile.put("lastName", LAST.get(e.value()));
            case EMAIL -> profile.put("email", "u" + index + ".e" + e.value() + "@reliability.example");
            case TITLE -> profile.put("title", TITLES.get(e.value()));
            case CITY -> profile.put("city", CITIES.get(e.value()));
            case DEPARTMENT -> profile.put("department", DEPARTMENTS.get(e.value()));
        }
        return profile;
    }

    /** False when the move does not apply (Okta's own refusals throw instead). */
    private static boolean move(OktaSimulator sim, String id, Move move) {
        switch (move) {
            case DEACTIVATE -> sim.org().lifecycle(id, "deactivate");
            case SUSPEND -> sim.org().lifecycle(id, "suspend");
            case UNSUSPEND -> sim.org().lifecycle(id, "unsuspend");
            case REACTIVATE -> sim.org().lifecycle(id, "activate");
            case DELETE -> {
                sim.org().deleteUser(id);
                sim.org().deleteUser(id);
            }
            case UNASSIGN -> {
                if (!sim.org().isAssigned(id)) {
                    return false;
                }
                sim.org().unassign(id);
            }
            case ASSIGN -> {
                if (sim.org().isAssigned(id)) {
                    return false;
                }
                sim.org().assign(id);
            }
        }
        return true;
    }

    // ---- waiting ----

    /** Drained: the simulator has nothing left to deliver, and the account has no per-user job left. */
    private void drain(OktaSimulator sim, Account account) {
        assertThat(sim.hooks().awaitIdle(Duration.ofSeconds(30))).as("hook deliveries drained").isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'okta-user-sync'"
                        + " AND task_instance LIKE ?").param(account.id() + ":%").query(Integer.class).single() == 0);
    }

    private SyncRun reconcile(Account account) {
        UUID id = runs.start(account.id(), "api").id();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> runs.find(account.id(), id).orElseThrow().finished());
        return runs.find(account.id(), id).orElseThrow();
    }

    private static void pause(int millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- the oracle ----

    /**
     * Users about whom Roster accepted an event after their latest change: the job that event queued
     * read Okta after the change (events are pings; Roster re-reads the user).
     */
    private Set<String> reachedAfterLastChange(Account account, Map<String, Instant> changedAt) {
        Map<String, Instant> lastArrival = new HashMap<>();
        jdbc.sql("SELECT e.okta_user_id, MAX(d.received_at) FROM okta_hook_event e JOIN okta_hook_delivery d"
                        + " ON d.id = e.delivery_id WHERE e.account_id = ? AND e.outcome = 'queued' GROUP BY e.okta_user_id")
                .param(account.id())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list().forEach(e -> lastArrival.put(e.getKey(), e.getValue()));
        return changedAt.entrySet().stream()
                .filter(e -> lastArrival.containsKey(e.getKey()) && lastArrival.get(e.getKey()).isAfter(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Where Roster differs from Okta's truth for these users; empty when it agrees. */
    private List<String> mismatches(OktaSimulator sim, Account account, Set<String> userIds) {
        Map<String, PersonView> byOktaId = people.search(account.id(), new PeopleQuery(null, null, null, null, null),
                PageRequest.of(0, 500)).items().stream().filter(v -> v.person().oktaId() != null)
                .collect(Collectors.toMap(v -> v.person().oktaId(), Function.identity()));
        List<String> problems = new ArrayList<>();
        for (String id : userIds) {
            OktaUser user = sim.org().user(id);
            PersonView person = byOktaId.get(id);
            boolean gone = user == null || !sim.org().isAssigned(id) || "DEPROVISIONED".equals(user.status())
                    || "SUSPENDED".equals(user.status());
            if (gone) {
                if (person != null && person.person().status() != PersonStatus.DEACTIVATED) {
                    problems.add(id + ": gone in Okta (" + (user == null ? "deleted" : user.status() + ", assigned "
                            + sim.org().isAssigned(id)) + ") but " + person.person().status() + " in Roster");
                }
                continue;
            }
            if (person == null) {
                problems.add(id + ": " + user.status() + " and assigned in Okta, but not in Roster");
                continue;
            }
            if (person.person().status() == PersonStatus.DEACTIVATED) {
                problems.add(id + ": " + user.status() + " and assigned in Okta, but deactivated in Roster");
            }
            Map<String, Object> p = user.profile();
            compare(problems, id, "firstName", p.get("firstName"), person.person().firstName());
            compare(problems, id, "lastName", p.get("lastName"), person.person().lastName());
            compare(problems, id, "email", p.get("email"), person.person().email());
            compare(problems, id, "title → job title", p.get("title"), person.person().jobTitle());
            compare(problems, id, "city → location", p.get("city"), person.person().primaryLocation());
            compare(problems, id, "department → team", p.get("department"), person.primaryTeam());
            // Nobody is their own manager: a managerId naming the user themself sets no override.
            PersonView manager = p.get("managerId") == null || id.equals(p.get("managerId")) ? null
                    : byOktaId.get((String) p.get("managerId"));
            compare(problems, id, "managerId → manager", manager == null ? null : manager.id(),
                    person.person().managerId());
        }
        return problems;
    }

    private static void compare(List<String> problems, String id, String field, Object okta, Object roster) {
        if (!Objects.equals(okta, roster)) {
            problems.add(id + ": " + field + " is " + roster + " in Roster, " + okta + " in Okta");
        }
    }

    // ---- figures ----

    private void tally(OktaSimulator sim) {
        List<HookDelivery> log = sim.hooks().deliveries().stream().filter(d -> "POST".equals(d.method())).toList();
        counts.add("hook deliveries dropped", log.stream().filter(d -> "DROPPED".equals(d.outcome())).count());
        counts.add("hook deliveries duplicated", log.stream().filter(HookDelivery::duplicate).count());
        counts.add("hook deliveries answered 204", log.stream().filter(d -> d.status() == 204).count());
        counts.add("hook deliveries answered 5xx", log.stream().filter(d -> d.status() >= 500).count());
    }

    private void tally(ReliabilityOktaProxy proxy) {
        Map<String, Long> c = proxy.counts();
        counts.add("Okta API calls", c.getOrDefault("requests", 0L));
        counts.add("Okta API 500s injected", c.getOrDefault("500", 0L));
        counts.add("Okta API 429s injected", c.getOrDefault("429", 0L));
        counts.add("Okta API calls hung then dropped", c.getOrDefault("hang", 0L));
    }



    @Override
    public Map<String, Object> figures() {
        Map<String, Object> figures = counts.figures();
        figures.put("hook faults configured", "drop 20 %, duplicate 10 %, reorder 10 %, delay 0–40 ms per case");
        return figures;
    }
}
