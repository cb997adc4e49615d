package dev.roster.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's SMTP server: GreenMail in-process on a free local port, so that invitation emails
 * really go over SMTP and can be read on the demo's mailbox page instead of reaching anyone.
 */
public final class DemoMailbox implements AutoCloseable {

    private static final Pattern ACCEPT_LINK = Pattern.compile("https?://\\S+/invitations/[A-Za-z0-9_-]+");

    /** One received email, as the mailbox page shows it. */
    public record Mail(String to, String subject, Instant received, String text, String acceptLink) {
    }

    private final GreenMail server;

    DemoMailbox() {
        server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Newest first. */
    public List<Mail> messages() {
        return Arrays.stream(server.getReceivedMessages()).map(DemoMailbox::mail)
                .sorted(Comparator.comparing(Mail::received, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            String text = text(message);
            Matcher link = ACCEPT_LINK.matcher(text == null ? "" : text);
            return new Mail(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .reduce((a, b) -> a + ", " + b).orElse(""), message.getSubject(),
                    message.getReceivedDate() == null ? message.getSentDate() == null ? null
                            : message.getSentDate().toInstant() : message.getReceivedDate().toInstant(),
                    text, link.find() ? link.group() : null);
        } catch (MessagingException | IOException e) {
            return new Mail("?", "(unreadable: " + e.getMessage() + ")", null, "", null);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
