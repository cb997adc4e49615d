package dev.roster.invitations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import dev.roster.accounts.Accounts;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.invitations.InvitationDelivery;
import dev.roster.invitations.InvitationsProperties;
import dev.roster.invitations.internal.InvitationJob.Request;
import dev.roster.invitations.internal.InvitationRepository.RequestedBy;
import dev.roster.invitations.internal.InvitationRepository.Row;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;

/**
 * One run of a person's invitation job. The state is checked first, so a job that runs again
 * (a retry, a second instance, a resend that arrived late) never sends an email already sent.
 */
@Component
class InvitationSender {

    private final InvitationRepository invitations;
    private final DirectorySync directory;
    private final Accounts accounts;
    private final OktaConnections connections;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final InvitationEmail email;
    private final LinkBase linkBase;
    private final InvitationsProperties properties;
    private final Clock clock;

    InvitationSender(InvitationRepository invitations, DirectorySync directory, Accounts accounts,
            OktaConnections connections, ObjectProvider<JavaMailSender> mailSender, InvitationEmail email,
            LinkBase linkBase, InvitationsProperties properties, Clock clock) {
        this.invitations = invitations;
        this.directory = directory;
        this.accounts = accounts;
        this.connections = connections;
        this.mailSender = mailSender;
        this.email = email;
        this.linkBase = linkBase;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends the email if it is still wanted; true when an admin asked again while this ran, so the
     * job must run once more (their request could not queue a second job meanwhile).
     */
    boolean runOnce(Request request) {
        Instant started = Instant.now(clock);
        Optional<Row> row = invitations.find(request.accountId(), request.personId());
        Optional<PersonView> view = directory.byId(request.accountId(), request.personId());
        if (row.isPresent() && view.isPresent()) {
            send(request, row.get(), view.get().person());
        }
        return invitations.find(request.accountId(), request.personId())
                .map(Row::delivery)
                .filter(d -> d.requestedAt().isAfter(started) && d.waiting())
                .isPresent();
    }

    private void send(Request request, Row row, Person person) {
        InvitationDelivery delivery = row.delivery();
        if (delivery.acceptedAt() != null) {
            mark(person, Invitation.ACCEPTED);
            return;
        }
        if (!delivery.waiting()) {
            mark(person, Invitation.SENT); // sent already: bring the person's state up to date
            return;
        }
        Instant now = Instant.now(clock);
        if (person.status() == PersonStatus.DEACTIVATED) {
            invitations.recordFailure(person.id(), now, "Not sent: the person is deactivated.");
            return;
        }
        if (row.requestedBy() == RequestedBy.PROVISIONING && connections.find(person.accountId())
                .map(OktaConnection::withholdInvitations).orElse(false)) {
            mark(person, Invitation.WITHHELD); // the account started withholding after the person arrived
            return;
        }
        JavaMailSender mail = mailSender.getIfAvailable();
        if (mail == null) {
            String error = "No SMTP server is configured (set SPRING_MAIL_HOST).";
            invitations.recordFailure(person.id(), now, error);
            throw new IllegalStateException(error);
        }
        String token = AcceptTokens.generate();
        Instant expiresAt = now.plus(properties.tokenValidity());
        invitations.storeToken(person.id(), AcceptTokens.hash(token), expiresAt);
        String accountName = accounts.byId(person.accountId()).orElseThrow().name();
        String base = request.baseUrl() != null ? request.baseUrl() : linkBase.forBackground();
        InvitationEmail.Rendered rendered = email.render(accountName, person.firstName(),
                base + "/invitations/" + token, expiresAt);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(person.email());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            mail.send(message);
        } catch (MailException | MessagingException e) {
            invitations.recordFailure(person.id(), now, describe(e));
            throw new IllegalStateException("Invitation email to person " + person.id() + " failed", e);
        }
        invitations.recordSent(person.id(), now);
        mark(person, Invitation.SENT);
    }

    private void mark(Person person, Invitation state) {
        if (person.invitation() != state) {
            directory.setInvitation(person.accountId(), java.util.List.of(person.id()), state);
        }
    }

    /** The failure as an admin can act on it: the deepest cause (e.g. "Connection refused"), no stack. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && text.indexOf(t.getMessage()) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(t.getMessage().strip());
            }
        }
        String clean = text.toString().replaceAll("\\p{Cntrl}+", " ");
        return clean.length() > 1000 ? clean.substring(0, 1000) + "…" : clean.isEmpty() ? e.getClass().getSimpleName() : clean;
    }
}
