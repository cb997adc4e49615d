package dev.roster.oktasimulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.oktasimulator.gen.OrgGenerator;
import dev.roster.oktasimulator.gen.OrgGenerator.ManagerRef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrgGeneratorTest {
    private static final long NOW = 1_780_000_000_000L;

    private static List<OktaUser> generate(long seed, ManagerRef ref, int n) {
        return new OrgGenerator(seed, "acme.test", "http://sim", ref).generate(n, NOW);
    }

    @Test
    void generateWhenSameSeedThenSameUsersAndIds() {
        List<OktaUser> a = generate(42, ManagerRef.ID, 300);
        List<OktaUser> b = generate(42, ManagerRef.ID, 300);

        assertThat(a).extracting(OktaUser::id).isEqualTo(b.stream().map(OktaUser::id).toList());
        assertThat(a.get(123).profile()).isEqualTo(b.get(123).profile());
        assertThat(generate(43, ManagerRef.ID, 300).get(0).id()).isNotEqualTo(a.get(0).id());
    }

    @Test
    void generateWhenManyUsersThenLoginsAndIdsUnique() {
        List<OktaUser> users = generate(1, ManagerRef.ID, 20_000);

        assertThat(users.stream().map(u -> u.login().toLowerCase()).collect(Collectors.toSet())).hasSize(20_000);
        assertThat(users.stream().map(OktaUser::id).collect(Collectors.toSet())).hasSize(20_000);
        assertThat(users).allSatisfy(u -> assertThat(u.id()).startsWith("00u").hasSize(20));
    }

    @Test
    void managerWhenIdRefThenManagerIdResolvesToAnEarlierUserAndManagerIsTheirName() {
        List<OktaUser> users = generate(1, ManagerRef.ID, 500);
        Map<String, OktaUser> byId = users.stream().collect(Collectors.toMap(OktaUser::id, Function.identity()));

        assertThat(users.get(0).profile()).doesNotContainKey("managerId");
        for (OktaUser u : users.subList(1, users.size())) {
            OktaUser manager = byId.get((String) u.profile().get("managerId"));
            assertThat(manager).isNotNull();
            assertThat(u.profile().get("manager")).isEqualTo(manager.displayName());
        }
    }

    @Test
    void managerWhenLoginEmailOrEmployeeNumberRefThenManagerIdHoldsThatValue() {
        List<OktaUser> byLogin = generate(1, ManagerRef.LOGIN, 50);
        List<OktaUser> byNumber = generate(1, ManagerRef.EMPLOYEE_NUMBER, 50);

        assertThat(byLogin.get(7).profile().get("managerId")).isEqualTo(byLogin.get(1).login());
        assertThat(byNumber.get(7).profile().get("managerId")).isEqualTo(byNumber.get(1).profile().get("employeeNumber"));
    }

    @Test
    void generateWhenManyUsersThenRealisticSpreadOfDepartmentsCitiesLanguagesAndTitles() {
        List<OktaUser> users = generate(9, ManagerRef.ID, 2_000);
        Set<Object> departments = new HashSet<>();
        Set<Object> languages = new HashSet<>();
        Set<Object> titles = new HashSet<>();
        long prefixed = users.stream().filter(u -> u.profile().get("honorificPrefix") != null).count();
        for (OktaUser u : users) {
            departments.add(u.profile().get("department"));
            languages.add(u.profile().get("preferredLanguage"));
            titles.add(u.profile().get("title"));
            assertThat((String) u.profile().get("hireDate")).matches("\\d{4}-\\d\\d-\\d\\d");
            assertThat((String) u.profile().get("avatarUrl")).startsWith("http://sim/sim/avatars/");
            assertThat((String) u.profile().get("costCenter")).startsWith("CC-");
        }

        assertThat(departments).hasSize(OrgGenerator.departments().size());
        assertThat(languages).hasSizeGreaterThan(8);
        assertThat(titles).hasSizeGreaterThan(20);
        assertThat(prefixed).isBetween(200L, 600L);
    }

    @Test
    void generateWhenInactiveShareThenOtherOktaStatusesWithFittingTimestampsAndSameProfiles() {
        List<OktaUser> all = new OrgGenerator(5, "acme.test", "http://sim", ManagerRef.ID, 0.2).generate(2_000, NOW);
        List<OktaUser> active = generate(5, ManagerRef.ID, 2_000);

        Map<String, Long> byStatus = all.stream().collect(Collectors.groupingBy(OktaUser::status,
                Collectors.counting()));
        assertThat(byStatus.get("ACTIVE")).isBetween(1_500L, 1_700L);
        assertThat(byStatus).containsKeys("DEPROVISIONED", "SUSPENDED", "STAGED", "PROVISIONED", "LOCKED_OUT");
        assertThat(all.get(0).status()).isEqualTo("ACTIVE");
        assertThat(all).filteredOn(u -> u.status().equals("STAGED"))
                .allSatisfy(u -> assertThat(u.activated()).isNull());
        assertThat(all).filteredOn(u -> u.status().equals("DEPROVISIONED"))
                .allSatisfy(u -> assertThat(u.statusChanged()).isAfterOrEqualTo(u.activated()));
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).profile()).isEqualTo(active.get(i).profile());
        }
    }

    @Test
    void startWhenAssignedShareBelowOneThenOnlyThatShareAssignedAndGroupsExist() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(1000).assignedShare(0.5)
                .build())) {
            assertThat(sim.org().appUserCount()).isBetween(400, 600);
            assertThat(sim.org().groups()).extracting(g -> g.name).contains("Everyone", "Engineering", "Sales");
            assertThat(sim.org().groupMembers(sim.org().groups().get(0).id)).hasSize(1000);
        }
    }

    @Test
    void startWhenDefaultsThenEveryGeneratedUserAssignedWithScopeUser() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(300).build())) {
            assertThat(sim.org().appUserCount()).isEqualTo(300);
            assertThat(sim.org().users()).allSatisfy(u -> assertThat(sim.org().assignment(u.id()).scope())
                    .isEqualTo("USER"));
        }
    }
}
