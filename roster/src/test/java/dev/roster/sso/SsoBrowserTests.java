package dev.roster.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;

import dev.roster.accounts.Role;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.People;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.invitations.internal.AcceptTokens;
import dev.roster.invitations.internal.InvitationRepository;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.SimulatorOptions;
import dev.roster.support.BrowserSupport;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * A real browser signs in through the simulator's sign-in form (no auto-login), lands as the matched
 * person, and signs out of Roster and Okta. Skips loudly without Chromium, unless
 * {@code ROSTER_REQUIRE_BROWSER=1}.
 */
class SsoBrowserTests extends LiveServerTest {

    private static final String PASSWORD = "Browser-Pass-1";

    static OktaSimulator sim;
    static BrowserSupport browser;

    @Autowired
    OktaConnections connections;

    @Autowired
    People people;

    @Autowired
    DirectorySync directory;

    @Autowired
    InvitationRepository invitations;

    @BeforeAll
    static void start() {
        browser = BrowserSupport.launch("SSO browser test");
        sim = OktaSimulator.start(SimulatorOptions.builder().port(0).users(5).seed(3).rateLimits(false)
                .autoLogin(false).password(PASSWORD).build());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void signInWhenPersonUsesOktaSignInFormThenLandsAsThemAndSignOutEndsBothSessions() {
        TestAccount acme = accounts.create();
        connections.save(acme.id(), OktaSettings.builder(sim.orgUrl(), sim.clientId())
                .clientSecret(sim.clientSecret())
                .apiToken(sim.apiToken())
                .ssoEnabled(true)
                .provisioningEnabled(false)
                .ssoCreatesPeople(false)
                .build());
        OktaUser user = sim.org().users().get(1);
        PersonView person = accounts.person(acme.account(), user.email(), Role.ADMIN);
        String base = baseUrl();

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(base + "/a/" + acme.key() + "/teams");
            assertThat(page.url()).isEqualTo(base + "/a/" + acme.key() + "/sign-in");
            page.click("#sso");

            page.waitForURL(Pattern.compile(Pattern.quote(sim.orgUrl()) + "/oauth2/v1/authorize.*"));
            page.fill("input[name=username]", user.login());
            page.fill("input[name=password]", PASSWORD);
            page.click("button[type=submit]");

            // back on the page that asked for sign-in, as the matched person
            // (Spring's saved request comes back with "?continue")
            page.waitForURL(Pattern.compile(Pattern.quote(base + "/a/" + acme.key() + "/teams") + "(\\?continue)?"));
            assertThat(page.locator("header.top .brand").textContent()).isEqualTo(acme.account().name());
            assertThat(people.require(acme.id(), person.id()).person().oktaId()).isEqualTo(user.id());
            Cookie session = context.cookies(base).stream().filter(c -> c.name.equals("SESSION")).findFirst()
                    .orElseThrow();
            assertThat(session.httpOnly).isTrue();
            assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
            page.navigate(base + "/a/" + acme.key() + "/sign-ins");
            assertThat(page.locator("#sign-ins tbody tr").first().textContent()).contains("sso", "success", user.id());

            page.click("header.top form.sign-out button");
            page.waitForURL(base + "/a/" + acme.key() + "/sign-in?signedOut");
            assertThat(page.locator("p.notice").textContent()).contains("You are signed out");

            page.navigate(base + "/a/" + acme.key() + "/people");
            assertThat(page.url()).isEqualTo(base + "/a/" + acme.key() + "/sign-in");
            // the Okta session ended too: Okta asks for the password again
            page.click("#sso");
            page.waitForURL(Pattern.compile(Pattern.quote(sim.orgUrl()) + "/oauth2/v1/authorize.*"));
            assertThat(page.locator("input[name=password]").isVisible()).isTrue();
        }
    }

    @Test
    void acceptInvitationWhenAccountSignsInWithOktaThenReachesOktaAndLinkIsSpentOnlyOnceSignedIn() {
        TestAccount acme = accounts.create();
        connections.save(acme.id(), new OktaSettings(sim.orgUrl(), "org", sim.clientId(), sim.clientSecret(),
                sim.apiToken(), null, null, true, false, null, null, false, null, null, null, null));
        OktaUser user = sim.org().users().get(2);
        PersonView person = accounts.person(acme.account(), user.email(), Role.MEMBER);
        String link = baseUrl() + "/invitations/" + sentInvitation(acme, person);

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(link);
            assertThat(page.locator("h1").textContent()).isEqualTo("Join " + acme.account().name());
            page.click("text=Accept and sign in with Okta");
            page.waitForURL(Pattern.compile(Pattern.quote(sim.orgUrl()) + "/oauth2/v1/authorize.*"));
            assertThat(page.locator("input[name=username]").inputValue()).isEqualTo(user.email()); // login_hint

            // leaving for Okta spends nothing: the link still works until the sign-in completes
            assertThat(people.require(acme.id(), person.id()).person().invitation()).isEqualTo(Invitation.SENT);
            try (BrowserContext other = browser.newContext()) {
                Page again = other.newPage();
                assertThat(again.navigate(link).status()).isEqualTo(200);
                assertThat(again.locator("#accept-sso").count()).isEqualTo(1);
            }

            page.fill("input[name=username]", user.login());
            page.fill("input[name=password]", PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL(baseUrl() + "/a/" + acme.key() + "/people");
            assertThat(people.require(acme.id(), person.id()).person().invitation()).isEqualTo(Invitation.ACCEPTED);
            assertThat(people.require(acme.id(), person.id()).person().status()).isEqualTo(PersonStatus.ACTIVE);
            assertThat(page.navigate(link).status()).isEqualTo(410);
            assertThat(page.locator("main").textContent()).contains("already accepted");
        }
    }

    /** An invitation as the sender leaves it once the email went out; returns the link's token. */
    private String sentInvitation(TestAccount account, PersonView person) {
        String token = AcceptTokens.generate();
        Instant now = Instant.now();
        invitations.request(account.id(), person.id(), InvitationRepository.RequestedBy.ADMIN, now);
        invitations.storeToken(person.id(), AcceptTokens.hash(token), now.plus(7, ChronoUnit.DAYS));
        invitations.recordSent(person.id(), now);
        directory.setInvitation(account.id(), List.of(person.id()), Invitation.SENT);
        return token;
    }
}
