package dev.roster.invitations;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.roster.accounts.Role;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.People;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.Source;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * Base of the invitation tests: the application over MockMvc with a real SMTP server, a fast job
 * queue, short retry waits, and a fresh account whose owner is signed in.
 */
@TestPropertySource(properties = {"db-scheduler.polling-interval=100ms", "roster.invitations.retry-delay=200ms",
        "roster.invitations.max-attempts=30", "roster.invitations.dispatch-interval=200ms",
        "roster.invitations.from=Roster <roster@tests.example>", "roster.okta.backoff=10ms",
        "roster.okta.max-backoff=50ms"})
abstract class InvitationTest extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s\"<]+(/invitations/[A-Za-z0-9_-]{43})");

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMailServer.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMailServer.PORT);
    }

    @Autowired
    protected DirectorySync directory;

    @Autowired
    protected People people;

    protected TestAccount acme;
    protected MockHttpSession session;

    @BeforeEach
    void accountAndMailServer() throws Exception {
        TestMailServer.start();
        acme = accounts.create();
        session = (MockHttpSession) mvc.perform(post("/sign-in").session(new MockHttpSession()).with(csrf())
                        .param("account", acme.key()).param("email", acme.owner().person().email())
                        .param("password", TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession();
    }

    /** An address of this test's account. */
    protected String address(String local) {
        return local + "@" + acme.key() + ".example";
    }

    /** A person as provisioning writes one: from Okta, invited, with this invitation state. */
    protected Person provisioned(String email, String firstName, Invitation invitation) {
        Instant now = Instant.now();
        Person person = new Person(UUID.randomUUID(), acme.id(), email, null, firstName, "Okta", null, null, null,
                null, null, null, Map.of(), PersonStatus.INVITED, Role.MEMBER, Source.OKTA,
                "00u" + UUID.randomUUID().toString().replace("-", "").substring(0, 17), invitation, now, now, null,
                null, null, now, now);
        directory.insert(List.of(person));
        return person;
    }

    protected Invitation invitationOf(UUID personId) {
        return people.require(acme.id(), personId).person().invitation();
    }

    /** Waits for exactly this many emails to the address (and checks no more arrive meanwhile). */
    protected static List<MimeMessage> awaitMail(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> TestMailServer.to(address).size() >= count);
        return TestMailServer.to(address);
    }

    protected static void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    /** The accept link's path in the email's plain-text part. */
    protected static String acceptPath(MimeMessage message) {
        Matcher m = LINK.matcher(part(message, "text/plain"));
        if (!m.find()) {
            throw new AssertionError("no accept link in the email");
        }
        return m.group(1);
    }

    /** The decoded body of the email's part with this content type. */
    protected static String part(MimeMessage message, String type) {
        try {
            String found = find(message, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part");
            }
            return found;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
