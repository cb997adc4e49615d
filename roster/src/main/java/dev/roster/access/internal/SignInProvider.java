package dev.roster.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.roster.access.AccessProperties;
import dev.roster.access.RosterUser;
import dev.roster.access.SignInAttempted;
import dev.roster.access.SingleSignOn;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.directory.Credentials;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.SignInRecord;

/**
 * Local sign-in: account key (from the form's details) + email + password. Repeated failures lock
 * the person out for a while; unknown people cost the same hashing time as known ones. Every
 * attempt is published as a {@link SignInAttempted} for the audit.
 */
@Component
class SignInProvider implements AuthenticationProvider {

    private final Accounts accounts;
    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final AccessProperties properties;
    private final Clock clock;
    private final String dummyHash;
    private final ObjectProvider<SingleSignOn> singleSignOn;
    private final ApplicationEventPublisher events;

    SignInProvider(Accounts accounts, Credentials credentials, PasswordEncoder encoder, AccessProperties properties,
            Clock clock, ObjectProvider<SingleSignOn> singleSignOn, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-real-password");
        this.singleSignOn = singleSignOn;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        SignInDetails details = authentication.getDetails() instanceof SignInDetails d ? d : null;
        String accountKey = details == null ? null : details.accountKey();
        String ip = details == null ? null : details.getRemoteAddress();
        String email = String.valueOf(authentication.getPrincipal()).strip();
        String password = String.valueOf(authentication.getCredentials());
        Account account = accounts.byKey(accountKey).orElse(null);
        // an email with control characters is nobody's (and PostgreSQL refuses NUL in a parameter)
        boolean plausible = email.length() <= 320 && email.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        SignInRecord record = account == null || !plausible ? null
                : credentials.forSignIn(account.id(), email).orElse(null);
        UUID accountId = account == null ? null : account.id();
        if (record == null || record.passwordHash() == null) {
            encoder.matches(password, dummyHash);
            String reason = account == null ? "unknown-account" : record == null ? "unknown-person" : "no-password";
            throw refused(new BadCredentialsException("Wrong email or password."), accountId, null, reason, email, ip);
        }
        Instant now = Instant.now(clock);
        if (record.lockedUntil() != null && record.lockedUntil().isAfter(now)) {
            throw refused(new LockedException("Too many failed attempts. Try again after a few minutes."), accountId,
                    record.personId(), "locked", email, ip);
        }
        if (!encoder.matches(password, record.passwordHash())) {
            int failures = record.failedSignIns() + 1;
            Instant lockedUntil = failures >= properties.maxFailedSignIns() ? now.plus(properties.lockout()) : null;
            credentials.recordFailure(record.accountId(), record.personId(),
                    lockedUntil == null ? failures : 0, lockedUntil);
            throw refused(new BadCredentialsException("Wrong email or password."), accountId, record.personId(),
                    lockedUntil == null ? "wrong-password" : "wrong-password: now locked", email, ip);
        }
        if (record.status() == PersonStatus.DEACTIVATED) {
            throw refused(new DisabledException("Your access to this account has been deactivated."), accountId,
                    record.personId(), "deactivated", email, ip);
        }
        // Checked after the password, so that only someone who knows it learns the account uses SSO.
        SingleSignOn sso = singleSignOn.getIfAvailable();
        String ssoOnly = sso == null ? null : sso.localSignInRefusal(account.id(), record.role()).orElse(null);
        if (ssoOnly != null) {
            throw refused(new DisabledException(ssoOnly), accountId, record.personId(), "sso-required", email, ip);
        }
        credentials.recordSuccess(record.accountId(), record.personId());
        events.publishEvent(new SignInAttempted(accountId, Instant.now(clock), record.personId(),
                SignInAttempted.Method.LOCAL, true, null, null, record.email(), ip));
        RosterUser user = new RosterUser(record.personId(), account.id(), account.key(), record.email(),
                record.displayName(), record.role());
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + record.role().name())));
    }

    private AuthenticationException refused(AuthenticationException e, UUID accountId, UUID personId, String reason,
            String email, String ip) {
        events.publishEvent(new SignInAttempted(accountId, Instant.now(clock), personId, SignInAttempted.Method.LOCAL,
                false, reason, null, email, ip));
        return e;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
