package dev.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import dev.roster.accounts.Role;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.directory.Teams;
import dev.roster.access.Endpoints.Endpoint;
import dev.roster.oktasimulator.OktaSimulatorExtension;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * No request made with one account's credentials reads or changes another account's data. The sweep
 * tests take every endpoint from the application's handler mappings, so a new one is covered the day
 * it is added, or makes {@link #everyEndpointWhenDiscoveredThenBehindADoorOrPublicByDecision} fail.
 */
class AccountIsolationTests extends IntegrationTest {

    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(3).rateLimits(false).build());

    @Autowired
    ApplicationContext context;

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

    @Test
    void everyEndpointWhenDiscoveredThenBehindADoorOrPublicByDecision() {
        List<Endpoint> endpoints = Endpoints.discover(context);
        assertThat(endpoints).as("discovery found the API, the pages and the hook")
                .extracting(Endpoint::door).contains(Endpoints.Door.API, Endpoints.Door.PAGE, Endpoints.Door.HOOK,
                        Endpoints.Door.SCIM);
        assertThat(endpoints.stream().filter(e -> e.door() == null).toList())
                .as("endpoints outside /a/{key}/**, /api/v1/accounts/{key}/**, /hooks/okta/{key} and /scim/v2/{key}/**"
                        + " that are not on"
                        + " Endpoints.PUBLIC: put them behind a door, or make them public with a reason")
                .isEmpty();
    }

    @Test
    void everyEndpointWhenAnotherAccountsSessionTokenOrSecretThenRefusedAndNothingOfTheirsShown() throws Exception {
        SweptAccount victim = SweptAccount.create(context, okta.simulator());
        SweptAccount intruder = SweptAccount.create(context, okta.simulator());
        MockHttpSession victimSession = signIn(victim.account());
        MockHttpSession intruderSession = signIn(intruder.account());
        String before = victim.snapshot();
        SoftAssertions softly = new SoftAssertions();
        int requests = 0;
        for (Endpoint e : Endpoints.discover(context)) {
            if (e.door() == Endpoints.Door.PAGE) {
                if (!e.changesState()) {
                    expectServed(softly, e, page(e, victim.variables()).session(victimSession));
                }
                expectRefused(softly, e, "another account's admin", page(e, victim.variables()).session(intruderSession),
                        victim);
                if (e.namesARecord()) {
                    expectRefused(softly, e, "another account's ids under the admin's own key",
                            page(e, victim.variables(intruder.key())).session(intruderSession), victim);
                }
                expectSignInRequired(softly, e, page(e, victim.variables()), victim);
                requests += e.namesARecord() ? 4 : 3;
            } else if (e.door() == Endpoints.Door.API) {
                if (!e.changesState()) {
                    expectServed(softly, e, api(e, victim.variables(), victim.account().token()));
                }
                expectRefused(softly, e, "another account's API token",
                        api(e, victim.variables(), intruder.account().token()), victim);
                if (e.namesARecord()) {
                    expectRefused(softly, e, "another account's ids under the token's own key",
                            api(e, victim.variables(intruder.key()), intruder.account().token()), victim);
                }
                expectRefused(softly, e, "no token", api(e, victim.variables(), null), victim);
                requests += e.namesARecord() ? 4 : 3;
            } else if (e.door() == Endpoints.Door.HOOK) {
                expectHookRefused(softly, e, "another account's hook secret",
                        hook(e, victim.variables(), intruder.hookSecret()), victim);
                expectHookRefused(softly, e, "no hook secret", hook(e, victim.variables(), null), victim);
                requests += 2;
            } else if (e.door() == Endpoints.Door.SCIM) {
                if (!e.changesState()) {
                    expectServed(softly, e, scim(e, victim.variables(), victim.scimToken()));
                }
                expectRefused(softly, e, "another account's SCIM token",
                        scim(e, victim.variables(), intruder.scimToken()), victim);
                if (e.namesARecord()) {
                    expectRefused(softly, e, "another account's ids under the SCIM token's own key",
                            scim(e, victim.variables(intruder.key()), intruder.scimToken()), victim);
                }
                expectRefused(softly, e, "no SCIM token", scim(e, victim.variables(), null), victim);
                requests += e.namesARecord() ? 4 : 3;
            }
        }
        softly.assertAll();
        assertThat(requests).as("requests made by the sweep").isGreaterThan(100);
        assertThat(victim.snapshot()).as("the victim account after the sweep").isEqualTo(before);
    }

    private static MockHttpServletRequestBuilder page(Endpoint e, Map<String, String> variables) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(e.method(), e.expand(variables));
        // plausible input, so that a refusal is about the ids, not a missing field
        return e.changesState() ? request.with(csrf()).param("name", "Sweep").param("email", "sweep@sweep.example")
                : request;
    }

    private static MockHttpServletRequestBuilder api(Endpoint e, Map<String, String> variables, String token) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(e.method(), e.expand(variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return e.changesState() ? request.contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Sweep\",\"email\":\"sweep@sweep.example\"}") : request;
    }

    private static MockHttpServletRequestBuilder scim(Endpoint e, Map<String, String> variables, String token) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(e.method(), e.expand(variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // a plausible SCIM body, so that a refusal is about the token, not the input
        return e.changesState() ? request.contentType(MediaType.APPLICATION_JSON).content("""
                {"userName":"sweep@sweep.example","emails":[{"value":"sweep@sweep.example"}],"active":false,
                 "Operations":[{"op":"replace","value":{"active":false}}]}""") : request;
    }

    private static MockHttpServletRequestBuilder hook(Endpoint e, Map<String, String> variables, String secret) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(e.method(), e.expand(variables))
                .header("X-Okta-Verification-Challenge", "challenge-from-the-intruder");
        if (secret != null) {
            request.header("Authorization", secret);
        }
        return e.changesState() ? request.contentType(MediaType.APPLICATION_JSON).content("""
                {"eventType":"com.okta.event_hook","eventId":"intruder","data":{"events":[]}}""") : request;
    }

    /** The control: the rightful caller gets an answer, so a refusal below is about who asks, not a bad URL. */
    private void expectServed(SoftAssertions softly, Endpoint e, MockHttpServletRequestBuilder request)
            throws Exception {
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        softly.assertThat(status).as("%s for its own account", e).isBetween(200, 399);
    }

    private void expectRefused(SoftAssertions softly, Endpoint e, String who, MockHttpServletRequestBuilder request,
            SweptAccount victim) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        softly.assertThat(response.getStatus()).as("%s with %s", e, who).isIn(401, 403, 404);
        expectNothingOf(softly, e, who, response, victim);
    }

    /**
     * Okta's verification {@code GET} is answered without the secret (Okta's documentation does not promise
     * that it sends it): it may echo the caller's own challenge, and nothing else.
     */
    private void expectHookRefused(SoftAssertions softly, Endpoint e, String who,
            MockHttpServletRequestBuilder request, SweptAccount victim) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        if (e.changesState()) {
            softly.assertThat(response.getStatus()).as("%s with %s", e, who).isIn(401, 403, 404);
        } else {
            softly.assertThat(response.getContentAsString()).as("%s with %s", e, who)
                    .isIn("{\"verification\":\"challenge-from-the-intruder\"}", "");
        }
        expectNothingOf(softly, e, who, response, victim);
    }

    private void expectSignInRequired(SoftAssertions softly, Endpoint e, MockHttpServletRequestBuilder request,
            SweptAccount victim) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        softly.assertThat(response.getStatus()).as("%s signed out", e).isIn(302, 401, 403);
        if (response.getStatus() == 302) {
            softly.assertThat(response.getRedirectedUrl()).as("%s signed out", e)
                    .endsWith("/a/" + victim.key() + "/sign-in");
        }
        expectNothingOf(softly, e, "no session", response, victim);
    }

    private static void expectNothingOf(SoftAssertions softly, Endpoint e, String who, MockHttpServletResponse response,
            SweptAccount victim) throws Exception {
        String body = response.getContentAsString();
        for (String marker : victim.markers()) {
            softly.assertThat(body).as("%s with %s: the victim's data in the answer", e, who).doesNotContain(marker);
        }
    }

    private MockHttpSession signIn(TestAccount account) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/sign-in").session(session).with(csrf()).param("account", account.key())
                        .param("email", account.owner().person().email()).param("password", TestAccounts.PASSWORD))
                .andExpect(status().is3xxRedirection());
        return session;
    }
}
