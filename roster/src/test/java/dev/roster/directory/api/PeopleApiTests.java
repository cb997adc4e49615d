package dev.roster.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.roster.directory.CustomFields;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.People;
import dev.roster.common.PageRequest;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

class PeopleApiTests extends IntegrationTest {

    @Autowired
    People people;

    @Autowired
    CustomFields customFields;

    TestAccount acme;

    @BeforeEach
    void setUp() {
        acme = accounts.create();
    }

    @Test
    void createWhenValidThenCreatedWithContractFields() throws Exception {
        call(post(acme.api("/people")), """
                {"email":"Jane.Doe@Acme.example","firstName":"Jane","lastName":"Doe","title":"Dr",
                 "jobTitle":"Engineer","primaryLanguage":"en-GB","primaryLocation":"London"}""")
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.email").value("Jane.Doe@Acme.example"))
                .andExpect(jsonPath("$.title").value("Dr"))
                .andExpect(jsonPath("$.status").value("invited"))
                .andExpect(jsonPath("$.source").value("manual"))
                .andExpect(jsonPath("$.oktaId").value(nullValue()))
                .andExpect(jsonPath("$.primaryTeam").value(nullValue()))
                .andExpect(jsonPath("$.effectiveManagerId").value(nullValue()))
                .andExpect(jsonPath("$.customFields").isMap())
                .andExpect(jsonPath("$.lastSyncedAt").value(nullValue()));
    }

    @Test
    void createWhenEmailUsedInAnyCaseThenFieldErrorAndNothingWritten() throws Exception {
        call(post(acme.api("/people")), "{\"email\":\"sam@acme.example\"}").andExpect(status().isCreated());
        long before = count();

        call(post(acme.api("/people")), "{\"email\":\"SAM@acme.example\",\"firstName\":\"Other\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void createWhenSameEmailInAnotherAccountThenAllowed() throws Exception {
        TestAccount other = accounts.create();
        call(post(acme.api("/people")), "{\"email\":\"shared@example.com\"}").andExpect(status().isCreated());
        mvc.perform(post(other.api("/people")).header("Authorization", "Bearer " + other.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"shared@example.com\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void createWhenInvalidEmailOrAvatarThenFieldErrors() throws Exception {
        call(post(acme.api("/people")), "{\"email\":\"not-an-email\",\"avatarUrl\":\"javascript:alert(1)\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("avatarUrl")));
    }

    @Test
    void createWhenMalformedJsonThenBadRequestProblem() throws Exception {
        call(post(acme.api("/people")), "{\"email\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed request body"));
    }

    @Test
    void createWhenBodyOverLimitThenContentTooLargeAndNothingWritten() throws Exception {
        long before = count();
        String huge = "{\"email\":\"big@acme.example\",\"jobTitle\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        call(post(acme.api("/people")), huge)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void createWhenCustomFieldValueInvalidThenFieldErrorNamingTheField() throws Exception {
        customFields.create(acme.id(), "hireDate", "Hire date", "date", null);
        call(post(acme.api("/people")), "{\"email\":\"h@acme.example\",\"customFields\":{\"hireDate\":\"soon\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customFields.hireDate"));
        call(post(acme.api("/people")), "{\"email\":\"h@acme.example\",\"customFields\":{\"unknown\":\"x\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customFields.unknown"));
    }

    @Test
    void createWhenCustomFieldsValidThenStoredTyped() throws Exception {
        customFields.create(acme.id(), "hireDate", "Hire date", "date", null);
        customFields.create(acme.id(), "level", "Level", "number", null);
        customFields.create(acme.id(), "remote", "Remote", "boolean", null);
        call(post(acme.api("/people")), """
                {"email":"c@acme.example","customFields":{"hireDate":"2024-03-01","level":"3.50","remote":"yes"}}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customFields.hireDate").value("2024-03-01"))
                .andExpect(jsonPath("$.customFields.level").value(3.5))
                .andExpect(jsonPath("$.customFields.remote").value(true));
    }

    @Test
    void listWhenFilteredByEmailOrStatusThenOnlyMatchesWithPaging() throws Exception {
        for (int i = 0; i < 3; i++) {
            call(post(acme.api("/people")), "{\"email\":\"p" + i + "@acme.example\"}").andExpect(status().isCreated());
        }
        mvc.perform(get(acme.api("/people")).param("email", "P1@ACME.example").header("Authorization", bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].email").value("p1@acme.example"));
        mvc.perform(get(acme.api("/people")).param("status", "invited").param("q", "@acme.example").param("size", "2").param("page", "1")
                        .header("Authorization", bearer()))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get(acme.api("/people")).param("status", "sleeping").header("Authorization", bearer()))
                .andExpect(status().isBadRequest());
        mvc.perform(get(acme.api("/people")).param("size", "100000").header("Authorization", bearer()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void patchWhenPartialThenOnlyGivenFieldsChangeAndNullClears() throws Exception {
        String id = id(call(post(acme.api("/people")),
                "{\"email\":\"x@acme.example\",\"firstName\":\"X\",\"jobTitle\":\"Dev\",\"primaryLocation\":\"Leeds\"}"));
        call(patch(acme.api("/people/" + id)), "{\"jobTitle\":\"Lead\",\"primaryLocation\":null}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.firstName").value("X"))
                .andExpect(jsonPath("$.jobTitle").value("Lead"))
                .andExpect(jsonPath("$.primaryLocation").value(nullValue()));
    }

    @Test
    void patchWhenStatusDeactivatedThenDeactivatedAndReactivatable() throws Exception {
        String id = id(call(post(acme.api("/people")), "{\"email\":\"d@acme.example\"}"));
        call(patch(acme.api("/people/" + id)), "{\"status\":\"deactivated\"}")
                .andExpect(jsonPath("$.status").value("deactivated"));
        call(patch(acme.api("/people/" + id)), "{\"status\":\"active\"}")
                .andExpect(jsonPath("$.status").value("invited"));
    }

    @Test
    void patchWhenWrongTypeThenFieldError() throws Exception {
        String id = id(call(post(acme.api("/people")), "{\"email\":\"w@acme.example\"}"));
        call(patch(acme.api("/people/" + id)), "{\"managerId\":\"not-a-uuid\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("managerId"));
    }

    @Test
    void effectiveManagerWhenTeamManagerAndOverrideThenOverrideWins() throws Exception {
        String lead = id(call(post(acme.api("/people")), "{\"email\":\"lead@acme.example\"}"));
        String boss = id(call(post(acme.api("/people")), "{\"email\":\"boss@acme.example\"}"));
        call(post(acme.api("/teams")), "{\"name\":\"Platform\",\"managerId\":\"" + lead + "\"}")
                .andExpect(status().isCreated());
        String dev = id(call(post(acme.api("/people")), "{\"email\":\"dev@acme.example\",\"primaryTeam\":\"Platform\"}"));
        mvc.perform(get(acme.api("/people/" + dev)).header("Authorization", bearer()))
                .andExpect(jsonPath("$.primaryTeam").value("Platform"))
                .andExpect(jsonPath("$.managerId").value(nullValue()))
                .andExpect(jsonPath("$.effectiveManagerId").value(lead));
        call(patch(acme.api("/people/" + dev)), "{\"managerId\":\"" + boss + "\"}")
                .andExpect(jsonPath("$.managerId").value(boss))
                .andExpect(jsonPath("$.effectiveManagerId").value(boss));
    }

    @Test
    void createWhenTeamOrManagerUnknownThenFieldErrors() throws Exception {
        call(post(acme.api("/people")), "{\"email\":\"u@acme.example\",\"primaryTeam\":\"Nope\",\"managerId\":\""
                + java.util.UUID.randomUUID() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("primaryTeam")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("managerId")));
    }

    @Test
    void readWhenUnknownIdThenNotFoundProblem() throws Exception {
        mvc.perform(get(acme.api("/people/" + java.util.UUID.randomUUID())).header("Authorization", bearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status", is(404)));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.header("Authorization", bearer()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String bearer() {
        return "Bearer " + acme.token();
    }

    private static String id(ResultActions result) throws Exception {
        return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
    }

    private long count() {
        return people.search(acme.id(), PeopleQuery.all(), PageRequest.of(0, 1)).total();
    }
}
