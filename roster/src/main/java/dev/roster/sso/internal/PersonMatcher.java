package dev.roster.sso.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.roster.common.PageRequest;
import dev.roster.directory.OktaIdLinks;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonStatus;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaClients;
import dev.roster.okta.OktaConnection;
import dev.roster.provisioning.OktaUnavailableException;
import dev.roster.provisioning.OktaUserSync;
import dev.roster.provisioning.SyncOutcome;

/**
 * Finds the person an Okta user signs in as, inside one account only.
 * <ol>
 * <li>By Okta id ({@code sub}): the one stable identifier (OIDC Core §5.7).</li>
 * <li>Else by email: the ID token's when Okta says it is verified, else the one Okta's API has for
 * the user; only a person not yet bound to an Okta id, who is then bound to this one. A person
 * bound to another Okta id is never taken over.</li>
 * <li>Else, when the account lets SSO create people, provisioning syncs the user from Okta's API
 * (it links by Okta's email or creates the person, if the user is assigned to the app).</li>
 * </ol>
 */
@Component
public class PersonMatcher {

    /** The closed set of answers. */
    public sealed interface Match {
        record Found(PersonView person) implements Match {
        }

        record Refused(SsoProblem problem, UUID personId, String detail) implements Match {
        }
    }

    private final People people;
    private final OktaIdLinks links;
    private final OktaClients clients;
    private final ObjectProvider<OktaUserSync> sync;

    PersonMatcher(People people, OktaIdLinks links, OktaClients clients, ObjectProvider<OktaUserSync> sync) {
        this.people = people;
        this.links = links;
        this.clients = clients;
        this.sync = sync;
    }

    public Match match(OktaConnection connection, String subject, String email, boolean emailVerified) {
        UUID accountId = connection.accountId();
        Optional<PersonView> bySubject = bySubject(accountId, subject);
        if (bySubject.isPresent()) {
            return admit(bySubject.get());
        }
        String trusted;
        try {
            trusted = emailVerified && email != null ? email : oktaEmail(connection, subject);
        } catch (OktaApiException e) {
            return new Match.Refused(SsoProblem.OKTA_UNAVAILABLE, null, "Okta API: " + e.getMessage());
        }
        Optional<PersonView> byEmail = trusted == null ? Optional.empty() : people.findByEmail(accountId, trusted);
        if (byEmail.isPresent()) {
            PersonView person = byEmail.get();
            String bound = person.person().oktaId();
            if ((bound != null && !bound.equals(subject)) || !links.link(accountId, person.id(), subject)) {
                return new Match.Refused(SsoProblem.TAKEN, person.id(),
                        "email " + trusted + " belongs to a person bound to Okta user " + bound);
            }
            return admit(people.require(accountId, person.id()));
        }
        OktaUserSync provisioning = sync.getIfAvailable();
        if (!connection.ssoCreatesPeople() || !connection.hasApiCredentials() || provisioning == null) {
            return new Match.Refused(SsoProblem.NOT_ASSIGNED, null, "no person matches and SSO may not create one");
        }
        SyncOutcome outcome;
        try {
            outcome = provisioning.syncUser(accountId, subject);
        } catch (OktaUnavailableException e) {
            return new Match.Refused(SsoProblem.OKTA_UNAVAILABLE, null, "sync: " + e.getMessage());
        }
        if (outcome instanceof SyncOutcome.Skipped s) {
            return new Match.Refused(SsoProblem.NOT_ASSIGNED, s.personId(), "sync: " + s.reason());
        }
        if (outcome instanceof SyncOutcome.Conflict c) {
            return new Match.Refused(SsoProblem.TAKEN, c.personId(), "sync: " + c.reason());
        }
        if (outcome instanceof SyncOutcome.Deactivated d) {
            return new Match.Refused(SsoProblem.DEACTIVATED, d.personId(), "sync: " + d.reason());
        }
        return bySubject(accountId, subject).map(this::admit).orElseGet(() -> new Match.Refused(
                SsoProblem.NOT_ASSIGNED, outcome.personId(), "sync left no person bound to this Okta user"));
    }

    /**
     * The email Okta's API has for the user, when the ID token's is missing or unverified: the org's
     * own record, which the user cannot set to someone else's address by signing up.
     */
    private String oktaEmail(OktaConnection connection, String subject) {
        if (!connection.hasApiCredentials()) {
            return null;
        }
        return clients.forConnection(connection).user(subject).filter(u -> !u.gone())
                .map(u -> u.text("email")).orElse(null);
    }

    private Match admit(PersonView person) {
        if (person.person().status() == PersonStatus.DEACTIVATED) {
            return new Match.Refused(SsoProblem.DEACTIVATED, person.id(), "person is deactivated");
        }
        return new Match.Found(person);
    }

    private Optional<PersonView> bySubject(UUID accountId, String subject) {
        return people.search(accountId, new PeopleQuery(null, null, null, null, subject), new PageRequest(0, 1))
                .items().stream().findFirst();
    }
}
