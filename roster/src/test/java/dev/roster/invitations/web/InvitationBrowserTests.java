package dev.roster.invitations.web;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.directory.Credentials;
import dev.roster.directory.Invitation;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonView;
import dev.roster.directory.Teams;
import dev.roster.support.BrowserSupport;
import dev.roster.support.LiveServerTest;
import dev.roster.support.TestAccounts;

/** The Individuals page's "Invite all N shown", clicked in a real browser; the emails land in GreenMail. */
@DisabledIfSystemProperty(named = "roster.test.database", matches = "postgres",
        disabledReason = "the pages are under test here; the PostgreSQL tier runs the same flows over MockMvc")
class InvitationBrowserTests extends LiveServerTest {

    private static final int SMTP_PORT = freePort();
    private static final String ADMIN = "it@acme.example";

    static GreenMail smtp;
    static BrowserSupport browser;

    @Autowired
    Accounts accountsService;

    @Autowired
    People people;

    @Autowired
    Teams teams;

    @Autowired
    Credentials credentials;

    @Autowired
    PasswordEncoder encoder;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void start() {
        browser = BrowserSupport.launch("Invitation browser test");
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (browser != null) {
            browser.close();
        }
    }

    private PersonView person(Account account, String first, String last, String jobTitle, String team) {
        return people.create(account.id(), new PersonInput(first.toLowerCase() + "@acme.example",
                null, first, last, null, jobTitle, "en-GB", "London", team, null, null, "member"));
    }

    @Test
    void inviteAllWhenFilteredByTeamThenOneEmailReachesEachShownPersonAndNobodyElse() {
        Account acme = accountsService.create("acme-" + UUID.randomUUID().toString().substring(0, 8), "Acme Ltd");
        PersonView admin = people.create(acme.id(), new PersonInput(ADMIN, null, "Ivy", "Thompson", null,
                "IT Manager", "en-GB", "London", null, null, null, "owner"));
        credentials.setPasswordHash(acme.id(), admin.id(), encoder.encode(TestAccounts.PASSWORD));
        teams.create(acme.id(), "Sales", null);
        teams.create(acme.id(), "Engineering", null);
        List<PersonView> sales = List.of(person(acme, "Maya", "Patel", "Account Executive", "Sales"),
                person(acme, "Tom", "Okafor", "Sales Manager", "Sales"),
                person(acme, "Lena", "Fischer", "Sales Engineer", "Sales"));
        PersonView engineer = person(acme, "Sam", "Reed", "Software Engineer", "Engineering");

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            BrowserSupport.signIn(page, baseUrl(), acme.key(), ADMIN, TestAccounts.PASSWORD);
            page.selectOption("select[name=team]", new SelectOption().setLabel("Sales"));
            page.click("form.filters button[type=submit]");
            assertThat(page.locator("tbody tr").count()).isEqualTo(3);
            assertThat(page.locator("#invite-all button").textContent()).isEqualTo("Invite all 3 shown");

            page.click("#invite-all button");
            assertThat(page.locator("p.notice").textContent()).isEqualTo("3 invitation emails are on their way.");
            assertThat(page.url()).contains("team=" + teams.byName(acme.id(), "Sales").orElseThrow().id());

            Set<String> invited = sales.stream().map(v -> v.person().email()).collect(Collectors.toSet());
            eventually(() -> received().size() >= 3);
            List<MimeMessage> mail = received();
            assertThat(mail).hasSize(3);
            assertThat(mail.stream().map(InvitationBrowserTests::to)).containsExactlyInAnyOrderElementsOf(invited);
            assertThat(mail).allSatisfy(m -> assertThat(m.getSubject())
                    .isEqualTo("You're invited to join Acme Ltd on Roster"));
            eventually(() -> sales.stream().allMatch(v -> invitation(acme, v) == Invitation.SENT));
            assertThat(invitation(acme, engineer)).isEqualTo(Invitation.NONE);

            // the list shows the new state, and nobody is left to invite in this filter
            page.reload();
            assertThat(page.locator("tbody tr .status.invitation").allTextContents())
                    .containsExactly("sent", "sent", "sent");
            assertThat(page.locator("#invite-all").count()).isZero();
            page.selectOption("select[name=team]", new SelectOption().setLabel("Any"));
            page.click("form.filters button[type=submit]");
            assertThat(page.locator("#invite-all button").textContent()).isEqualTo("Invite all 1 shown");
            byte[] individuals = page.screenshot();
            assertThat(received()).hasSize(3);

            // the link in Maya's email opens Roster's own page for her to choose a password
            MimeMessage toMaya = mail.stream().filter(m -> to(m).equals("maya@acme.example")).findFirst().orElseThrow();
            try (BrowserContext newcomer = browser.newContext()) {
                Page invitation = newcomer.newPage();
                invitation.navigate(acceptLink(toMaya));
                assertThat(invitation.locator("h1").textContent()).isEqualTo("Join Acme Ltd");
                assertThat(invitation.locator("main").textContent()).contains("Choose a password for maya@acme.example");
            }

            BrowserSupport.keepScreenshot("individuals", individuals);
        }
    }

    private Invitation invitation(Account account, PersonView view) {
        return people.require(account.id(), view.id()).person().invitation();
    }

    /** The messages GreenMail received for people of this test (each test uses its own account). */
    private static List<MimeMessage> received() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** The accept link in the email's plain-text part: a link to this Roster. */
    private String acceptLink(MimeMessage message) {
        try {
            Matcher link = Pattern.compile(Pattern.quote(baseUrl()) + "/invitations/[A-Za-z0-9_-]+")
                    .matcher(String.valueOf(plainText(message)));
            assertThat(link.find()).as("a link to " + baseUrl() + " in the email").isTrue();
            return link.group();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain part, however deep in the multipart tree; null when there is none. */
    private static String plainText(Part part) throws IOException, MessagingException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String found = plainText(parts.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
