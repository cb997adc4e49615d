package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import dev.roster.accounts.Role;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.directory.Teams;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/** No request made with one account's credentials reads or changes another account's data. */
class AccountIsolationTests extends IntegrationTest {

    @Autowired
    People people;

    @Autowired
    Teams teams;

    TestAccount mine;
    TestAccount theirs;
    UUID theirPerson;
    UUID theirTeam;

    @BeforeEach
    void setUp() {
        mine = accounts.create();
        theirs = accounts.create();
        theirPerson = people.create(theirs.id(), new PersonInput("victim@theirs.example", null, "Vic", "Tim", null,
                null, null, null, null, null, null, null)).id();
        theirTeam = teams.create(theirs.id(), "Secret team", null).id();
    }

    @Test
    void apiWhenMyTokenOnTheirAccountThenNotFoundEverywhere() throws Exception {
        for (String path : List.of("/people", "/people/" + theirPerson, "/teams", "/teams/" + theirTeam,
                "/custom-fields")) {
            mvc.perform(get(theirs.api(path)).header("Authorization", "Bearer " + mine.token()))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post(theirs.api("/people")).header("Authorization", "Bearer " + mine.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"intruder@x.example\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(patch(theirs.api("/people/" + theirPerson)).header("Authorization", "Bearer " + mine.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\":\"Pwned\"}"))
                .andExpect(status().isNotFound());
        assertThat(people.require(theirs.id(), theirPerson).person().firstName()).isEqualTo("Vic");
    }

    @Test
    void apiWhenTheirIdsUnderMyAccountThenNotFound() throws Exception {
        mvc.perform(get(mine.api("/people/" + theirPerson)).header("Authorization", "Bearer " + mine.token()))
                .andExpect(status().isNotFound());
        mvc.perform(patch(mine.api("/people/" + theirPerson)).header("Authorization", "Bearer " + mine.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"firstName\":\"Pwned\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get(mine.api("/teams/" + theirTeam)).header("Authorization", "Bearer " + mine.token()))
                .andExpect(status().isNotFound());
        mvc.perform(post(mine.api("/teams")).header("Authorization", "Bearer " + mine.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mine\",\"managerId\":\"" + theirPerson + "\"}"))
                .andExpect(status().isBadRequest());
        assertThat(people.require(theirs.id(), theirPerson).person().firstName()).isEqualTo("Vic");
    }

    @Test
    void apiWhenUnknownAccountThenNotFound() throws Exception {
        mvc.perform(get("/api/v1/accounts/no-such-account/people").header("Authorization", "Bearer " + mine.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void pagesWhenSignedInToMineAndVisitingTheirsThenNotFound() throws Exception {
        MockHttpSession session = signIn(mine);
        for (String path : List.of("/people", "/people/" + theirPerson, "/teams", "/custom-fields", "/api-tokens")) {
            mvc.perform(get(theirs.page(path)).session(session)).andExpect(status().isNotFound());
        }
        mvc.perform(get(mine.page("/people/" + theirPerson)).session(session)).andExpect(status().isNotFound());
        mvc.perform(post(theirs.page("/people/" + theirPerson + "/deactivate")).session(session).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(mine.page("/people/" + theirPerson + "/deactivate")).session(session).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(people.require(theirs.id(), theirPerson).person().status().wireName()).isEqualTo("invited");
    }

    @Test
    void signInWhenCredentialsOfAnotherAccountThenRefused() throws Exception {
        mvc.perform(post("/sign-in").with(csrf()).param("account", theirs.key())
                        .param("email", mine.owner().person().email()).param("password", TestAccounts.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("error"));
    }

    @Test
    void pagesWhenMemberThenReadOnly() throws Exception {
        accounts.person(mine.account(), "member@mine.example", Role.MEMBER);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).with(csrf()).param("account", mine.key())
                .param("email", "member@mine.example").param("password", TestAccounts.PASSWORD));
        mvc.perform(get(mine.page("/people")).session(session)).andExpect(status().isOk());
        mvc.perform(get(mine.page("/people/new")).session(session)).andExpect(status().isForbidden());
        mvc.perform(get(mine.page("/api-tokens")).session(session)).andExpect(status().isForbidden());
    }

    private MockHttpSession signIn(TestAccount account) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).with(csrf()).param("account", account.key())
                        .param("email", account.owner().person().email()).param("password", TestAccounts.PASSWORD))
                .andExpect(status().is3xxRedirection());
        return session;
    }
}
