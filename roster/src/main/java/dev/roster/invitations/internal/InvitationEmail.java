package dev.roster.invitations.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The invitation email's subject and its HTML and plain-text bodies, from the templates in
 * {@code templates/invitations/email/}. A template engine of its own, so that the plain-text body
 * is rendered in TEXT mode while the HTML body escapes every value (Okta profiles are untrusted).
 */
@Component
public class InvitationEmail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** One rendered email. */
    public record Rendered(String subject, String text, String html) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    InvitationEmail() {
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/invitations/email/");
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(order);
        resolver.setCheckExistence(true);
        return resolver;
    }

    public Rendered render(String accountName, String firstName, String acceptUrl, Instant expiresAt) {
        Context context = new Context(Locale.ENGLISH, Map.of(
                "accountName", accountName,
                "firstName", firstName == null || firstName.isBlank() ? "there" : firstName,
                "acceptUrl", acceptUrl,
                "expiresOn", DAY.format(expiresAt)));
        // The subject is a header: line breaks in an account name must not start new headers.
        String subject = ("You're invited to join " + accountName + " on Roster").replaceAll("[\\r\\n\\t]+", " ");
        return new Rendered(subject, engine.process("invitation.txt", context), engine.process("invitation.html", context));
    }
}
