package dev.roster.provisioning.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.directory.DirectorySync;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaApi;
import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaClients;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaUser;
import dev.roster.provisioning.OktaUnavailableException;
import dev.roster.provisioning.OktaUserSync;
import dev.roster.provisioning.SyncOutcome;
import dev.roster.provisioning.mapping.MappingSettings;
import dev.roster.provisioning.mapping.StandardField;
import dev.roster.provisioning.sync.Observation;

/**
 * Syncs one Okta user: asks Okta (outside any transaction), then applies the answer in one
 * transaction. Used by hook jobs, "Sync this person now" and first SSO sign-ins.
 */
@Service
class UserSyncService implements OktaUserSync, UserSyncByEmail {

    private static final Logger log = LoggerFactory.getLogger(UserSyncService.class);

    private final OktaConnections connections;
    private final OktaClients clients;
    private final MappingSettingsRepository mappings;
    private final SyncEngine engine;
    private final UserSyncState state;
    private final TransactionTemplate transaction;
    private final OktaLinkRepository links;
    private final ManagerResolver managers;
    private final DirectorySync directory;

    UserSyncService(OktaConnections connections, OktaClients clients, MappingSettingsRepository mappings,
            SyncEngine engine, UserSyncState state, TransactionTemplate transaction, OktaLinkRepository links,
            ManagerResolver managers, DirectorySync directory) {
        this.connections = connections;
        this.clients = clients;
        this.mappings = mappings;
        this.engine = engine;
        this.state = state;
        this.transaction = transaction;
        this.links = links;
        this.managers = managers;
        this.directory = directory;
    }

    @Override
    public SyncOutcome syncUser(UUID accountId, String oktaUserId) {
        Optional<OktaConnection> connection = connections.find(accountId);
        if (connection.isEmpty() || !connection.get().provisioningEnabled() || !connection.get().hasApiCredentials()) {
            return new SyncOutcome.Skipped(null, "provisioning from Okta is not switched on for this account");
        }
        Observation observation = observe(connection.get(), oktaUserId);
        MappingSettings settings = mappings.load(accountId);
        UserResult result = transaction.execute(status -> engine.apply(connection.get(),
                settings, List.of(observation), null, new HashMap<>()).get(0));
        return finish(accountId, oktaUserId, settings, result);
    }

    /** After a user's write: the manager links, and the user's sync state. */
    private SyncOutcome finish(UUID accountId, String oktaUserId, MappingSettings settings, UserResult result) {
        if (settings.enabled(StandardField.MANAGER) && result.outcome().personId() != null
                && !(result.outcome() instanceof SyncOutcome.Conflict)) {
            transaction.executeWithoutResult(status -> relinkManagers(accountId, result.outcome().personId()));
        }
        String problems = result.problems().isEmpty() ? null : String.join("; ", result.problems());
        state.done(accountId, oktaUserId, result.outcome().getClass().getSimpleName(),
                result.outcome() instanceof SyncOutcome.Conflict c ? c.reason() : problems);
        log.debug("Synced Okta user {} of account {}: {}", oktaUserId, accountId, result.outcome());
        return result.outcome();
    }

    /**
     * Syncs several users of one account from one Okta search by id (and each found user's assignment
     * check), applied in one transaction; should that fail (a reconciliation inserting one of them at
     * the same moment), each user is applied on its own. Outcomes are recorded per user.
     */
    void syncUsers(UUID accountId, Collection<String> oktaUserIds) {
        Optional<OktaConnection> connection = connections.find(accountId);
        if (connection.isEmpty() || !connection.get().provisioningEnabled() || !connection.get().hasApiCredentials()) {
            return;
        }
        List<Observation> observations = observe(connection.get(), oktaUserIds);
        MappingSettings settings = mappings.load(accountId);
        List<UserResult> results;
        try {
            results = transaction.execute(status -> engine.apply(connection.get(), settings, observations, null,
                    new HashMap<>()));
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            results = observations.stream().map(o -> transaction.execute(status -> engine.apply(connection.get(),
                    settings, List.of(o), null, new HashMap<>()).get(0))).toList();
        }
        for (int i = 0; i < results.size(); i++) {
            finish(accountId, observations.get(i).oktaId(), settings, results.get(i));
        }
    }

    /** Refreshes a person who has no Okta id yet, found in Okta by their email. */
    @Override
    public Optional<SyncOutcome> sync(UUID accountId, String email) {
        OktaConnection connection = connections.find(accountId).orElse(null);
        if (connection == null || !connection.hasApiCredentials()) {
            return Optional.empty();
        }
        try {
            return clients.forConnection(connection).userByEmail(email).map(u -> syncUser(accountId, u.id()));
        } catch (OktaApiException e) {
            throw new OktaUnavailableException(e.getMessage(), e);
        }
    }

    /**
     * After the commit, links this person to their manager and their waiting reports to them once more.
     * A report and their manager synced at the same moment (two jobs) each miss the other's uncommitted
     * row and the report would wait for the next reconciliation; whichever commits last links them here
     * (found by ConvergencePropertyTests on PostgreSQL).
     */
    private void relinkManagers(UUID accountId, UUID personId) {
        OktaLink link = links.byPersonIds(accountId, List.of(personId)).get(personId);
        PersonView person = directory.byId(accountId, personId).orElse(null);
        if (link == null || person == null) {
            return;
        }
        managers.linkWaitingReports(accountId, List.of(link),
                Map.of(person.person().email().toLowerCase(Locale.ROOT), personId));
        if (person.person().managerId() == null && (link.managerRef() != null || link.managerName() != null)) {
            managers.resolve(accountId, List.of(link), Map.of());
        }
    }

    private List<Observation> observe(OktaConnection connection, Collection<String> oktaUserIds) {
        OktaApi api = clients.forConnection(connection);
        try {
            Map<String, OktaUser> found = api.usersById(oktaUserIds);
            List<Observation> observations = new ArrayList<>(oktaUserIds.size());
            for (String id : oktaUserIds) {
                OktaUser user = found.get(id);
                observations.add(new Observation(id, user, user != null && api.isAssigned(connection.appId(), id)));
            }
            return observations;
        } catch (OktaApiException e) {
            throw new OktaUnavailableException(e.getMessage(), e);
        }
    }

    private Observation observe(OktaConnection connection, String oktaUserId) {
        OktaApi api = clients.forConnection(connection);
        try {
            Optional<OktaUser> user = api.user(oktaUserId);
            boolean assigned = user.isPresent() && api.isAssigned(connection.appId(), oktaUserId);
            return new Observation(oktaUserId, user.orElse(null), assigned);
        } catch (OktaApiException e) {
            throw new OktaUnavailableException(e.getMessage(), e);
        }
    }
}
