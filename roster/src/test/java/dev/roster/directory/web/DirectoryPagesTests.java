package dev.roster.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import dev.roster.common.PageRequest;
import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonView;
import dev.roster.directory.Teams;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

class DirectoryPagesTests extends IntegrationTest {

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    CustomFields customFields;

    TestAccount acme;
    MockHttpSession session;

    @BeforeEach
    void signIn() throws Exception {
        acme = accounts.create();
        MockHttpSession fresh = new MockHttpSession();
        session = (MockHttpSession) mvc.perform(post("/sign-in").session(fresh).with(csrf())
                        .param("account", acme.key()).param("email", acme.owner().person().email())
                        .param("password", TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
    }

    @Test
    void peopleListWhenSearchingThenOnlyMatchesShown() throws Exception {
        create("ada@acme.example", "Ada", "Lovelace", null);
        create("alan@acme.example", "Alan", "Turing", null);
        mvc.perform(get(acme.page("/people")).param("q", "lovel").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ada@acme.example")))
                .andExpect(content().string(not(containsString("alan@acme.example"))));
    }

    @Test
    void peopleListWhenFilteredByTeamThenOnlyTeamMembers() throws Exception {
        teams.create(acme.id(), "Sales", null);
        create("seller@acme.example", "Sel", "Ler", "Sales");
        create("other@acme.example", "Oth", "Er", null);
        var sales = teams.byName(acme.id(), "Sales").orElseThrow();
        mvc.perform(get(acme.page("/people")).param("team", sales.id().toString()).session(session))
                .andExpect(content().string(containsString("seller@acme.example")))
                .andExpect(content().string(not(containsString("other@acme.example"))));
    }

    @Test
    void createFormWhenPostedThenPersonCreatedAndShown() throws Exception {
        customFields.create(acme.id(), "hireDate", "Hire date", "date", null);
        mvc.perform(post(acme.page("/people")).session(session).with(csrf())
                        .param("email", "new@acme.example").param("firstName", "New").param("lastName", "Person")
                        .param("role", "member").param("custom[hireDate]", "2025-01-02"))
                .andExpect(status().is3xxRedirection());
        PersonView created = people.findByEmail(acme.id(), "new@acme.example").orElseThrow();
        assertThat(created.person().customValues()).containsEntry("hireDate", "2025-01-02");
        mvc.perform(get(acme.page("/people/" + created.id())).session(session))
                .andExpect(content().string(containsString("Hire date")))
                .andExpect(content().string(containsString("2025-01-02")))
                .andExpect(content().string(containsString("Added by hand")));
    }

    @Test
    void createFormWhenEmailTakenThenFormShowsErrorAndNothingWritten() throws Exception {
        create("taken@acme.example", "T", "Aken", null);
        long before = people.search(acme.id(), PeopleQuery.all(), PageRequest.of(0, 1)).total();
        mvc.perform(post(acme.page("/people")).session(session).with(csrf()).param("email", "TAKEN@acme.example"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is already used by another person")));
        assertThat(people.search(acme.id(), PeopleQuery.all(), PageRequest.of(0, 1)).total()).isEqualTo(before);
    }

    @Test
    void personPageWhenProfileHoldsMarkupThenRenderedAsText() throws Exception {
        PersonView evil = create("evil@acme.example", "<script>alert(1)</script>", "<b>Bold</b>", null);
        mvc.perform(get(acme.page("/people/" + evil.id())).session(session))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
        mvc.perform(get(acme.page("/people")).session(session))
                .andExpect(content().string(not(containsString("<b>Bold</b>"))));
    }

    @Test
    void personPageWhenTeamHasManagerThenShowsEffectiveManager() throws Exception {
        PersonView lead = create("lead@acme.example", "Lea", "Der", null);
        teams.create(acme.id(), "Ops", lead.id());
        PersonView member = create("m@acme.example", "Mem", "Ber", "Ops");
        mvc.perform(get(acme.page("/people/" + member.id())).session(session))
                .andExpect(content().string(containsString("Lea Der")))
                .andExpect(content().string(containsString("the primary team&#39;s manager")));
    }

    @Test
    void deactivateAndReactivateWhenAdminThenStatusChanges() throws Exception {
        PersonView p = create("d@acme.example", "De", "Act", null);
        mvc.perform(post(acme.page("/people/" + p.id() + "/deactivate")).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(people.require(acme.id(), p.id()).person().status().wireName()).isEqualTo("deactivated");
        mvc.perform(post(acme.page("/people/" + p.id() + "/reactivate")).session(session).with(csrf()));
        assertThat(people.require(acme.id(), p.id()).person().status().wireName()).isEqualTo("invited");
    }

    @Test
    void teamsPageWhenCreatingAndSettingManagerThenSaved() throws Exception {
        PersonView boss = create("boss@acme.example", "Bo", "Ss", null);
        mvc.perform(post(acme.page("/teams")).session(session).with(csrf()).param("name", "Finance"))
                .andExpect(status().is3xxRedirection());
        var finance = teams.byName(acme.id(), "finance").orElseThrow();
        mvc.perform(post(acme.page("/teams/" + finance.id())).session(session).with(csrf())
                .param("name", "Finance").param("managerId", boss.id().toString()));
        assertThat(teams.require(acme.id(), finance.id()).managerId()).isEqualTo(boss.id());
        mvc.perform(post(acme.page("/teams")).session(session).with(csrf()).param("name", "FINANCE"))
                .andExpect(content().string(containsString("exists already")));
    }

    @Test
    void customFieldsPageWhenCreatingOneOfWithoutOptionsThenError() throws Exception {
        mvc.perform(post(acme.page("/custom-fields")).session(session).with(csrf())
                        .param("key", "shirt").param("label", "Shirt size").param("type", "one_of"))
                .andExpect(content().string(containsString("needs at least one option")));
        mvc.perform(post(acme.page("/custom-fields")).session(session).with(csrf())
                        .param("key", "shirt").param("label", "Shirt size").param("type", "one_of")
                        .param("options", "S\nM\nL"))
                .andExpect(status().is3xxRedirection());
        assertThat(customFields.all(acme.id())).singleElement()
                .satisfies(f -> assertThat(f.options()).containsExactly("S", "M", "L"));
    }

    @Test
    void personPageWhenMemberViewsSomeoneElseThenOnlyFieldsShownToEveryoneAndAllOnTheirOwnProfile() throws Exception {
        mvc.perform(post(acme.page("/custom-fields")).session(session).with(csrf()).param("key", "desk")
                .param("label", "Desk number").param("type", "text").param("visibleToEveryone", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(acme.page("/custom-fields")).session(session).with(csrf()).param("key", "salaryBand")
                .param("label", "Salary band").param("type", "text")).andExpect(status().is3xxRedirection());
        PersonView colleague = people.create(acme.id(), new PersonInput("col@" + acme.key() + ".example", null, "Col",
                "League", null, null, null, null, null, null,
                Map.of("desk", "desk-forty-two", "salaryBand", "band-seven"), null));
        PersonView me = accounts.person(acme.account(), "me@" + acme.key() + ".example", dev.roster.accounts.Role.MEMBER);
        people.update(acme.id(), me.id(), new PersonInput(me.person().email(), null, "Me", "Myself", null, null, null,
                null, null, null, Map.of("desk", "desk-one", "salaryBand", "band-one"), "member"));
        MockHttpSession member = (MockHttpSession) mvc.perform(post("/sign-in").session(new MockHttpSession())
                        .with(csrf()).param("account", acme.key()).param("email", me.person().email())
                        .param("password", TestAccounts.PASSWORD)).andReturn().getRequest().getSession();

        mvc.perform(get(acme.page("/people/" + colleague.id())).session(member)).andExpect(status().isOk())
                .andExpect(content().string(containsString("desk-forty-two")))
                .andExpect(content().string(not(containsString("band-seven"))))
                .andExpect(content().string(not(containsString("Salary band"))));
        mvc.perform(get(acme.page("/people/" + me.id())).session(member)).andExpect(status().isOk())
                .andExpect(content().string(containsString("desk-one")))
                .andExpect(content().string(containsString("band-one")));

        UUID salary = customFields.all(acme.id()).stream().filter(f -> f.key().equals("salaryBand")).findFirst()
                .orElseThrow().id();
        mvc.perform(post(acme.page("/custom-fields/" + salary + "/visibility")).session(session).with(csrf())
                .param("visibleToEveryone", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(get(acme.page("/people/" + colleague.id())).session(member))
                .andExpect(content().string(containsString("band-seven")));
        mvc.perform(post(acme.page("/custom-fields/" + salary + "/visibility")).session(member).with(csrf())
                .param("visibleToEveryone", "false")).andExpect(status().isForbidden());
    }

    @Test
    void apiTokensPageWhenOwnerCreatesTokenThenSecretShownOnce() throws Exception {
        String page = mvc.perform(post(acme.page("/api-tokens")).session(session).with(csrf())
                        .param("name", "automation").param("role", "admin"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("rst_").contains("not shown again");
        mvc.perform(get(acme.page("/api-tokens")).session(session))
                .andExpect(content().string(containsString("automation")))
                .andExpect(content().string(not(containsString("rst_"))));
    }

    @Test
    void pagesWhenRenderedThenSecurityHeadersSet() throws Exception {
        mvc.perform(get(acme.page("/people")).session(session))
                .andExpect(result -> assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"))
                .andExpect(result -> assertThat(result.getResponse().getHeader("X-Content-Type-Options"))
                        .isEqualTo("nosniff"));
    }

    private PersonView create(String email, String first, String last, String team) {
        return people.create(acme.id(), new PersonInput(email, null, first, last, null, null, null, null, team, null,
                Map.of(), null));
    }
}
