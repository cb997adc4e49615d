package dev.roster.invitations;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) on one fixed port per JVM, so that the Spring context's
 * {@code spring.mail.port} stays right when a test stops the server and starts it again.
 */
final class TestMailServer {

    static final int PORT = freePort();
    private static GreenMail server;

    private TestMailServer() {
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the server: connections are refused until {@link #start}. Received mail is lost. */
    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Forgets every message received so far (for tests whose simulated Okta users repeat addresses). */
    static synchronized void purge() {
        if (server != null) {
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (com.icegreen.greenmail.store.FolderException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The messages received for this address (each test uses addresses of its own account). */
    static synchronized List<MimeMessage> to(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
