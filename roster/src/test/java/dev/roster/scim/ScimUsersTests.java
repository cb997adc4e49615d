package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.roster.directory.Invitation;
import dev.roster.directory.People;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.directory.Source;
import dev.roster.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The SCIM Users endpoint end to end: what Okta and Entra ID send, and what the directory then holds. */
class ScimUsersTests extends IntegrationTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Autowired
    People people;

    @Autowired
    dev.roster.okta.OktaConnections okta;

    private ScimFixture scim;

    @BeforeEach
    void enable() throws Exception {
        scim = ScimFixture.enabled(mvc, accounts);
    }

    private MockHttpServletResponse send(HttpMethod method, String path, String body) throws Exception {
        return mvc.perform(scim.request(method, path, body)).andReturn().getResponse();
    }

    private static String oktaUser(String userName, String given, String family) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"%s","familyName":"%s"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"%s %s","locale":"en-US",
                 "externalId":"00u%s","groups":[],"password":{"value":"t1meMa$heen"},"active":true}"""
                .formatted(userName, given, family, userName, given, family, Math.abs(userName.hashCode()));
    }

    private JsonNode create(String body) throws Exception {
        MockHttpServletResponse response = send(HttpMethod.POST, "/Users", body);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return ScimFixture.json(response.getContentAsString());
    }

    private PersonView person(JsonNode user) {
        return people.require(scim.account().id(), UUID.fromString(user.get("id").asString()));
    }

    @Test
    void createWhenOktaShapedBodyAsPlainJsonThenCreatedInTheDirectoryWithoutThePassword() throws Exception {
        MockHttpServletResponse response = mvc.perform(post(scim.path("/Users"))
                .header("Authorization", "Bearer " + scim.token()).contentType(MediaType.APPLICATION_JSON)
                .content(oktaUser("jane@acme.example", "Jane", "Doe"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentType()).startsWith("application/scim+json");
        JsonNode user = ScimFixture.json(response.getContentAsString());
        assertThat(user.get("active").booleanValue()).isTrue();
        assertThat(user.get("userName").asString()).isEqualTo("jane@acme.example");
        assertThat(user.at("/name/givenName").asString()).isEqualTo("Jane");
        assertThat(user.has("password")).isFalse();
        assertThat(user.at("/meta/location").asString()).endsWith("/scim/v2/" + scim.account().key() + "/Users/"
                + user.get("id").asString());
        assertThat(response.getHeader("ETag")).isEqualTo(user.at("/meta/version").asString());
        PersonView person = person(user);
        assertThat(person.person().firstName()).isEqualTo("Jane");
        assertThat(person.person().email()).isEqualTo("jane@acme.example");
        assertThat(person.person().source()).isEqualTo(Source.SCIM);
        assertThat(person.person().invitation()).isEqualTo(Invitation.PENDING);
    }

    @Test
    void createWhenUserNameTakenInAnyCaseThenConflictUniqueness() throws Exception {
        create(oktaUser("dup@acme.example", "A", "B"));
        MockHttpServletResponse again = send(HttpMethod.POST, "/Users", oktaUser("DUP@acme.example", "A", "B"));
        assertThat(again.getStatus()).isEqualTo(409);
        JsonNode error = ScimFixture.json(again.getContentAsString());
        assertThat(error.get("status").asString()).isEqualTo("409");
        assertThat(error.get("scimType").asString()).isEqualTo("uniqueness");
        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void listWhenUserNameFilterInOtherCaseThenFoundAndUnknownGivesEmptyList() throws Exception {
        JsonNode user = create(oktaUser("case@acme.example", "C", "D"));
        JsonNode found = ScimFixture.json(mvc.perform(get(scim.path("/Users")).header("Authorization", "Bearer "
                + scim.token()).param("filter", "userName eq \"CASE@ACME.EXAMPLE\"")).andReturn().getResponse()
                .getContentAsString());
        assertThat(found.get("totalResults").isIntegralNumber()).isTrue();
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.at("/Resources/0/id").asString()).isEqualTo(user.get("id").asString());

        MockHttpServletResponse none = mvc.perform(get(scim.path("/Users")).header("Authorization", "Bearer "
                + scim.token()).param("filter", "userName eq \"nobody@acme.example\"")).andReturn().getResponse();
        assertThat(none.getStatus()).isEqualTo(200);
        assertThat(ScimFixture.json(none.getContentAsString()).get("totalResults").asInt()).isZero();
    }

    @Test
    void listWhenPagedThenStableOrderCountsAsIntegersAndProjection() throws Exception {
        for (int i = 0; i < 5; i++) {
            create(oktaUser("page" + i + "@acme.example", "P" + i, "Q"));
        }
        JsonNode first = ScimFixture.json(mvc.perform(get(scim.path("/Users")).header("Authorization", "Bearer "
                        + scim.token()).param("startIndex", "1").param("count", "2").param("attributes", "userName"))
                .andReturn().getResponse().getContentAsString());
        JsonNode second = ScimFixture.json(mvc.perform(get(scim.path("/Users")).header("Authorization", "Bearer "
                        + scim.token()).param("startIndex", "3").param("count", "2")).andReturn().getResponse()
                .getContentAsString());
        assertThat(first.get("totalResults").asInt()).isEqualTo(5);
        assertThat(first.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(first.get("startIndex").asInt()).isEqualTo(1);
        assertThat(first.at("/Resources/0/userName").asString()).isEqualTo("page0@acme.example");
        assertThat(first.at("/Resources/0").has("name")).as("projected to userName (and id)").isFalse();
        assertThat(first.at("/Resources/0").has("id")).isTrue();
        assertThat(second.at("/Resources/0/userName").asString()).isEqualTo("page2@acme.example");
    }

    @Test
    void listWhenFilterOnOtherAttributesThenEvaluated() throws Exception {
        create(oktaUser("ann@acme.example", "Ann", "Lee"));
        create(oktaUser("bob@other.example", "Bob", "Lee"));
        JsonNode found = ScimFixture.json(mvc.perform(get(scim.path("/Users")).header("Authorization", "Bearer "
                        + scim.token()).param("filter", "emails[type eq \"work\" and value ew \"@acme.example\"]"
                        + " and not (name.givenName sw \"B\")")).andReturn().getResponse().getContentAsString());
        assertThat(found.get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.at("/Resources/0/userName").asString()).isEqualTo("ann@acme.example");
    }

    @Test
    void requestWhenFilterMalformedThenBadRequestInvalidFilter() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(scim.path("/Users")).header("Authorization", "Bearer "
                + scim.token()).param("filter", "userName eq")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(ScimFixture.json(response.getContentAsString()).get("scimType").asString()).isEqualTo("invalidFilter");
    }

    @Test
    void getWhenUnknownOrMalformedIdThenNotFoundInTheErrorSchema() throws Exception {
        for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
            MockHttpServletResponse response = send(HttpMethod.GET, "/Users/" + id, null);
            assertThat(response.getStatus()).isEqualTo(404);
            JsonNode error = ScimFixture.json(response.getContentAsString());
            assertThat(error.get("status").asString()).isEqualTo("404");
            assertThat(error.get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void requestWhenTokenMissingWrongOrAnotherAccountsThenUnauthorizedAndNothingShown() throws Exception {
        JsonNode user = create(oktaUser("secret@acme.example", "S", "T"));
        ScimFixture other = ScimFixture.enabled(mvc, accounts);
        String path = scim.path("/Users/" + user.get("id").asString());
        for (String authorization : new String[] {null, "non-token", "Bearer wrong", "Bearer " + other.token()}) {
            var request = get(path);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as(authorization).isEqualTo(401);
            assertThat(ScimFixture.json(response.getContentAsString()).get("status").asString()).isEqualTo("401");
            assertThat(response.getContentAsString()).doesNotContain("secret@acme.example");
        }
        MockHttpServletResponse crossed = mvc.perform(get(other.path("/Users/" + user.get("id").asString()))
                .header("Authorization", "Bearer " + other.token())).andReturn().getResponse();
        assertThat(crossed.getStatus()).as("another account's id under its own key").isEqualTo(404);
    }

    @Test
    void patchWhenOktaDeactivatesThenPersonDeactivatedAndTheSamePatchWithTrueReactivates() throws Exception {
        JsonNode user = create(oktaUser("leaver@acme.example", "L", "V"));
        String path = "/Users/" + user.get("id").asString();
        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"value\":{\"active\":%s}}]}";
        MockHttpServletResponse off = send(HttpMethod.PATCH, path, patch.formatted("false"));
        assertThat(off.getStatus()).isEqualTo(200);
        assertThat(ScimFixture.json(off.getContentAsString()).get("active").booleanValue()).isFalse();
        assertThat(person(user).person().status()).isEqualTo(PersonStatus.DEACTIVATED);

        send(HttpMethod.PATCH, path, patch.formatted("true"));
        assertThat(person(user).person().status()).isNotEqualTo(PersonStatus.DEACTIVATED);
    }

    @Test
    void patchWhenEntraDialectThenDepartmentBecomesTeamAndManagerTheOverride() throws Exception {
        JsonNode boss = create(oktaUser("boss@acme.example", "Bo", "Ss"));
        JsonNode user = create(oktaUser("report@acme.example", "Re", "Port"));
        String path = "/Users/" + user.get("id").asString();
        MockHttpServletResponse response = send(HttpMethod.PATCH, path, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"Replace","value":{"name.givenName":"Reed","%1$s:department":"Finance"}},
                 {"op":"Add","path":"%1$s:manager","value":"%2$s"},
                 {"op":"Add","path":"addresses[type eq \\"work\\"].locality","value":"Oslo"},
                 {"op":"Replace","path":"title","value":"Accountant"},
                 {"op":"Replace","path":"active","value":"True"}]}""".formatted(ENTERPRISE, boss.get("id").asString()));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        PersonView person = person(user);
        assertThat(person.person().firstName()).isEqualTo("Reed");
        assertThat(person.primaryTeam()).isEqualTo("Finance");
        assertThat(person.person().managerId()).isEqualTo(UUID.fromString(boss.get("id").asString()));
        assertThat(person.person().primaryLocation()).isEqualTo("Oslo");
        assertThat(person.person().jobTitle()).isEqualTo("Accountant");
    }

    @Test
    void patchWhenOneOperationIsRefusedThenNothingWritten() throws Exception {
        JsonNode user = create(oktaUser("atomic@acme.example", "Ato", "Mic"));
        MockHttpServletResponse response = send(HttpMethod.PATCH, "/Users/" + user.get("id").asString(), """
                {"Operations":[{"op":"replace","path":"name.givenName","value":"Changed"},
                 {"op":"replace","path":"active","value":"perhaps"}]}""");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(ScimFixture.json(response.getContentAsString()).get("scimType").asString()).isEqualTo("invalidValue");
        assertThat(person(user).person().firstName()).isEqualTo("Ato");
        JsonNode again = ScimFixture.json(send(HttpMethod.GET, "/Users/" + user.get("id").asString(), null)
                .getContentAsString());
        assertThat(again.at("/name/givenName").asString()).isEqualTo("Ato");
    }

    @Test
    void putWhenOktaEchoesIdMetaAndGroupsThenReplacedAndVersionMoves() throws Exception {
        JsonNode user = create(oktaUser("put@acme.example", "Pu", "T"));
        ((tools.jackson.databind.node.ObjectNode) user.get("name")).put("familyName", "Tee");
        ((tools.jackson.databind.node.ObjectNode) user).putArray("groups");
        MockHttpServletResponse response = send(HttpMethod.PUT, "/Users/" + user.get("id").asString(), user.toString());
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        JsonNode replaced = ScimFixture.json(response.getContentAsString());
        assertThat(replaced.at("/name/familyName").asString()).isEqualTo("Tee");
        assertThat(replaced.at("/meta/version").asString()).isNotEqualTo(user.at("/meta/version").asString());
        assertThat(person(user).person().lastName()).isEqualTo("Tee");
    }

    @Test
    void putWhenIfMatchIsStaleThenPreconditionFailedAndNothingWritten() throws Exception {
        JsonNode user = create(oktaUser("etag@acme.example", "E", "Tag"));
        String path = "/Users/" + user.get("id").asString();
        send(HttpMethod.PATCH, path, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CTO\"}]}");
        MockHttpServletResponse stale = mvc.perform(put(scim.path(path)).header("Authorization", "Bearer "
                + scim.token()).header("If-Match", user.at("/meta/version").asString()).contentType(ScimFixture.SCIM)
                .content(user.toString())).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(person(user).person().jobTitle()).isEqualTo("CTO");
    }

    @Test
    void deleteWhenUserExistsThenPersonDeactivatedAndUserGone() throws Exception {
        JsonNode user = create(oktaUser("gone@acme.example", "Go", "Ne"));
        String path = "/Users/" + user.get("id").asString();
        assertThat(send(HttpMethod.DELETE, path, null).getStatus()).isEqualTo(204);
        assertThat(send(HttpMethod.GET, path, null).getStatus()).isEqualTo(404);
        assertThat(person(user).person().status()).as("history kept: deactivated, not deleted")
                .isEqualTo(PersonStatus.DEACTIVATED);
    }

    @Test
    void createWhenAPersonWithTheEmailExistsThenLinkedNotDuplicated() throws Exception {
        PersonView existing = accounts.person(scim.account().account(), "known@acme.example",
                dev.roster.accounts.Role.MEMBER);
        JsonNode user = create(oktaUser("known@acme.example", "Kno", "Wn"));
        assertThat(user.get("id").asString()).isEqualTo(existing.id().toString());
        assertThat(person(user).person().firstName()).isEqualTo("Kno");
        assertThat(people.search(scim.account().id(), new dev.roster.directory.PeopleQuery(null,
                "known@acme.example", null, null, null), dev.roster.common.PageRequest.of(0, 10)).total()).isEqualTo(1);
    }

    @Test
    void createWhenBodyIsNotJsonOrLacksAnEmailThenBadRequestAndNothingStored() throws Exception {
        MockHttpServletResponse garbage = send(HttpMethod.POST, "/Users", "{not json");
        assertThat(garbage.getStatus()).isEqualTo(400);
        assertThat(ScimFixture.json(garbage.getContentAsString()).get("scimType").asString()).isEqualTo("invalidSyntax");
        MockHttpServletResponse noEmail = send(HttpMethod.POST, "/Users", "{\"userName\":\"jdoe\"}");
        assertThat(noEmail.getStatus()).isEqualTo(400);
        JsonNode list = ScimFixture.json(send(HttpMethod.GET, "/Users", null).getContentAsString());
        assertThat(list.get("totalResults").asInt()).isZero();
    }

    @Test
    void saveWhenSwitchedOffThenTheTokensNoLongerWork() throws Exception {
        MockHttpServletResponse off = mvc.perform(put(scim.account().api("/scim")).header("Authorization", "Bearer "
                + scim.account().token()).contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andReturn().getResponse();
        assertThat(ScimFixture.json(off.getContentAsString()).get("enabled").booleanValue()).isFalse();
        assertThat(send(HttpMethod.GET, "/Users", null).getStatus()).as("switched off: the token no longer works")
                .isEqualTo(401);
    }

    @Test
    void saveWhenOktaApiProvisionsTheAccountThenConflictAndScimStaysOff() throws Exception {
        dev.roster.support.TestAccounts.TestAccount account = accounts.create();
        okta.save(account.id(), dev.roster.support.OktaFixture.unreachableOrg("0oaSCIMCONFLICT0000", true));
        MockHttpServletResponse response = mvc.perform(put(account.api("/scim")).header("Authorization", "Bearer "
                + account.token()).contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":true}"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("one provisioning source");
        assertThat(ScimFixture.json(mvc.perform(get(account.api("/scim")).header("Authorization", "Bearer "
                + account.token())).andReturn().getResponse().getContentAsString()).get("enabled").booleanValue())
                .isFalse();
    }
}
