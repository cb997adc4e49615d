package dev.roster.provisioning.web;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.accounts.Role;
import dev.roster.common.PageRequest;
import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.provisioning.SyncRuns;
import dev.roster.support.BrowserSupport;
import dev.roster.support.LiveServerTest;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts;

/**
 * The admin's Okta pages in a real browser against a simulated org: setting up the connection and
 * testing it, the mapping preview, Sync users with its live progress, and approving a held run.
 * Also takes the README's screenshots of these pages.
 */
@DisabledIfSystemProperty(named = "roster.test.database", matches = "postgres",
        disabledReason = "the pages are under test here; the PostgreSQL tier runs the same flows over MockMvc")
class OktaConsoleBrowserTests extends LiveServerTest {

    private static final String ADMIN = "it@acme.example";

    static BrowserSupport browser;

    @Autowired
    Accounts accountsService;

    @Autowired
    OktaConnections connections;

    @Autowired
    CustomFields customFields;

    @Autowired
    People people;

    @Autowired
    SyncRuns runs;

    @BeforeAll
    static void start() {
        browser = BrowserSupport.launch("Okta console browser tests");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static OktaSimulator simulator(int users) {
        return OktaSimulator.start(SimulatorOptions.builder().port(0).users(users).seed(11).rateLimits(false).build());
    }

    /** A new account named like a customer's, with an owner who signs in with a password. */
    private Account acme() {
        Account account = accountsService.create("acme-" + UUID.randomUUID().toString().substring(0, 8), "Acme Ltd");
        accounts.person(account, ADMIN, Role.OWNER);
        return account;
    }

    private Page signedIn(BrowserContext context, Account account) {
        Page page = context.newPage();
        BrowserSupport.signIn(page, baseUrl(), account.key(), ADMIN, TestAccounts.PASSWORD);
        return page;
    }

    private static String text(Page page, String selector) {
        return page.locator(selector).textContent().strip();
    }

    private List<PersonView> fromOkta(Account account) {
        return people.search(account.id(), new PeopleQuery(null, null, null, null, null), PageRequest.of(0, 500))
                .items().stream().filter(v -> v.person().oktaId() != null).toList();
    }

    @Test
    void testConnectionWhenPastedFromSimulatorThenEveryCheckPassesAndWrongTokenShowsItsFix() {
        Account acme = acme();
        try (OktaSimulator sim = simulator(12); BrowserContext context = browser.newContext()) {
            Page page = signedIn(context, acme);
            page.click("header.top nav a:text-is('Okta')");
            page.fill("#orgUrl", sim.orgUrl());
            page.fill("#clientId", sim.clientId());
            page.fill("#clientSecret", sim.clientSecret());
            page.fill("#apiToken", sim.apiToken());
            page.click("form:has(#orgUrl) button[type=submit]");

            // the values to paste into Okta, and the hook secret shown this once
            String hookUrl = text(page, "dt:text-is('Event hook URL') + dd code");
            String secret = text(page, "code.secret");
            assertThat(hookUrl).isEqualTo(baseUrl() + "/hooks/okta/" + acme.key());
            assertThat(connections.find(acme.id()).orElseThrow().hookSecret().reveal()).isEqualTo(secret);
            sim.hooks().registerVerified(hookUrl, OktaFixture.EVENT_TYPES, "Authorization", secret);
            sim.org().updateProfile(sim.org().users().get(0).id(), Map.of("title", "Head of Testing"));
            sim.hooks().awaitIdle(Duration.ofSeconds(5));

            page.click("button:text-is('Test connection')");
            Locator checks = page.locator("ul.checks li");
            assertThat(checks.allTextContents()).hasSize(6);
            assertThat(page.locator("ul.checks li.bad").count()).isZero();
            assertThat(String.join("\n", checks.allTextContents())).contains("✓ Org URL and discovery",
                    "✓ Clock", "✓ Client id and secret", "✓ API credentials: read users",
                    "12 people assigned to app " + sim.appId(), "✓ Event hook").doesNotContain("Fix:");
            // the next daily run, in the viewer's own time zone (the UTC instant stays in the title)
            Locator nextRun = page.locator("#next-run time.local-time");
            Instant next = Instant.parse(nextRun.getAttribute("datetime"));
            assertThat(nextRun.getAttribute("title")).isEqualTo(next.toString());
            assertThat(nextRun.textContent()).isEqualTo(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.UK)
                    .format(next.atZone(BrowserSupport.TIME_ZONE)));
            byte[] passing = page.screenshot();

            page.fill("#apiToken", "00wrong-token-pasted-from-another-org");
            page.click("form:has(#orgUrl) button[type=submit]");
            assertThat(connections.find(acme.id()).orElseThrow().apiToken().reveal())
                    .isEqualTo("00wrong-token-pasted-from-another-org");
            page.click("button:text-is('Test connection')");
            Locator bad = page.locator("ul.checks li.bad");
            assertThat(bad.count()).isEqualTo(1);
            assertThat(bad.textContent()).contains("✗ API credentials: read users")
                    .contains("Fix: The API token is wrong or expired");
            // the checks that do not use the API token still pass
            assertThat(String.join("\n", page.locator("ul.checks li.ok").allTextContents()))
                    .contains("Org URL and discovery", "Client id and secret", "Event hook");

            BrowserSupport.keepScreenshot("okta-test-connection", passing);
        }
    }

    @Test
    void testConnectionWhenClickedThenResultsShowOnTheOktaPageAndBackAndReloadWork() {
        Account acme = acme();
        try (OktaSimulator sim = simulator(3); BrowserContext context = browser.newContext()) {
            OktaFixture.connect(connections, acme.id(), sim);
            Page page = signedIn(context, acme);
            String oktaPage = baseUrl() + "/a/" + acme.key() + "/okta";
            page.navigate(oktaPage);
            page.click("button:text-is('Test connection')");

            // post/redirect/get: the browser is left on the Okta page itself, the results shown once
            assertThat(page.url()).isEqualTo(oktaPage);
            assertThat(page.locator("ul.checks li").count()).isEqualTo(6);
            assertThat(text(page, "p:has(+ ul.checks)")).isEqualTo("Tested just now:");
            assertThat(page.locator("main").textContent()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
            page.click("header.top nav a:text-is('Teams')");
            assertThat(page.goBack().status()).isEqualTo(200);
            assertThat(page.url()).isEqualTo(oktaPage);
            assertThat(page.locator("h1").textContent()).isEqualTo("Okta");
            assertThat(page.reload().status()).isEqualTo(200);
        }
    }

    @Test
    void mappingPreviewWhenRealOktaUserFoundByEmailThenShowsThePersonRosterWouldWrite() {
        Account acme = acme();
        customFields.create(acme.id(), "hireDate", "Hire date", "date", List.of());
        try (OktaSimulator sim = simulator(12); BrowserContext context = browser.newContext()) {
            OktaFixture.connect(connections, acme.id(), sim);
            OktaUser user = sim.org().users().get(3);
            Map<String, Object> profile = user.profile();
            Page page = signedIn(context, acme);
            page.navigate(baseUrl() + "/a/" + acme.key() + "/okta");
            page.click("a:text-is('Field mapping and preview')");

            // a row's checkbox sits beside its name, not stretched across the form
            assertThat(page.locator("input[name='standard.team']").boundingBox().width).isLessThan(40);
            // map the custom field to an attribute the org's users actually have, then preview
            page.selectOption("#custom-hireDate", "hireDate");
            page.click("button:text-is('Save mapping')");
            assertThat(text(page, "p.notice")).startsWith("Saved.");
            page.fill("#previewEmail", user.email());
            page.click("button:text-is('Preview')");

            // fields named as a person reads them, not by internal keys
            assertThat(page.locator("label:has(input[name='standard.first-name'])").textContent()).contains("First name")
                    .doesNotContain("first-name");
            assertThat(preview(page, "First name")).isEqualTo(profile.get("firstName"));
            assertThat(preview(page, "Last name")).isEqualTo(profile.get("lastName"));
            assertThat(preview(page, "Email")).isEqualTo(user.email());
            assertThat(preview(page, "Job title")).isEqualTo(profile.get("title"));
            assertThat(preview(page, "Primary location")).isEqualTo(profile.get("city"));
            assertThat(preview(page, "Primary team")).isEqualTo(profile.get("department"));
            assertThat(preview(page, "Hire date")).isEqualTo(profile.get("hireDate"));
            // the manager by name (Okta's reference stays on hover), not a raw Okta id
            assertThat(preview(page, "Manager")).startsWith((String) profile.get("manager"))
                    .doesNotContain((String) profile.get("managerId"));
            assertThat(page.locator("dl.details dt:text-is('Manager') + dd").getAttribute("title"))
                    .contains((String) profile.get("managerId"));
            // a preview writes nothing
            assertThat(fromOkta(acme)).isEmpty();

            BrowserSupport.keepScreenshot("mapping-preview", page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)));
        }
    }

    private static String preview(Page page, String field) {
        return text(page, "dl.details dt:text-is('" + field + "') + dd");
    }

    @Test
    void syncUsersWhenRunTakesSecondsThenProgressUpdatesInPlaceAndHistoryShowsTheCounts() {
        int users = 1_100; // three pages of 500
        Account acme = acme();
        try (OktaSimulator sim = simulator(users); BrowserContext context = browser.newContext()) {
            OktaFixture.connect(connections, acme.id(), sim);
            Page page = signedIn(context, acme);
            page.navigate(baseUrl() + "/a/" + acme.key() + "/okta");
            sim.faults().latency(Duration.ofMillis(1_500)); // each page of app users takes a while
            page.click("button:text-is('Sync users')");
            page.waitForURL(baseUrl() + "/a/" + acme.key() + "/okta/runs/*");
            String runPath = page.url().substring(baseUrl().length());

            // a marker that a reload would wipe: the counts must grow past what the server rendered
            // while it is still there
            page.evaluate("window.sameDocument = true;"
                    + " window.renderedListed = Number(document.querySelector('[data-field=listed]').textContent)");
            // what the page showed at that moment, read at once
            Map<?, ?> shown = (Map<?, ?>) page.waitForFunction("""
                    () => {
                      const field = name => document.querySelector('[data-field=' + name + ']').textContent;
                      return window.sameDocument === true && field('status') === 'running'
                          && Number(field('listed')) > window.renderedListed
                          && { listed: Number(field('listed')), pages: Number(field('pages')),
                               live: document.querySelector('[data-live]') !== null, started: document.querySelector('[data-field=startedAt]').getAttribute('datetime'),
                               changes: document.querySelector('tbody').textContent };
                    }""", null, new Page.WaitForFunctionOptions().setTimeout(20_000)).jsonValue();
            sim.faults().latency(Duration.ofMillis(2_500)); // the rest of the run slows down: time for a picture
            int pagesWhileRunning = ((Number) shown.get("pages")).intValue();
            assertThat(pagesWhileRunning).isBetween(1, 3);
            assertThat(((Number) shown.get("listed")).intValue()).isEqualTo(Math.min(pagesWhileRunning * 500, users));
            assertThat(shown.get("live")).isEqualTo(true);
            assertThat(Instant.parse((String) shown.get("started"))).isEqualTo(runs.find(acme.id(),
                    UUID.fromString(runPath.substring(runPath.lastIndexOf('/') + 1))).orElseThrow().startedAt());
            assertThat((String) shown.get("changes")).contains("The changes show here once the run has finished.");
            byte[] running = page.screenshot();
            // a README picture of a running run only if the run had not finished meanwhile
            boolean pictureShowsRunning = Boolean.TRUE.equals(page.evaluate("() => window.sameDocument === true"));

            // once finished the page reloads itself to show the changes
            BrowserSupport.awaitFinishedRun(page);
            assertThat(page.evaluate("() => window.sameDocument")).isNull(); // reloaded
            assertThat(text(page, "[data-field=status]")).isEqualTo("succeeded");
            assertThat(text(page, "[data-field=listed]")).isEqualTo(String.valueOf(users));
            assertThat(text(page, "[data-field=created]")).isEqualTo(String.valueOf(users));
            assertThat(page.locator("tbody tr td:nth-child(2)").allTextContents()).hasSize(users).containsOnly("created");

            page.click("a:text-is('Back to Okta')");
            Locator latest = page.locator("section:has(h2:text-is('Sync users')) tbody tr").first();
            assertThat(latest.locator("td a").getAttribute("href")).isEqualTo(runPath);
            assertThat(latest.locator("td").allTextContents().stream().skip(1).map(String::strip).toList())
                    .containsExactly("manual", "succeeded", String.valueOf(users), "0", "0", "0");
            assertThat(people.search(acme.id(), new PeopleQuery(null, null, null, null, null), PageRequest.of(0, 1))
                    .total()).isEqualTo(users + 1); // and the admin

            if (pictureShowsRunning) {
                BrowserSupport.keepScreenshot("sync-run-progress", running);
            }
        }
    }

    @Test
    void heldRunWhenAdminApprovesThenTheListedPeopleAreDeactivated() {
        int users = 12;
        Account acme = acme();
        try (OktaSimulator sim = simulator(users); BrowserContext context = browser.newContext()) {
            OktaFixture.connect(connections, acme.id(), sim);
            UUID first = runs.start(acme.id(), "api").id();
            eventually(() -> runs.find(acme.id(), first).orElseThrow().finished());
            assertThat(fromOkta(acme)).hasSize(users);
            // five of twelve leave the app: more than the 20 % a run may deactivate on its own
            List<OktaUser> leaving = sim.org().users().subList(0, 5);
            leaving.forEach(u -> sim.org().unassign(u.id()));
            Set<String> leavingIds = leaving.stream().map(OktaUser::id).collect(Collectors.toSet());
            Set<String> leavingNames = fromOkta(acme).stream().filter(v -> leavingIds.contains(v.person().oktaId()))
                    .map(v -> v.person().displayName()).collect(Collectors.toSet());
            assertThat(leavingNames).hasSize(5);

            Page page = signedIn(context, acme);
            page.navigate(baseUrl() + "/a/" + acme.key() + "/okta");
            page.click("button:text-is('Sync users')");
            BrowserSupport.awaitFinishedRun(page);
            assertThat(text(page, "[data-field=status]")).isEqualTo("held");
            assertThat(text(page, "section.card h2")).isEqualTo("5 people would be deactivated");
            assertThat(page.locator("section.card li a").allTextContents().stream().map(String::strip))
                    .containsExactlyInAnyOrderElementsOf(leavingNames);
            assertThat(fromOkta(acme)).noneMatch(v -> v.person().status() == PersonStatus.DEACTIVATED);
            byte[] held = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));

            page.click("button:text-is('Approve: deactivate them')");
            page.waitForSelector("[data-field=status]:text-is('succeeded')");
            page.waitForLoadState();
            assertThat(text(page, "[data-field=deactivated]")).isEqualTo("5");
            assertThat(page.locator("section.card li").count()).isZero();
            assertThat(fromOkta(acme)).allSatisfy(v -> assertThat(v.person().status() == PersonStatus.DEACTIVATED)
                    .isEqualTo(leavingIds.contains(v.person().oktaId())));

            BrowserSupport.keepScreenshot("held-run", held);
        }
    }
}
