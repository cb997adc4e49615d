package dev.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, for the browser tests. Without {@code /usr/bin/chromium}
 * the calling test class is skipped loudly, or fails when {@code ROSTER_REQUIRE_BROWSER=1}.
 * Pages get a fixed 1280×800 viewport, time zone and language, so the README screenshots they
 * take keep one look.
 */
public final class BrowserSupport implements AutoCloseable {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    /** The browser's time zone, for pages that show times in the viewer's own. */
    public static final ZoneId TIME_ZONE = ZoneId.of("Europe/London");

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSupport(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts a headless Chromium, or aborts (or fails) the calling test class when there is none. */
    public static BrowserSupport launch(String tests) {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = tests + " SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install chromium)";
            if ("1".equals(System.getenv("ROSTER_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("ROSTER_REQUIRE_BROWSER=1 but " + message);
            }
            System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
            Assumptions.abort(message);
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(CHROMIUM).setArgs(List.of("--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
        return new BrowserSupport(playwright, browser);
    }

    /** A fresh browser profile (no cookies) with the fixed viewport, in London's time zone and English. */
    public BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setTimezoneId(TIME_ZONE.getId()).setLocale("en-GB"));
    }

    /** The same at a phone's size (390×844, an iPhone 14's viewport), for the layout at narrow widths. */
    public BrowserContext newPhoneContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setTimezoneId(TIME_ZONE.getId()).setLocale("en-GB").setIsMobile(true).setHasTouch(true));
    }

    /** Signs in with a password on the account's sign-in page; waits for the Individuals page. */
    public static void signIn(Page page, String baseUrl, String accountKey, String email, String password) {
        page.navigate(baseUrl + "/a/" + accountKey + "/sign-in");
        page.fill("#email", email);
        page.fill("#password", password);
        page.click("form[action='/sign-in'] button[type=submit]");
        page.waitForURL(baseUrl + "/a/" + accountKey + "/people");
    }

    /**
     * Waits (up to 30 s) until a sync run's page shows the run finished, fully loaded: its script
     * reloads the page when the run ends, and a long page is still being parsed when the run's
     * details at its top already say so.
     */
    public static void awaitFinishedRun(Page page) {
        page.waitForSelector("#run[data-finished=true]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        page.waitForLoadState();
    }

    /**
     * The page's serious and critical accessibility violations by Deque's axe-core (WCAG 2.x A and
     * AA rules), each as "rule: help (n elements: selectors)"; empty when there are none.
     */
    public static List<String> seriousAccessibilityViolations(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                "best-practice")).analyze();
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + ": " + rule.getHelp() + " (" + rule.getNodes().size() + " elements: "
                        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList() + ")")
                .toList();
    }

    /**
     * Keeps a screenshot: always under {@code roster/target/screenshots/}, and, with
     * {@code ROSTER_SCREENSHOTS=update}, as the README's picture in {@code docs/screenshots/} (so an
     * ordinary test run leaves the work tree clean). Tests take the picture when the page shows what
     * they check, and call this last, once every assertion has passed, so a failing run never
     * replaces a good picture.
     */
    public static void keepScreenshot(String name, byte[] png) {
        write(repositoryRoot().resolve("roster/target/screenshots"), name, png);
        if ("update".equals(System.getenv("ROSTER_SCREENSHOTS"))) {
            write(repositoryRoot().resolve("docs/screenshots"), name, png);
        }
    }

    private static void write(Path dir, String name, byte[] png) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout's root: surefire runs in {@code roster/}, an IDE may run at the root. */
    private static Path repositoryRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("roster"))
                    && Files.isDirectory(dir.resolve("okta-simulator"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside the Roster repository: " + Paths.get("").toAbsolutePath());
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
