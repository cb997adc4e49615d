package dev.roster.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.roster.access.AccessProperties;
import dev.roster.access.RosterUser;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.directory.Credentials;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.SignInRecord;

/**
 * Local sign-in: account key (from the form's details) + email + password. Repeated failures lock
 * the person out for a while; unknown people cost the same hashing time as known ones.
 */
@Component
class SignInProvider implements AuthenticationProvider {

    private final Accounts accounts;
    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final AccessProperties properties;
    private final Clock clock;
    private final String dummyHash;

    SignInProvider(Accounts accounts, Credentials credentials, PasswordEncoder encoder, AccessProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String accountKey = authentication.getDetails() instanceof SignInDetails details ? details.accountKey() : null;
        String email = String.valueOf(authentication.getPrincipal()).strip();
        String password = String.valueOf(authentication.getCredentials());
        Account account = accounts.byKey(accountKey).orElse(null);
        SignInRecord record = account == null ? null : credentials.forSignIn(account.id(), email).orElse(null);
        if (record == null || record.passwordHash() == null) {
            encoder.matches(password, dummyHash);
            throw new BadCredentialsException("Wrong email or password.");
        }
        Instant now = Instant.now(clock);
        if (record.lockedUntil() != null && record.lockedUntil().isAfter(now)) {
            throw new LockedException("Too many failed attempts. Try again after a few minutes.");
        }
        if (!encoder.matches(password, record.passwordHash())) {
            int failures = record.failedSignIns() + 1;
            Instant lockedUntil = failures >= properties.maxFailedSignIns() ? now.plus(properties.lockout()) : null;
            credentials.recordFailure(record.accountId(), record.personId(),
                    lockedUntil == null ? failures : 0, lockedUntil);
            throw new BadCredentialsException("Wrong email or password.");
        }
        if (record.status() == PersonStatus.DEACTIVATED) {
            throw new DisabledException("Your access to this account has been deactivated.");
        }
        credentials.recordSuccess(record.accountId(), record.personId());
        RosterUser user = new RosterUser(record.personId(), account.id(), account.key(), record.email(),
                record.displayName(), record.role());
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + record.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
