package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.directory.Teams;
import dev.roster.support.IntegrationTest;
import dev.roster.support.property.Gen;
import dev.roster.support.property.PropertyCheck;
import dev.roster.support.property.Shrink;
import tools.jackson.databind.JsonNode;

/**
 * Model-based: random sequences of SCIM requests in Okta's and Entra ID's shapes (create, PATCH in
 * each form, PUT, DELETE, group create, member add and remove, rename, group delete) leave Roster
 * equal to a model of the directory: every answer's status is the one the model expects, and after
 * the sequence each user's person (names, email, department as primary team, active or not) and
 * each group's members are as the model says. A failure prints the seed and the shrunk sequence.
 */
class ScimModelPropertyTests extends IntegrationTest {

    private static final List<String> NAMES = List.of("ann", "bob", "cat", "dan", "eve");
    private static final List<String> GIVEN = List.of("Ann", "Bea", "Cy", "Di");
    private static final List<String> DEPARTMENTS = java.util.Arrays.asList("Sales", "Research", null);
    private static final List<String> GROUPS = List.of("Red", "Blue", "Green");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Autowired
    People people;

    @Autowired
    Teams teams;

    sealed interface Step {
    }

    record CreateUser(int name, int given, int department) implements Step {
    }

    enum PatchForm { OKTA_PATHLESS_ACTIVE, ENTRA_STRING_ACTIVE, ENTRA_DOTTED_KEYS, PATH_REPLACE }

    record PatchUser(int name, PatchForm form, boolean active, int given, int department) implements Step {
    }

    record PutUser(int name, int given, int department) implements Step {
    }

    record DeleteUser(int name) implements Step {
    }

    record CreateGroup(int group) implements Step {
    }

    record AddMember(int group, int name) implements Step {
    }

    record RemoveMember(int group, int name, boolean entraValueList) implements Step {
    }

    record RenameGroup(int group, int to) implements Step {
    }

    record DeleteGroup(int group) implements Step {
    }

    static Gen<List<Step>> steps() {
        Gen<Integer> name = Gen.between(0, NAMES.size() - 1);
        Gen<Integer> given = Gen.between(0, GIVEN.size() - 1);
        Gen<Integer> department = Gen.between(0, DEPARTMENTS.size() - 1);
        Gen<Integer> group = Gen.between(0, GROUPS.size() - 1);
        Gen<Step> create = r -> new CreateUser(name.generate(r), given.generate(r), department.generate(r));
        Gen<Step> patch = r -> new PatchUser(name.generate(r), Gen.oneOf(PatchForm.class).generate(r),
                Gen.oneOf(true, true, false).generate(r), given.generate(r), department.generate(r));
        Gen<Step> put = r -> new PutUser(name.generate(r), given.generate(r), department.generate(r));
        Gen<Step> delete = r -> new DeleteUser(name.generate(r));
        Gen<Step> createGroup = r -> new CreateGroup(group.generate(r));
        Gen<Step> add = r -> new AddMember(group.generate(r), name.generate(r));
        Gen<Step> remove = r -> new RemoveMember(group.generate(r), name.generate(r), Gen.oneOf(true, false).generate(r));
        Gen<Step> rename = r -> new RenameGroup(group.generate(r), group.generate(r));
        Gen<Step> deleteGroup = r -> new DeleteGroup(group.generate(r));
        return Gen.frequency(Gen.weight(5, create), Gen.weight(5, patch), Gen.weight(2, put), Gen.weight(1, delete),
                Gen.weight(2, createGroup), Gen.weight(4, add), Gen.weight(2, remove), Gen.weight(1, rename),
                Gen.weight(1, deleteGroup)).list(1, 25);
    }

    @Test
    void requestsWhenRandomSequencesThenRosterEqualsTheModel(TestInfo test) {
        PropertyCheck.forAll(steps()).tries(40).shrinking(s -> Shrink.removingChunks(s, 1)).check(test, this::agrees);
    }

    // ---- the model ----

    /** A user as the model knows it: the given name, department and state the last request set. */
    private static final class ModelUser {
        String id;
        String given;
        String department;
        boolean active = true;
    }

    private final class Run {
        final ScimFixture scim;
        final Map<String, ModelUser> users = new LinkedHashMap<>();
        /** Live groups by the name they have now, each with its id and members' userNames. */
        final Map<String, String> groupIds = new HashMap<>();
        final Map<String, Set<String>> members = new HashMap<>();
        final Set<String> ghosts = new TreeSet<>();

        Run() throws Exception {
            scim = ScimFixture.enabled(mvc, accounts);
        }

        MockHttpServletResponse send(HttpMethod method, String path, String body) throws Exception {
            return mvc.perform(scim.request(method, path, body)).andReturn().getResponse();
        }
    }

    private void agrees(List<Step> steps) throws Exception {
        Run run = new Run();
        for (Step step : steps) {
            apply(run, step);
        }
        compare(run, steps);
    }

    private void apply(Run run, Step step) throws Exception {
        if (step instanceof CreateUser c) {
            String name = NAMES.get(c.name());
            MockHttpServletResponse r = run.send(HttpMethod.POST, "/Users", userBody(name, GIVEN.get(c.given()),
                    DEPARTMENTS.get(c.department())));
            if (run.users.containsKey(name)) {
                assertThat(r.getStatus()).as("%s: a second create of %s", step, name).isEqualTo(409);
                return;
            }
            assertThat(r.getStatus()).as("%s: %s", step, r.getContentAsString()).isEqualTo(201);
            ModelUser u = new ModelUser();
            u.id = ScimFixture.json(r.getContentAsString()).get("id").asString();
            u.given = GIVEN.get(c.given());
            u.department = DEPARTMENTS.get(c.department());
            run.users.put(name, u);
            run.ghosts.remove(name);
        } else if (step instanceof PatchUser p) {
            ModelUser u = run.users.get(NAMES.get(p.name()));
            if (u == null) {
                assertThat(run.send(HttpMethod.PATCH, "/Users/" + UUID.randomUUID(), "{\"Operations\":[{\"op\":"
                        + "\"replace\",\"value\":{\"active\":false}}]}").getStatus()).isEqualTo(404);
                return;
            }
            MockHttpServletResponse r = run.send(HttpMethod.PATCH, "/Users/" + u.id, patchBody(p));
            assertThat(r.getStatus()).as("%s: %s", step, r.getContentAsString()).isEqualTo(200);
            switch (p.form()) {
                case OKTA_PATHLESS_ACTIVE, ENTRA_STRING_ACTIVE -> u.active = p.active();
                case ENTRA_DOTTED_KEYS -> {
                    u.given = GIVEN.get(p.given());
                    u.department = DEPARTMENTS.get(p.department());
                }
                case PATH_REPLACE -> u.given = GIVEN.get(p.given());
            }
        } else if (step instanceof PutUser p) {
            String name = NAMES.get(p.name());
            ModelUser u = run.users.get(name);
            if (u == null) {
                return;
            }
            MockHttpServletResponse r = run.send(HttpMethod.PUT, "/Users/" + u.id, userBody(name, GIVEN.get(p.given()),
                    DEPARTMENTS.get(p.department())));
            assertThat(r.getStatus()).as("%s: %s", step, r.getContentAsString()).isEqualTo(200);
            u.given = GIVEN.get(p.given());
            u.department = DEPARTMENTS.get(p.department());
            u.active = true;
        } else if (step instanceof DeleteUser d) {
            String name = NAMES.get(d.name());
            ModelUser u = run.users.remove(name);
            if (u == null) {
                return;
            }
            assertThat(run.send(HttpMethod.DELETE, "/Users/" + u.id, null).getStatus()).isEqualTo(204);
            run.ghosts.add(name);
            // A deleted user's person stays (deactivated), and so do its memberships.
        } else {
            applyGroup(run, step);
        }
    }

    private void applyGroup(Run run, Step step) throws Exception {
        if (step instanceof CreateGroup c) {
            String name = GROUPS.get(c.group());
            MockHttpServletResponse r = run.send(HttpMethod.POST, "/Groups", "{\"displayName\":\"" + name + "\","
                    + "\"members\":[]}");
            if (run.groupIds.containsKey(name)) {
                assertThat(r.getStatus()).as("%s", step).isEqualTo(409);
                return;
            }
            assertThat(r.getStatus()).as("%s: %s", step, r.getContentAsString()).isEqualTo(201);
            run.groupIds.put(name, ScimFixture.json(r.getContentAsString()).get("id").asString());
            run.members.put(name, new TreeSet<>());
        } else if (step instanceof AddMember a) {
            String group = GROUPS.get(a.group());
            ModelUser u = run.users.get(NAMES.get(a.name()));
            if (!run.groupIds.containsKey(group) || u == null) {
                return;
            }
            MockHttpServletResponse r = run.send(HttpMethod.PATCH, "/Groups/" + run.groupIds.get(group),
                    "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u.id + "\"}]}]}");
            assertThat(r.getStatus()).as("%s: %s", step, r.getContentAsString()).isEqualTo(200);
            run.members.get(group).add(NAMES.get(a.name()));
        } else if (step instanceof RemoveMember m) {
            String group = GROUPS.get(m.group());
            ModelUser u = run.users.get(NAMES.get(m.name()));
            if (!run.groupIds.containsKey(group) || u == null) {
                return;
            }
            String op = m.entraValueList()
                    ? "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + u.id + "\"}]}"
                    : "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + u.id + "\\\"]\"}";
            MockHttpServletResponse r = run.send(HttpMethod.PATCH, "/Groups/" + run.groupIds.get(group),
                    "{\"Operations\":[" + op + "]}");
            assertThat(r.getStatus()).as("%s: %s", step, r.getContentAsString()).isEqualTo(200);
            run.members.get(group).remove(NAMES.get(m.name()));
        } else if (step instanceof RenameGroup g) {
            String from = GROUPS.get(g.group());
            String to = GROUPS.get(g.to());
            if (!run.groupIds.containsKey(from) || from.equals(to)) {
                return;
            }
            boolean taken = run.groupIds.containsKey(to) || teamExists(run, to);
            MockHttpServletResponse r = run.send(HttpMethod.PATCH, "/Groups/" + run.groupIds.get(from),
                    "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"id\":\"" + run.groupIds.get(from)
                            + "\",\"displayName\":\"" + to + "\"}}]}");
            if (taken) {
                assertThat(r.getStatus()).as("%s: the name is taken", step).isEqualTo(409);
                return;
            }
            assertThat(r.getStatus()).as("%s: %s", step, r.getContentAsString()).isEqualTo(200);
            run.groupIds.put(to, run.groupIds.remove(from));
            run.members.put(to, run.members.remove(from));
        } else if (step instanceof DeleteGroup d) {
            String group = GROUPS.get(d.group());
            if (!run.groupIds.containsKey(group)) {
                return;
            }
            assertThat(run.send(HttpMethod.DELETE, "/Groups/" + run.groupIds.remove(group), null).getStatus())
                    .isEqualTo(204);
            run.members.remove(group);
        }
    }

    /** A team of that name exists without being a group: a department made it, or a deleted group left it. */
    private boolean teamExists(Run run, String name) {
        return teams.byName(run.scim.account().id(), name).isPresent();
    }

    private void compare(Run run, List<Step> steps) {
        UUID account = run.scim.account().id();
        Map<String, PersonView> byEmail = people.search(account, PeopleQuery.all(), PageRequest.of(0, 500)).items()
                .stream().collect(Collectors.toMap(p -> p.person().email(), p -> p));
        List<String> problems = new ArrayList<>();
        run.users.forEach((name, u) -> {
            PersonView p = byEmail.get(name + "@acme.example");
            if (p == null) {
                problems.add(name + ": no person");
                return;
            }
            check(problems, name, "given name", u.given, p.person().firstName());
            check(problems, name, "department → primary team", u.department, p.primaryTeam());
            check(problems, name, "deactivated", !u.active, p.person().status() == PersonStatus.DEACTIVATED);
        });
        for (String ghost : run.ghosts) {
            PersonView p = byEmail.get(ghost + "@acme.example");
            check(problems, ghost, "deleted → deactivated", true, p != null
                    && p.person().status() == PersonStatus.DEACTIVATED);
        }
        Map<UUID, String> emails = byEmail.values().stream().collect(Collectors.toMap(PersonView::id,
                p -> p.person().email().replace("@acme.example", "")));
        run.groupIds.forEach((name, id) -> {
            Set<String> actual = teams.members(account, List.of(UUID.fromString(id))).get(UUID.fromString(id))
                    .stream().map(emails::get).collect(Collectors.toCollection(TreeSet::new));
            check(problems, "group " + name, "members", run.members.get(name), actual);
            check(problems, "group " + name, "team name", name, teams.require(account, UUID.fromString(id)).name());
        });
        assertThat(problems).as("Roster against the model after %s", steps).isEmpty();
    }

    private static void check(List<String> problems, String who, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            problems.add(who + ": " + what + " is " + actual + ", the model says " + expected);
        }
    }

    // ---- bodies ----

    private static String userBody(String name, String given, String department) {
        return "{\"userName\":\"" + name + "@acme.example\",\"name\":{\"givenName\":\"" + given
                + "\",\"familyName\":\"Model\"},\"emails\":[{\"value\":\"" + name + "@acme.example\",\"type\":\"work\","
                + "\"primary\":true}],\"active\":true" + (department == null ? "" : ",\"" + ENTERPRISE
                + "\":{\"department\":\"" + department + "\"}") + "}";
    }

    private static String patchBody(PatchUser p) {
        String given = GIVEN.get(p.given());
        String department = DEPARTMENTS.get(p.department());
        String op = switch (p.form()) {
            case OKTA_PATHLESS_ACTIVE -> "{\"op\":\"replace\",\"value\":{\"active\":" + p.active() + "}}";
            case ENTRA_STRING_ACTIVE -> "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\""
                    + (p.active() ? "True" : "False") + "\"}";
            case ENTRA_DOTTED_KEYS -> department == null
                    ? "{\"op\":\"Replace\",\"value\":{\"name.givenName\":\"" + given + "\"}},{\"op\":\"Remove\","
                            + "\"path\":\"" + ENTERPRISE + ":department\"}"
                    : "{\"op\":\"Replace\",\"value\":{\"name.givenName\":\"" + given + "\",\"" + ENTERPRISE
                            + ":department\":\"" + department + "\"}}";
            case PATH_REPLACE -> "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"" + given + "\"}";
        };
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + op + "]}";
    }
}
