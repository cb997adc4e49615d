package dev.roster.sso.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.roster.access.SignInAttempted;
import dev.roster.directory.Credentials;
import dev.roster.directory.Person;
import dev.roster.sso.internal.AccountRegistrations.Lookup;

/**
 * Turns a verified ID token into the signed-in person, or refuses. Called by Spring's OIDC login
 * after state, code exchange, signature, claims and nonce have all been checked.
 */
@Component
public class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final AccountRegistrations registrations;
    private final PersonMatcher matcher;
    private final Credentials credentials;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SsoUserService(AccountRegistrations registrations, PersonMatcher matcher, Credentials credentials,
            ApplicationEventPublisher events, Clock clock) {
        this.registrations = registrations;
        this.matcher = matcher;
        this.credentials = credentials;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcIdToken token = request.getIdToken();
        String subject = token.getSubject();
        String email = token.getEmail();
        String issuer = request.getClientRegistration().getProviderDetails().getIssuerUri();
        // The registration that checked the token must still be the account's: settings may have changed mid-flight.
        if (!(registrations.lookup(request.getClientRegistration().getRegistrationId()) instanceof Lookup.Ready ready)
                || !ready.connection().issuer().equals(issuer)
                || !ready.connection().clientId().equals(request.getClientRegistration().getClientId())) {
            throw new SsoRefusedException(SsoProblem.SETTINGS_CHANGED, "registration no longer matches the account",
                    null, null, subject, email);
        }
        PersonMatcher.Match match = matcher.match(ready.connection(), subject, email,
                Boolean.TRUE.equals(token.getEmailVerified()));
        if (match instanceof PersonMatcher.Match.Refused refused) {
            throw new SsoRefusedException(refused.problem(), refused.detail(), ready.account().id(),
                    refused.personId(), subject, email);
        }
        Person person = ((PersonMatcher.Match.Found) match).person().person();
        credentials.recordSuccess(person.accountId(), person.id());
        events.publishEvent(new SignInAttempted(person.accountId(), Instant.now(clock), person.id(),
                SignInAttempted.Method.SSO, true, null, subject, email, clientIp()));
        return new SsoUser(person.id(), person.accountId(), ready.account().key(), person.email(),
                person.displayName(), person.role(), token);
    }

    private static String clientIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
