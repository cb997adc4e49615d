package dev.roster.provisioning.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.okta.OktaApi;
import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaClients;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaUser;
import dev.roster.provisioning.OktaUnavailableException;
import dev.roster.provisioning.OktaUserSync;
import dev.roster.provisioning.SyncOutcome;
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

    UserSyncService(OktaConnections connections, OktaClients clients, MappingSettingsRepository mappings,
            SyncEngine engine, UserSyncState state, TransactionTemplate transaction) {
        this.connections = connections;
        this.clients = clients;
        this.mappings = mappings;
        this.engine = engine;
        this.state = state;
        this.transaction = transaction;
    }

    @Override
    public SyncOutcome syncUser(UUID accountId, String oktaUserId) {
        Optional<OktaConnection> connection = connections.find(accountId);
        if (connection.isEmpty() || !connection.get().provisioningEnabled() || !connection.get().hasApiCredentials()) {
            return new SyncOutcome.Skipped(null, "provisioning from Okta is not switched on for this account");
        }
        Observation observation = observe(connection.get(), oktaUserId);
        UserResult result = transaction.execute(status -> engine.apply(connection.get(),
                mappings.load(accountId), List.of(observation), null, new HashMap<>()).get(0));
        String problems = result.problems().isEmpty() ? null : String.join("; ", result.problems());
        state.done(accountId, oktaUserId, result.outcome().getClass().getSimpleName(),
                result.outcome() instanceof SyncOutcome.Conflict c ? c.reason() : problems);
        log.debug("Synced Okta user {} of account {}: {}", oktaUserId, accountId, result.outcome());
        return result.outcome();
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
