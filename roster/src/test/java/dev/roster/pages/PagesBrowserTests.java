package dev.roster.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import dev.roster.access.ApiTokens;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.accounts.Role;
import dev.roster.common.Instants;
import dev.roster.directory.CustomFields;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.Source;
import dev.roster.directory.Team;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.directory.Teams;
import dev.roster.invitations.internal.InvitationRepository;
import dev.roster.okta.OktaConnections;
import dev.roster.support.BrowserSupport;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * What a first-time admin sees on the pages themselves, in a real browser: error pages, empty
 * states, forms and their errors, and the layout at a phone's width (issue #16).
 */
@DisabledIfSystemProperty(named = "roster.test.database", matches = "postgres",
        disabledReason = "the pages are under test here; the PostgreSQL tier runs the same flows over MockMvc")
class PagesBrowserTests extends LiveServerTest {

    /** An instant as Java or JSON prints it: what a person should never have to read. */
    private static final String RAW_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";

    static BrowserSupport browser;

    @Autowired
    Accounts accountsService;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OktaConnections connections;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Teams teams;

    @Autowired
    CustomFields customFields;

    @Autowired
    DirectorySync directory;

    @Autowired
    InvitationRepository invitations;

    @BeforeAll
    static void start() {
        browser = BrowserSupport.launch("Pages browser tests");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private Page signedIn(BrowserContext context, TestAccount account) {
        Page page = context.newPage();
        BrowserSupport.signIn(page, baseUrl(), account.key(), account.owner().person().email(),
                TestAccounts.PASSWORD);
        return page;
    }

    @Test
    void errorPageWhenAddressIsWrongThenSaysWhatIsWrongWithItsStatusAndKeepsTheNavigation() {
        TestAccount acme = accounts.create();
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, acme);
            String people = baseUrl() + "/a/" + acme.key() + "/people";

            Response malformedId = page.navigate(people + "/not-an-id");
            assertThat(malformedId.status()).isEqualTo(404);
            assertThat(page.title()).isEqualTo("Not found · Roster");
            assertThat(page.locator("h1").textContent()).isEqualTo("Not found");
            assertThat(page.locator("main").textContent()).contains("“not-an-id” is not a valid id");
            assertThat(page.locator("header.top nav a:text-is('Individuals')").count()).isEqualTo(1);
            assertThat(page.locator("main a.home").getAttribute("href")).isEqualTo("/a/" + acme.key() + "/people");

            Response badPage = page.navigate(people + "?page=abc");
            assertThat(badPage.status()).isEqualTo(400);
            assertThat(page.title()).isEqualTo("Bad request · Roster");
            assertThat(page.locator("main").textContent()).contains("page", "“abc”", "whole number")
                    .doesNotContain("Something went wrong");

            Response nobody = page.navigate(people + "/" + UUID.randomUUID());
            assertThat(nobody.status()).isEqualTo(404);
            assertThat(page.locator("main").textContent()).contains("No such person");

            Response post = page.navigate(baseUrl() + "/a/" + acme.key() + "/okta/sync");
            assertThat(post.status()).isEqualTo(405);
            assertThat(page.title()).isNotEqualTo("Something went wrong · Roster");
            assertThat(page.locator("header.top nav").count()).isEqualTo(1);
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            // signed out: no navigation, and home is the front door
            assertThat(page.navigate(baseUrl() + "/a/no-such-account/sign-in").status()).isEqualTo(404);
            assertThat(page.title()).isEqualTo("Not found · Roster");
            assertThat(page.locator("main").textContent()).contains("No such account");
            assertThat(page.locator("header.top").count()).isZero();
            assertThat(page.locator("main a.home").getAttribute("href")).isEqualTo("/");
        }
    }

    @Test
    void emptyAndEdgeStatesWhenNothingToListOrPageTooFarThenPageSaysSoInPlainWords() {
        Account acme = accountsService.create("e" + UUID.randomUUID().toString().substring(0, 8), "Empty Ltd");
        PersonView owner = accounts.person(acme, "owner@" + acme.key() + ".example", Role.OWNER);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            BrowserSupport.signIn(page, baseUrl(), acme.key(), owner.person().email(), TestAccounts.PASSWORD);
            assertThat(text(page, "p.count")).isEqualTo("1 person");

            page.fill("input[name=q]", "zz-nobody");
            page.click("form.filters button[type=submit]");
            assertThat(text(page, "p.count")).isEqualTo("0 people");
            assertThat(page.locator("table").count()).isZero();
            assertThat(text(page, "p.empty")).isEqualTo("No one matches \u201czz-nobody\u201d. Clear the search to see everyone.");

            page.navigate(baseUrl() + "/a/" + acme.key() + "/api-tokens");
            assertThat(page.locator("table").count()).isZero();
            assertThat(text(page, "p.empty")).startsWith("No API tokens yet.");

            page.navigate(baseUrl() + "/a/" + acme.key() + "/teams");
            assertThat(page.locator("table").count()).isZero();
            assertThat(text(page, "p.empty")).startsWith("No teams yet.");

            for (int i = 0; i < 30; i++) {
                people.create(acme.id(), new PersonInput("p" + i + "@" + acme.key() + ".example", null, "P" + i,
                        "Person", null, null, null, null, null, null, null, "member"));
            }
            page.navigate(baseUrl() + "/a/" + acme.key() + "/people?page=99");
            assertThat(page.url()).endsWith("/a/" + acme.key() + "/people?page=1");
            assertThat(text(page, "nav.pager span")).isEqualTo("Page 2 of 2");
            assertThat(page.locator("tbody tr").count()).isEqualTo(6);
        }
    }

    @Test
    void addPersonWhenLanguageIsNotATagThenRefusedAndOnceAddedStatusAndInvitationAgree() {
        TestAccount acme = accounts.create();
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, acme);
            page.click("a:text-is('Add a person')");
            page.fill("#email", "lea@" + acme.key() + ".example");
            page.fill("#firstName", "Lea");
            page.fill("#primaryLanguage", "not a language !!");
            page.click("form.card button[type=submit]");
            assertThat(page.locator(".problems").textContent()).contains("language tag such as en or en-GB");
            assertThat(page.locator("#primaryLanguage").inputValue()).isEqualTo("not a language !!");
            assertThat(people.findByEmail(acme.id(), "lea@" + acme.key() + ".example")).isEmpty();

            page.fill("#primaryLanguage", "en-GB");
            page.click("form.card button[type=submit]");
            // added by hand and not invited yet: the page says both in words that agree
            assertThat(text(page, "dt:text-is('Status') + dd")).isEqualTo("not signed in yet");
            assertThat(text(page, "dt:text-is('Invitation') + dd")).isEqualTo("not sent");
            assertThat(text(page, "dt:text-is('Primary language') + dd")).isEqualTo("en-GB");
            page.navigate(baseUrl() + "/a/" + acme.key() + "/people?q=lea");
            assertThat(page.locator("tbody tr td .status").allTextContents()).containsExactly("not signed in yet", "not sent");
        }
    }

    @Test
    void timesWhenShownAnywhereThenReadableInTheViewersZoneWithTheExactInstantOnHover() {
        TestAccount acme = accounts.create();
        PersonView kim = accounts.person(acme.account(), "kim@" + acme.key() + ".example", Role.MEMBER);
        Instant synced = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).plusNanos(616_398_000);
        Instant sent = Instant.parse("2026-07-04T16:47:20.616398Z");
        jdbc.sql("UPDATE person SET last_synced_at = ?, invitation = 'sent' WHERE id = ?")
                .params(Instants.toJdbc(synced), kim.id()).update();
        invitations.request(acme.id(), kim.id(), InvitationRepository.RequestedBy.ADMIN, sent);
        invitations.recordSent(kim.id(), sent);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, acme);
            page.navigate(baseUrl() + "/a/" + acme.key() + "/people/" + kim.id());

            // recency matters: relative, the exact instant on hover
            Locator lastSynced = page.locator("dt:text-is('Last synced') + dd time");
            assertThat(lastSynced.textContent()).isEqualTo("5 minutes ago");
            assertThat(lastSynced.getAttribute("datetime")).isEqualTo(synced.toString());
            assertThat(lastSynced.getAttribute("title")).isEqualTo(synced.toString());
            // a date: readable, in the viewer's zone (London is on summer time in July), said once
            assertThat(text(page, "dt:text-is('Invitation') + dd")).isEqualTo("sent on 4 Jul 2026, 17:47 BST");
            assertThat(page.locator("dt:text-is('Invitation') + dd time").getAttribute("title"))
                    .isEqualTo(sent.toString());

            for (String path : List.of("/people/" + kim.id(), "/api-tokens", "/sign-ins")) {
                page.navigate(baseUrl() + "/a/" + acme.key() + path);
                assertThat(page.locator("main").textContent()).as(path).doesNotContainPattern(RAW_INSTANT);
                assertThat(page.locator("main time").count()).as(path).isPositive();
            }
        }
    }

    @Test
    void dangerousButtonsWhenClickedThenAskFirstAndCancelChangesNothing() {
        TestAccount acme = accounts.create();
        PersonView kim = accounts.person(acme.account(), "kim@" + acme.key() + ".example", Role.MEMBER);
        connections.save(acme.id(), OktaFixture.unreachableOrg("0oa1b2c3d4e5f6g7h8i9", false));
        String secret = connections.find(acme.id()).orElseThrow().hookSecret().reveal();
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, acme);
            List<String> asked = new ArrayList<>();
            boolean[] accept = {false};
            page.onDialog(dialog -> {
                asked.add(dialog.message());
                if (accept[0]) {
                    dialog.accept();
                } else {
                    dialog.dismiss();
                }
            });

            page.navigate(baseUrl() + "/a/" + acme.key() + "/people/" + kim.id());
            page.click("button:text-is('Deactivate')");
            page.navigate(baseUrl() + "/a/" + acme.key() + "/api-tokens");
            page.click("button:text-is('Revoke')");
            page.navigate(baseUrl() + "/a/" + acme.key() + "/okta");
            page.click("button:text-is('Generate a new hook secret')");
            assertThat(asked).containsExactly(
                    "Deactivate First Last? They can no longer sign in, and stop appearing as active.",
                    "Revoke the token \u201ctest\u201d? Scripts using it stop working at once.",
                    "Generate a new hook secret? Okta's event hook stops being accepted until you paste the new"
                            + " secret into Okta.");
            // cancelled: nothing changed
            assertThat(people.require(acme.id(), kim.id()).person().status()).isNotEqualTo(PersonStatus.DEACTIVATED);
            assertThat(tokens.list(acme.id())).allMatch(t -> t.active());
            assertThat(connections.find(acme.id()).orElseThrow().hookSecret().reveal()).isEqualTo(secret);

            accept[0] = true;
            page.navigate(baseUrl() + "/a/" + acme.key() + "/people/" + kim.id());
            page.click("button:text-is('Deactivate')");
            page.waitForSelector("button:text-is('Reactivate')");
            assertThat(people.require(acme.id(), kim.id()).person().status()).isEqualTo(PersonStatus.DEACTIVATED);
        }
    }

    @Test
    void faviconWhenAnyPageLoadsThenServedNotMissing() {
        TestAccount acme = accounts.create();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            List<String> missing = new ArrayList<>();
            page.onResponse(r -> {
                if (r.status() == 404) {
                    missing.add(r.url());
                }
            });
            page.navigate(baseUrl() + "/a/" + acme.key() + "/sign-in");
            String icon = page.locator("link[rel=icon]").getAttribute("href");
            assertThat(page.request().get(baseUrl() + icon).status()).isEqualTo(200);
            assertThat(page.request().get(baseUrl() + "/favicon.ico").status()).isEqualTo(200);
            BrowserSupport.signIn(page, baseUrl(), acme.key(), acme.owner().person().email(), TestAccounts.PASSWORD);
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertThat(missing).isEmpty();
        }
    }

    @Test
    void everyAdminPageWhenOnAPhoneThenNoSidewaysScrollAndControlsKeepTheirSize() {
        TestAccount acme = accounts.create();
        connections.save(acme.id(), OktaFixture.unreachableOrg("0oa1b2c3d4e5f6g7h8i9", true));
        PersonView kim = accounts.person(acme.account(), "kimberly.featherstonehaugh@" + acme.key() + ".example",
                Role.MEMBER);
        // every button the person page can show at once: Edit, Resend invitation, Sync this person now, Deactivate
        jdbc.sql("UPDATE person SET invitation = 'sent' WHERE id = ?").params(kim.id()).update();
        teams.create(acme.id(), "Customer Success and Support", kim.id());
        teams.create(acme.id(), "Engineering", null);
        customFields.create(acme.id(), "costCentre", "Cost centre", "text", List.of());
        try (BrowserContext context = browser.newPhoneContext()) {
            Page page = context.newPage();
            BrowserSupport.signIn(page, baseUrl(), acme.key(), acme.owner().person().email(), TestAccounts.PASSWORD);
            byte[] person = null;
            for (String path : List.of("/people", "/people/" + kim.id(), "/people/new", "/people/" + kim.id() + "/edit",
                    "/teams", "/custom-fields", "/api-tokens", "/okta", "/okta/mapping", "/sign-ins")) {
                page.navigate(baseUrl() + "/a/" + acme.key() + path);
                Object widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
                List<?> both = (List<?>) widths;
                assertThat(((Number) both.get(0)).intValue()).as(path + " is as wide as the screen")
                        .isLessThanOrEqualTo(((Number) both.get(1)).intValue());
                // and nothing is cut off at the edge (a table may scroll inside its own box)
                Object cut = page.evaluate("""
                        () => [...document.querySelectorAll('main button, main a.button, main select, main input')]
                            .filter(e => e.offsetParent !== null && !e.closest('.table-wrap'))
                            .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; })
                            .map(e => e.textContent.trim() || e.name)""");
                assertThat((List<?>) cut).as(path + ": controls past the screen's edge").isEmpty();
                if (path.equals("/people/" + kim.id())) {
                    assertThat(page.locator("button:text-is('Deactivate')").isVisible()).isTrue();
                    person = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));
                }
            }
            page.navigate(baseUrl() + "/a/" + acme.key() + "/teams");
            assertThat(page.locator("input[name=managerEmail]").count()).isEqualTo(3); // two teams and a new one
            for (Locator picker : page.locator("input[name=managerEmail]").all()) {
                assertThat(picker.boundingBox().width).as("a manager picker").isGreaterThanOrEqualTo(200);
            }
            byte[] teamsPage = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));
            BrowserSupport.keepScreenshot("phone-person", person);
            BrowserSupport.keepScreenshot("phone-teams", teamsPage);
        }
    }

    @Test
    void formErrorsWhenInputIsWrongThenShownNextToTheFieldInItsLabelsWordsAndUnitsWithTheValueKept() {
        TestAccount acme = accounts.create();
        connections.save(acme.id(), OktaFixture.unreachableOrg("0oa1b2c3d4e5f6g7h8i9", false));
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, acme);
            page.navigate(baseUrl() + "/a/" + acme.key() + "/people/new");
            page.fill("#avatarUrl", "ftp://pictures.example/kim.png");
            page.fill("#jobTitle", "Engineer");
            page.evaluate("() => document.querySelector('#email').form.noValidate = true"); // the server's checks
            page.click("form.card button[type=submit]");

            // each field says what is wrong with it, right below it, and is marked for screen readers
            assertThat(text(page, "#email + .field-error")).isEqualTo("Email is required.");
            assertThat(text(page, "#avatarUrl + .field-error")).isEqualTo("Avatar URL must be an http(s) URL.");
            assertThat(page.locator("#avatarUrl").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.locator("#avatarUrl").getAttribute("aria-describedby")).isEqualTo("error-avatarUrl");
            assertThat(page.locator("#jobTitle").getAttribute("aria-invalid")).isNull();
            // the summary at the top names the fields by their labels, never by internal names
            assertThat(text(page, ".problems")).contains("Email is required.", "Avatar URL must be an http(s) URL.")
                    .doesNotContain("avatarUrl", "email:");
            assertThat(page.locator("#avatarUrl").inputValue()).isEqualTo("ftp://pictures.example/kim.png");
            assertThat(page.locator("#jobTitle").inputValue()).isEqualTo("Engineer");

            page.navigate(baseUrl() + "/a/" + acme.key() + "/okta");
            page.fill("#rateLimitPercent", "0");
            page.evaluate("() => document.querySelector('#rateLimitPercent').form.noValidate = true");
            page.click("form:has(#orgUrl) button[type=submit]");
            assertThat(text(page, "#rateLimitPercent + .field-error"))
                    .isEqualTo("Share of Okta's rate limits Roster may use must be between 1 and 100 %.");
            assertThat(text(page, ".problems")).doesNotContain("rateLimitShare", "0.01");
            assertThat(page.locator("#rateLimitPercent").inputValue()).isEqualTo("0");
        }
    }

    @Test
    void everyPageWhenCheckedByAxeThenNoSeriousOrCriticalAccessibilityViolations() {
        TestAccount acme = accounts.create();
        connections.save(acme.id(), OktaFixture.unreachableOrg("0oa1b2c3d4e5f6g7h8i9", true));
        PersonView kim = accounts.person(acme.account(), "kim@" + acme.key() + ".example", Role.MEMBER);
        teams.create(acme.id(), "Engineering", kim.id());
        customFields.create(acme.id(), "costCentre", "Cost centre", "text", List.of());
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            // the check itself can fail: a page with an unlabelled field and a picture without alt text
            page.setContent("<html><body><main><img src='data:,'><input id='q'></main></body></html>");
            assertThat(BrowserSupport.seriousAccessibilityViolations(page)).anyMatch(v -> v.startsWith("image-alt"))
                    .anyMatch(v -> v.startsWith("label"));
            for (String path : List.of("/", "/a/" + acme.key() + "/sign-in")) {
                page.navigate(baseUrl() + path);
                violations.put(path, BrowserSupport.seriousAccessibilityViolations(page));
            }
            BrowserSupport.signIn(page, baseUrl(), acme.key(), acme.owner().person().email(), TestAccounts.PASSWORD);
            for (String path : List.of("/people", "/people?q=nobody-at-all", "/people/" + kim.id(), "/people/new",
                    "/people/" + kim.id() + "/edit", "/teams", "/custom-fields", "/api-tokens", "/okta",
                    "/okta/mapping", "/sign-ins", "/people/not-an-id")) {
                page.navigate(baseUrl() + "/a/" + acme.key() + path);
                violations.put(path, BrowserSupport.seriousAccessibilityViolations(page));
                // a skip link to the content first, and column headers a screen reader can tie to cells
                assertThat(page.locator("a.skip").first().getAttribute("href")).as(path).isEqualTo("#main");
                assertThat(page.locator("main#main").count()).as(path).isEqualTo(1);
                assertThat(page.locator("th:not([scope])").count()).as(path).isZero();
            }
            // a form with its errors shown
            page.navigate(baseUrl() + "/a/" + acme.key() + "/people/new");
            page.evaluate("() => document.querySelector('#email').form.noValidate = true");
            page.click("form.card button[type=submit]");
            violations.put("/people/new (errors)", BrowserSupport.seriousAccessibilityViolations(page));
        }
        violations.values().removeIf(List::isEmpty);
        assertThat(violations).as("serious or critical axe-core violations by page").isEmpty();
    }

    @Test
    void managerPickerWhenNamesRepeatThenEmailsTellThemApartAndDeactivatedPeopleAreNotOffered() {
        TestAccount acme = accounts.create();
        people.create(acme.id(), new PersonInput("lucia.johnson@" + acme.key() + ".example", null,
                "Lucia", "Johnson", null, null, null, null, null, null, null, "member"));
        PersonView support = people.create(acme.id(), new PersonInput("l.johnson@" + acme.key() + ".example", null,
                "Lucia", "Johnson", null, null, null, null, null, null, null, "member"));
        PersonView gone = people.create(acme.id(), new PersonInput("gone@" + acme.key() + ".example", null,
                "Gone", "Away", null, null, null, null, null, null, null, "member"));
        people.deactivate(acme.id(), gone.id(), "admin");
        for (String name : List.of("Sales", "Support", "Finance", "Legal")) {
            teams.create(acme.id(), name, null);
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, acme);
            page.navigate(baseUrl() + "/a/" + acme.key() + "/teams");
            // one list of people for every picker on the page, not a copy per team
            assertThat(page.locator("option").count()).isEqualTo(3); // the owner and both Lucias, not the deactivated
            assertThat(page.locator("datalist#managers option").evaluateAll(
                    "options => options.map(o => o.value + ' ' + o.label)").toString())
                    .contains("lucia.johnson@" + acme.key() + ".example Lucia Johnson",
                            "l.johnson@" + acme.key() + ".example Lucia Johnson")
                    .doesNotContain("gone@");

            Locator supportRow = page.locator("tr:has(a:text-is('Support'))");
            supportRow.locator("input[name=managerEmail]").fill("l.johnson@" + acme.key() + ".example");
            supportRow.locator("button:text-is('Set manager')").click();
            assertThat(teams.byName(acme.id(), "Support").orElseThrow().managerId()).isEqualTo(support.id());
            assertThat(page.locator("tr:has(a:text-is('Support')) input[name=managerEmail]").inputValue())
                    .isEqualTo("l.johnson@" + acme.key() + ".example");

            Locator legalRow = page.locator("tr:has(a:text-is('Legal'))");
            legalRow.locator("input[name=managerEmail]").fill("gone@" + acme.key() + ".example");
            legalRow.locator("button:text-is('Set manager')").click();
            assertThat(text(page, ".problems")).contains("Manager must be the email of an active person");
            assertThat(teams.byName(acme.id(), "Legal").orElseThrow().managerId()).isNull();
        }
    }

    @Test
    void memberWhenBrowsingThenSeesADirectoryNotAdminDetailsAndAllOfTheirOwnProfile() {
        TestAccount acme = accounts.create();
        customFields.create(acme.id(), "costCentre", "Cost centre", "text", List.of());
        PersonView kim = accounts.person(acme.account(), "kim@" + acme.key() + ".example", Role.MEMBER);
        PersonView lee = accounts.person(acme.account(), "lee@" + acme.key() + ".example", Role.MEMBER);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            BrowserSupport.signIn(page, baseUrl(), acme.key(), kim.person().email(), TestAccounts.PASSWORD);
            assertThat(page.locator("thead th").allTextContents()).containsExactly("Name", "Email", "Job title", "Team",
                    "Manager");

            page.navigate(baseUrl() + "/a/" + acme.key() + "/people/" + lee.id());
            assertThat(page.locator("dl.details dt").allTextContents()).containsExactly("Email", "Job title",
                    "Primary team", "Manager", "Primary language", "Primary location");

            page.click("header.top a:text-is('My profile')");
            assertThat(page.url()).isEqualTo(baseUrl() + "/a/" + acme.key() + "/people/" + kim.id());
            assertThat(page.locator("h1").textContent()).contains("My profile");
            assertThat(page.locator("dl.details dt").allTextContents()).contains("Status", "Invitation", "Role",
                    "Cost centre", "Source", "Last synced");
        }
    }

    @Test
    void editFormWhenPersonIsProvisionedFromOktaThenOktaOwnedFieldsAreReadOnlyAndTheManagerOverrideIsNot() {
        TestAccount acme = accounts.create();
        connections.save(acme.id(), OktaFixture.unreachableOrg("0oa1b2c3d4e5f6g7h8i9", true));
        Team sales = teams.create(acme.id(), "Sales", null);
        Instant now = Instant.now();
        String oktaId = "00u" + UUID.randomUUID().toString().replace("-", "").substring(0, 17);
        Person provisioned = new Person(UUID.randomUUID(), acme.id(), "ola@" + acme.key() + ".example", null, "Ola",
                "Nordmann", null, "Account Executive", "nb-NO", "Oslo", sales.id(), null, Map.of(),
                PersonStatus.ACTIVE, Role.MEMBER, Source.OKTA, oktaId, Invitation.NONE, now, null, now, null, null,
                now, now);
        directory.insert(List.of(provisioned));
        PersonView byHand = accounts.person(acme.account(), "kim@" + acme.key() + ".example", Role.MEMBER);
        try (BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, acme);
            page.navigate(baseUrl() + "/a/" + acme.key() + "/people/" + provisioned.id() + "/edit");
            assertThat(page.locator("#okta-owned a").getAttribute("href"))
                    .isEqualTo("http://127.0.0.1:9/admin/users/" + oktaId);
            for (String field : List.of("#email", "#firstName", "#lastName", "#jobTitle", "#primaryLanguage",
                    "#primaryLocation")) {
                assertThat(page.locator(field).getAttribute("readonly")).as(field).isNotNull();
                assertThat(page.locator(field + " ~ .okta-owned").first().textContent()).isEqualTo("Managed by Okta");
            }
            assertThat(page.locator("#primaryTeam").isDisabled()).isTrue();
            assertThat(page.locator("#managerId").isDisabled()).isFalse();

            page.selectOption("#managerId", byHand.id().toString());
            page.click("form.card button[type=submit]");
            Person saved = people.require(acme.id(), provisioned.id()).person();
            assertThat(saved.managerId()).isEqualTo(byHand.id());
            assertThat(saved.primaryTeamId()).isEqualTo(sales.id()); // kept, though its picker was read-only
            assertThat(saved.jobTitle()).isEqualTo("Account Executive");

            page.navigate(baseUrl() + "/a/" + acme.key() + "/people/" + byHand.id() + "/edit");
            assertThat(page.locator("#okta-owned").count()).isZero();
            assertThat(page.locator("#jobTitle").getAttribute("readonly")).isNull();
        }
    }

    private static String text(Page page, String selector) {
        return page.locator(selector).textContent().strip().replaceAll("\\s+", " ");
    }
}
