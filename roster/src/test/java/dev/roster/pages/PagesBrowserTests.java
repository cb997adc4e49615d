package dev.roster.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import dev.roster.support.BrowserSupport;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * What a first-time admin sees on the pages themselves, in a real browser: error pages, empty
 * states, forms and their errors, and the layout at a phone's width (issue #16).
 */
@DisabledIfSystemProperty(named = "roster.test.database", matches = "postgres",
        disabledReason = "the pages are under test here; the PostgreSQL tier runs the same flows over MockMvc")
class PagesBrowserTests extends LiveServerTest {

    static BrowserSupport browser;

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
}
