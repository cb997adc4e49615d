package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.roster.directory.People;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.Teams;
import dev.roster.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** SCIM Groups as Okta's group push and Entra ID send them: teams with several members each. */
class ScimGroupsTests extends IntegrationTest {

    @Autowired
    Teams teams;

    @Autowired
    People people;

    private ScimFixture scim;
    private String ann;
    private String bob;
    private String cat;

    @BeforeEach
    void enable() throws Exception {
        scim = ScimFixture.enabled(mvc, accounts);
        ann = user("ann");
        bob = user("bob");
        cat = user("cat");
    }

    private String user(String name) throws Exception {
        MockHttpServletResponse response = send(HttpMethod.POST, "/Users", "{\"userName\":\"" + name
                + "@acme.example\",\"name\":{\"givenName\":\"" + name + "\"},\"emails\":[{\"value\":\"" + name
                + "@acme.example\",\"type\":\"work\"}]}");
        assertThat(response.getStatus()).isEqualTo(201);
        return ScimFixture.json(response.getContentAsString()).get("id").asString();
    }

    private MockHttpServletResponse send(HttpMethod method, String path, String body) throws Exception {
        return mvc.perform(scim.request(method, path, body)).andReturn().getResponse();
    }

    private JsonNode createGroup(String name, String... members) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String m : members) {
            list.append(list.isEmpty() ? "" : ",").append("{\"value\":\"").append(m).append("\"}");
        }
        MockHttpServletResponse response = send(HttpMethod.POST, "/Groups", "{\"schemas\":["
                + "\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name + "\",\"members\":["
                + list + "]}");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return ScimFixture.json(response.getContentAsString());
    }

    private List<UUID> members(JsonNode group) {
        UUID id = UUID.fromString(group.get("id").asString());
        return teams.members(scim.account().id(), List.of(id)).get(id);
    }

    private static List<String> values(JsonNode group) {
        return group.get("members").findValuesAsString("value");
    }

    @Test
    void patchWhenOktaPushRenamesRemovesAndAddsInOneRequestThenTeamRenamedAndMembersExact() throws Exception {
        JsonNode group = createGroup("Eng", ann, bob);
        assertThat(group.get("members").findValuesAsString("display")).containsExactlyInAnyOrder("ann", "bob");
        MockHttpServletResponse response = send(HttpMethod.PATCH, "/Groups/" + group.get("id").asString(), """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","value":{"id":"%s","displayName":"Engineering"}},
                 {"op":"remove","path":"members[value eq \\"%s\\"]"},
                 {"op":"add","path":"members","value":[{"value":"%s","display":"cat"}]}]}"""
                .formatted(group.get("id").asString(), ann, cat));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        JsonNode patched = ScimFixture.json(response.getContentAsString());
        assertThat(patched.get("displayName").asString()).isEqualTo("Engineering");
        assertThat(values(patched)).containsExactlyInAnyOrder(bob, cat);
        assertThat(teams.require(scim.account().id(), UUID.fromString(group.get("id").asString())).name())
                .isEqualTo("Engineering");
        assertThat(members(group)).extracting(UUID::toString).containsExactlyInAnyOrder(bob, cat);
    }

    @Test
    void patchWhenOktaReplacesAllMembersThenExactlyTheNewOnes() throws Exception {
        JsonNode group = createGroup("Sales", ann, bob);
        send(HttpMethod.PATCH, "/Groups/" + group.get("id").asString(), "{\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"members\",\"value\":[{\"value\":\"" + cat + "\"}]}]}");
        assertThat(members(group)).extracting(UUID::toString).containsExactlyInAnyOrder(cat);
    }

    @Test
    void patchWhenEntraRemovesMembersWithAValueListThenOnlyThoseLeave() throws Exception {
        JsonNode group = createGroup("Ops", ann, bob, cat);
        send(HttpMethod.PATCH, "/Groups/" + group.get("id").asString(), "{\"Operations\":[{\"op\":\"Remove\","
                + "\"path\":\"members\",\"value\":[{\"value\":\"" + ann + "\"}]}]}");
        assertThat(members(group)).extracting(UUID::toString).containsExactlyInAnyOrder(bob, cat);
    }

    @Test
    void createWhenAPersonIsInSeveralGroupsThenEachTeamHasThemAndThePrimaryTeamIsUntouched() throws Exception {
        createGroup("Red", ann);
        createGroup("Blue", ann);
        assertThat(teams.all(scim.account().id())).extracting(t -> t.name()).contains("Red", "Blue");
        assertThat(people.require(scim.account().id(), UUID.fromString(ann)).primaryTeam()).isNull();
    }

    @Test
    void createWhenAMemberIsNotAPersonOfTheAccountThenBadRequestAndNothingStored() throws Exception {
        MockHttpServletResponse response = send(HttpMethod.POST, "/Groups", "{\"displayName\":\"Ghosts\",\"members\":"
                + "[{\"value\":\"" + ann + "\"},{\"value\":\"" + UUID.randomUUID() + "\"}]}");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(ScimFixture.json(response.getContentAsString()).get("scimType").asString()).isEqualTo("invalidValue");
        assertThat(teams.byName(scim.account().id(), "Ghosts")).isEmpty();
    }

    @Test
    void createWhenDisplayNameTakenThenConflict() throws Exception {
        createGroup("Twice");
        MockHttpServletResponse again = send(HttpMethod.POST, "/Groups", "{\"displayName\":\"twice\"}");
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(ScimFixture.json(again.getContentAsString()).get("scimType").asString()).isEqualTo("uniqueness");
    }

    @Test
    void listWhenEntraFiltersByDisplayNameWithoutMembersThenOneGroupAndNoMembers() throws Exception {
        createGroup("Finance", ann, bob);
        createGroup("Legal", cat);
        JsonNode found = ScimFixture.json(mvc.perform(get(scim.path("/Groups")).header("Authorization", "Bearer "
                        + scim.token()).param("excludedAttributes", "members").param("filter",
                        "displayName eq \"Finance\"")).andReturn().getResponse().getContentAsString());
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.at("/Resources/0/displayName").asString()).isEqualTo("Finance");
        assertThat(found.at("/Resources/0").has("members")).isFalse();
    }

    @Test
    void listWhenFilteredOnAMemberThenGroupsHoldingThem() throws Exception {
        createGroup("One", ann);
        createGroup("Two", bob);
        JsonNode found = ScimFixture.json(mvc.perform(get(scim.path("/Groups")).header("Authorization", "Bearer "
                        + scim.token()).param("filter", "members[value eq \"" + bob + "\"]"))
                .andReturn().getResponse().getContentAsString());
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.at("/Resources/0/displayName").asString()).isEqualTo("Two");
    }

    @Test
    void deleteWhenGroupExistsThenMembershipsGoneAndPeopleAndTeamStay() throws Exception {
        JsonNode group = createGroup("Temp", ann, bob);
        assertThat(send(HttpMethod.DELETE, "/Groups/" + group.get("id").asString(), null).getStatus()).isEqualTo(204);
        assertThat(send(HttpMethod.GET, "/Groups/" + group.get("id").asString(), null).getStatus()).isEqualTo(404);
        assertThat(members(group)).isEmpty();
        assertThat(people.require(scim.account().id(), UUID.fromString(ann)).person().status())
                .isNotEqualTo(PersonStatus.DEACTIVATED);
        assertThat(teams.byName(scim.account().id(), "Temp")).isPresent();
    }

    @Test
    void putWhenMembersListedThenReplaced() throws Exception {
        JsonNode group = createGroup("Put", ann);
        MockHttpServletResponse response = send(HttpMethod.PUT, "/Groups/" + group.get("id").asString(),
                "{\"displayName\":\"Put\",\"members\":[{\"value\":\"" + bob + "\"},{\"value\":\"" + cat + "\"}]}");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(values(ScimFixture.json(response.getContentAsString()))).containsExactlyInAnyOrder(bob, cat);
        assertThat(members(group)).extracting(UUID::toString).containsExactlyInAnyOrder(bob, cat);
    }
}
