package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import dev.roster.support.BrowserSupport;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * The SCIM page as an admin uses it, in a real browser at desk and phone widths: switch SCIM on,
 * generate a token, see it work (and its "last used"), revoke it after confirming.
 */
@DisabledIfSystemProperty(named = "roster.test.database", matches = "postgres",
        disabledReason = "the page is under test here; the PostgreSQL tier runs the SCIM flows over HTTP and MockMvc")
class ScimBrowserTests extends LiveServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static BrowserSupport browser;

    @BeforeAll
    static void start() {
        browser = BrowserSupport.launch("SCIM browser tests");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private int createUser(String baseUrl, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/Users")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"userName\":\"pasted@acme.example\",\"name\":{\"givenName\":\"Pasted\"}}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void scimPageWhenAdminSwitchesOnAndGeneratesATokenThenTheTokenWorksUntilRevoked() throws Exception {
        TestAccount acme = accounts.create();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.onDialog(dialog -> dialog.accept());
            BrowserSupport.signIn(page, baseUrl(), acme.key(), acme.owner().person().email(), TestAccounts.PASSWORD);
            page.click("nav >> text=SCIM");
            assertThat(page.textContent("#scim-status")).isEqualTo("off");

            page.check("input[name=enabled]");
            page.click("button:text-is('Save')");
            assertThat(page.textContent("#scim-status")).isEqualTo("on");
            assertThat(page.url()).as("post/redirect/get").endsWith("/a/" + acme.key() + "/scim");

            page.fill("#token-name", "Okta");
            page.click("button:text-is('Generate token')");
            String token = page.textContent("#issued-token").strip();
            String scimBase = page.textContent("#scim-base-url").strip();
            assertThat(token).startsWith("scim_");
            assertThat(scimBase).isEqualTo(baseUrl() + "/scim/v2/" + acme.key());
            byte[] shot = page.screenshot();

            assertThat(createUser(scimBase, token)).isEqualTo(201);
            page.reload();
            assertThat(page.locator("#issued-token").count()).as("the token is shown once").isZero();
            assertThat(page.locator("tbody tr").first().textContent()).contains("Okta").doesNotContain("Never");

            page.setViewportSize(390, 844);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no horizontal scroll at 390 px").isTrue();

            page.click("button:text-is('Revoke')");
            page.waitForSelector("span:text-is('Revoked')");
            assertThat(createUser(scimBase, token)).as("a revoked token is refused").isEqualTo(401);
            BrowserSupport.keepScreenshot("scim-settings", shot);
        }
    }
}
