package dev.roster.invitations.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.access.SignInAttempted;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.common.InvalidInputException;
import dev.roster.directory.Credentials;
import dev.roster.directory.DirectorySync;
import dev.roster.directory.Invitation;
import dev.roster.directory.Person;
import dev.roster.directory.PersonStatus;
import dev.roster.invitations.internal.InvitationRepository.Row;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;

/**
 * The accept link: what a token stands for, and using it. Where the account signs in with Okta,
 * accepting sends the person to Okta; elsewhere they choose a password. A token works once, until
 * it expires, and only while it is the person's latest (a resend replaces it).
 */
@Service
public class Acceptance {

    /** What a token leads to. */
    public sealed interface Lookup {
    }

    /** No such token: mistyped, or replaced by a newer invitation. */
    public record Unknown() implements Lookup {
    }

    public record Used(Account account) implements Lookup {
    }

    public record Expired(Account account) implements Lookup {
    }

    /** The person was deactivated after being invited: the link is withdrawn, however recent. */
    public record Withdrawn(Account account) implements Lookup {
    }

    /** A working link; {@code sso} when the account signs in with Okta. */
    public record Open(Account account, Person person, boolean sso) implements Lookup {
    }

    /** Where to send the person after accepting. */
    public record Accepted(Account account, String redirect) {
    }

    static final int MIN_PASSWORD = 12;
    /** BCrypt reads at most 72 bytes; longer passwords would be cut silently. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final InvitationRepository invitations;
    private final DirectorySync directory;
    private final Accounts accounts;
    private final OktaConnections connections;
    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Acceptance(InvitationRepository invitations, DirectorySync directory, Accounts accounts,
            OktaConnections connections, Credentials credentials, PasswordEncoder encoder, Clock clock) {
        this.invitations = invitations;
        this.directory = directory;
        this.accounts = accounts;
        this.connections = connections;
        this.credentials = credentials;
        this.encoder = encoder;
        this.clock = clock;
    }

    public Lookup lookup(String token) {
        if (!AcceptTokens.plausible(token)) {
            return new Unknown();
        }
        Optional<Row> row = invitations.findByTokenHash(AcceptTokens.hash(token));
        if (row.isEmpty()) {
            return new Unknown();
        }
        Optional<Account> account = accounts.byId(row.get().accountId());
        Optional<Person> person = directory.byId(row.get().accountId(), row.get().delivery().personId())
                .map(v -> v.person());
        if (account.isEmpty() || person.isEmpty()) {
            return new Unknown();
        }
        if (row.get().delivery().acceptedAt() != null) {
            return new Used(account.get());
        }
        if (person.get().status() == PersonStatus.DEACTIVATED) {
            return new Withdrawn(account.get());
        }
        if (!row.get().delivery().linkExpiresAt().isAfter(Instant.now(clock))) {
            return new Expired(account.get());
        }
        boolean sso = connections.find(account.get().id()).map(OktaConnection::ssoEnabled).orElse(false);
        return new Open(account.get(), person.get(), sso);
    }

    /**
     * Uses the token of an account without SSO: sets the password and marks the invitation
     * accepted. Returns empty when the token no longer works, or leads to Okta instead (the caller
     * shows why with {@link #lookup}).
     */
    @Transactional
    public Optional<Accepted> accept(String token, String password) {
        if (!(lookup(token) instanceof Open open) || open.sso()) {
            return Optional.empty();
        }
        checkPassword(password);
        if (!invitations.consume(AcceptTokens.hash(token), Instant.now(clock))) {
            return Optional.empty(); // someone used it a moment ago
        }
        Person person = open.person();
        directory.setInvitation(person.accountId(), List.of(person.id()), Invitation.ACCEPTED);
        credentials.setPasswordHash(person.accountId(), person.id(), encoder.encode(password));
        return Optional.of(new Accepted(open.account(), "/a/" + open.account().key() + "/sign-in"));
    }

    /**
     * Where a working link of an account with SSO leads: Okta's sign-in for the invited email. It
     * spends nothing: the invitation counts as accepted once that sign-in completes
     * ({@link #acceptedBySignIn}), so a refused or abandoned sign-in leaves the link usable.
     */
    public Optional<String> oktaSignIn(Open open) {
        return open.sso() ? Optional.of("/sso/okta/" + open.account().key() + "/start?login_hint="
                + URLEncoder.encode(open.person().email(), StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** A person who signed in has joined: their outstanding invitation is used up. */
    @EventListener
    @Transactional
    void acceptedBySignIn(SignInAttempted attempt) {
        if (attempt.success() && attempt.personId() != null && attempt.accountId() != null
                && invitations.consumeForPerson(attempt.accountId(), attempt.personId(), Instant.now(clock))) {
            directory.setInvitation(attempt.accountId(), List.of(attempt.personId()), Invitation.ACCEPTED);
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw InvalidInputException.of("password", "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw InvalidInputException.of("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }
}
