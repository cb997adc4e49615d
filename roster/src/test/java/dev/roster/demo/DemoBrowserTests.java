package dev.roster.demo;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.support.BrowserSupport;
import dev.roster.support.LiveServerTest;

/**
 * The demo as a newcomer meets it, in a real browser: an employee signs in through "Okta", the
 * admin signs in with the printed password, a change made on the simulated org's admin page
 * arrives through the event hook, and Sync users runs. Same properties as {@link DemoModeTests},
 * so both share one application.
 */
@TestPropertySource(properties = {"roster.demo.enabled=true", "roster.demo.okta-users=15"})
@DisabledIfSystemProperty(named = "roster.test.database", matches = "postgres",
        disabledReason = "the pages are under test here; DemoModeTests covers demo mode on PostgreSQL")
class DemoBrowserTests extends LiveServerTest {

    private static final String NEW_DEPARTMENT = "Customer Success";

    static BrowserSupport browser;

    @Autowired
    Accounts accountsService;

    @Autowired
    People people;

    @Autowired
    DemoOkta okta;

    @BeforeAll
    static void start() {
        browser = BrowserSupport.launch("Demo browser test");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private PersonView byOktaId(Account demo, String oktaId) {
        return people.search(demo.id(), new PeopleQuery(null, null, null, null, oktaId), PageRequest.of(0, 1))
                .items().get(0);
    }

    @Test
    void demoWhenUsedLikeANewcomerThenOktaSignInHookChangesAndSyncAllWork() {
        Account demo = accountsService.byKey("demo").orElseThrow();
        OktaSimulator sim = okta.simulator();
        // the first sync runs in the background at start-up
        eventually(() -> people.search(demo.id(), new PeopleQuery(null, null, null, null, null),
                PageRequest.of(0, 1)).total() == 16);
        OktaUser employee = sim.org().users().stream().filter(u -> "ACTIVE".equals(u.status())).skip(1)
                .findFirst().orElseThrow();
        OktaUser mover = sim.org().users().get(4);

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            // from the front door, as the banner's link leads there
            page.navigate(baseUrl() + "/");
            page.fill("#account", "demo");
            page.click("button:text-is('Continue')");
            page.waitForURL(baseUrl() + "/a/demo/sign-in");
            assertThat(page.locator("h1").textContent()).isEqualTo("Sign in to Demo Co");
            byte[] signInPage = page.screenshot();

            // an employee, through the simulated Okta's own sign-in form
            page.click("#sso");
            page.waitForURL(Pattern.compile(Pattern.quote(sim.orgUrl()) + "/oauth2/v1/authorize.*"));
            page.fill("input[name=username]", employee.login());
            page.fill("input[name=password]", "okta-demo");
            page.click("button[type=submit]");
            page.waitForURL(baseUrl() + "/a/demo/people");
            assertThat(page.locator("header.top .brand").textContent()).isEqualTo("Demo Co");
            assertThat(page.locator("header.top nav a:text-is('Okta')").count()).isZero(); // a member
            assertThat(byOktaId(demo, employee.id()).person().status()).isEqualTo(PersonStatus.ACTIVE); // signed in once
            page.click("header.top form.sign-out button");
            page.waitForURL(baseUrl() + "/a/demo/sign-in?signedOut");

            // the admin, with the password the banner prints
            page.fill("#email", "owner@demo.example");
            page.fill("#password", "roster-demo");
            page.click("form[action='/sign-in'] button[type=submit]");
            page.waitForURL(baseUrl() + "/a/demo/people");
            assertThat(page.locator("p.count").textContent()).isEqualTo("16 people");
            assertThat(page.locator("tbody").textContent()).contains(byOktaId(demo, mover.id()).person().displayName());
            byte[] individuals = page.screenshot();

            // a change on the simulated org's admin page reaches Roster through the event hook
            page.navigate(sim.adminUrl());
            page.fill("input[name=q]", mover.login());
            page.click("button:text-is('Search')");
            page.click("a[href='/admin/users/" + mover.id() + "']");
            page.fill("input[name=department]", NEW_DEPARTMENT);
            page.click("button:text-is('Save profile')");
            page.waitForSelector("input[name=department][value='" + NEW_DEPARTMENT + "']");
            eventually(() -> NEW_DEPARTMENT.equals(byOktaId(demo, mover.id()).primaryTeam()));
            page.navigate(baseUrl() + "/a/demo/people?q=" + mover.login());
            assertThat(page.locator("tbody tr").count()).isEqualTo(1);
            assertThat(page.locator("tbody tr td").nth(3).textContent()).isEqualTo(NEW_DEPARTMENT);
            page.navigate(baseUrl() + "/a/demo/okta");
            assertThat(page.locator("section:has(h2:text-is('Recent hook deliveries')) tbody").textContent())
                    .contains("user.account.update_profile");

            // and a full sync finds everyone already up to date
            page.click("button:text-is('Sync users')");
            BrowserSupport.awaitFinishedRun(page);
            assertThat(page.locator("[data-field=status]").textContent()).isEqualTo("succeeded");
            assertThat(page.locator("[data-field=listed]").textContent()).isEqualTo("15");
            assertThat(page.locator("[data-field=created]").textContent()).isEqualTo("0");
            assertThat(page.locator("[data-field=updated]").textContent()).isEqualTo("0");
            assertThat(page.locator("[data-field=unchanged]").textContent()).isEqualTo("15");
            assertThat(page.locator("[data-field=failed]").textContent()).isEqualTo("0");
            page.click("a:text-is('Back to Okta')");
            assertThat(page.locator("section:has(h2:text-is('Sync users')) tbody tr").count()).isGreaterThanOrEqualTo(2);
            assertThat(page.locator("section:has(h2:text-is('Sync users')) tbody tr").first().textContent())
                    .contains("manual", "succeeded");
            page.locator("section:has(h2:text-is('Sync users'))").evaluate("section => section.scrollIntoView()");
            byte[] oktaPage = page.screenshot();

            BrowserSupport.keepScreenshot("demo-sign-in", signInPage);
            BrowserSupport.keepScreenshot("demo-individuals", individuals);
            BrowserSupport.keepScreenshot("demo-okta", oktaPage);
        }
    }

    @Test
    void tourWhenSignedInAsAnEmployeeThenSignInAsTheAdminSwitchesAndHomeSaysWhoIsSignedIn() {
        Account demo = accountsService.byKey("demo").orElseThrow();
        OktaSimulator sim = okta.simulator();
        eventually(() -> people.search(demo.id(), new PeopleQuery(null, null, null, null, null),
                PageRequest.of(0, 1)).total() == 16);
        OktaUser employee = sim.org().users().stream().filter(u -> "ACTIVE".equals(u.status())).skip(2)
                .findFirst().orElseThrow();
        String employeeName = byOktaId(demo, employee.id()).person().displayName();

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(baseUrl() + "/a/demo/sign-in");
            page.click("#sso");
            page.waitForURL(Pattern.compile(Pattern.quote(sim.orgUrl()) + "/oauth2/v1/authorize.*"));
            page.fill("input[name=username]", employee.login());
            page.fill("input[name=password]", "okta-demo");
            page.click("button[type=submit]");
            page.waitForURL(baseUrl() + "/a/demo/people");
            assertThat(page.locator("header.top .me").textContent()).contains(employeeName);

            page.navigate(baseUrl() + "/");
            assertThat(page.locator("#signed-in").textContent()).contains(employeeName, "Demo Co", "member");
            page.click("#tour-admin a:text-is('Sign in as the admin')");
            // not a 403: the sign-in page, saying who is signed in now
            page.waitForURL(baseUrl() + "/a/demo/sign-in?switch");
            assertThat(page.locator("#signed-in").textContent()).contains(employeeName);
            page.fill("#email", "owner@demo.example");
            page.fill("#password", "roster-demo");
            page.click("form[action='/sign-in'] button[type=submit]");
            page.waitForURL(baseUrl() + "/#tour-move");
            assertThat(page.locator("#signed-in").textContent()).contains("owner@demo.example", "owner")
                    .doesNotContain(employeeName);
        }
    }

    @Test
    void oktaPageWhenDemoStartedThenItsOwnRunSaysStartupAndTimesAndAvatarsShow() {
        Account demo = accountsService.byKey("demo").orElseThrow();
        OktaSimulator sim = okta.simulator();
        eventually(() -> people.search(demo.id(), new PeopleQuery(null, null, null, null, null),
                PageRequest.of(0, 1)).total() == 16);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            BrowserSupport.signIn(page, baseUrl(), "demo", "owner@demo.example", "roster-demo");
            // the run the demo starts by itself says so, and a run's start reads the same in the list and on its page
            page.navigate(baseUrl() + "/a/demo/okta");
            Locator startup = page.locator("section:has(h2:text-is('Sync users')) tbody tr").last();
            assertThat(startup.locator("td").nth(1).textContent().strip()).isEqualTo("startup");
            String listed = startup.locator("time").getAttribute("datetime");
            startup.locator("a").click();
            assertThat(page.locator("[data-field=startedAt]").getAttribute("datetime")).isEqualTo(listed);
            assertThat(page.locator("dt:text-is('Trigger') + dd").textContent().strip()).isEqualTo("startup");
            page.goBack();
            // the daily time stated is the time of the next run
            Instant next = Instant.parse(page.locator("#next-run time").getAttribute("datetime"));
            assertThat(page.locator("#daily-time").textContent())
                    .isEqualTo(DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(next) + " UTC");

            // the simulated org's avatars (http on the loopback) are allowed by the demo's CSP
            PersonView pictured = byOktaId(demo, sim.org().users().get(0).id());
            assertThat(pictured.person().avatarUrl()).startsWith(sim.orgUrl());
            page.navigate(baseUrl() + "/a/demo/people/" + pictured.id());
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            assertThat(page.locator("img.avatar").evaluate("img => img.complete && img.naturalWidth > 0"))
                    .isEqualTo(true);
        }
    }
}
