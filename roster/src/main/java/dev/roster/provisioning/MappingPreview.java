package dev.roster.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.roster.common.NotFoundException;
import dev.roster.okta.OktaApi;
import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaClients;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaUser;
import dev.roster.provisioning.internal.MappingSettingsRepository;
import dev.roster.provisioning.mapping.MappedPerson;
import dev.roster.provisioning.mapping.OktaMapping;

/**
 * For the mapping page: which profile attributes this org's users actually have (from a sample),
 * and what Roster would write for one real Okta user with the saved mapping — before any sync.
 */
@Service
public class MappingPreview {

    private static final int SAMPLE = 50;

    private final OktaConnections connections;
    private final OktaClients clients;
    private final MappingSettingsRepository mappings;

    MappingPreview(OktaConnections connections, OktaClients clients, MappingSettingsRepository mappings) {
        this.connections = connections;
        this.clients = clients;
        this.mappings = mappings;
    }

    /** The profile attributes present on the first users assigned to the app, sorted. */
    public List<String> attributes(UUID accountId) {
        OktaConnection connection = connection(accountId);
        try {
            TreeSet<String> attributes = new TreeSet<>();
            clients.forConnection(connection).appUsers(connection.appId(), null, SAMPLE).users()
                    .forEach(u -> attributes.addAll(u.profile().keySet()));
            return List.copyOf(attributes);
        } catch (OktaApiException e) {
            throw new OktaUnavailableException(e.getMessage(), e);
        }
    }

    /** What the saved mapping makes of the Okta user with this email, if there is one. */
    public Optional<MappedPerson> preview(UUID accountId, String email) {
        OktaConnection connection = connection(accountId);
        OktaApi api = clients.forConnection(connection);
        try {
            Optional<OktaUser> user = api.userByEmail(email.strip());
            return user.map(u -> OktaMapping.map(u, mappings.load(accountId)));
        } catch (OktaApiException e) {
            throw new OktaUnavailableException(e.getMessage(), e);
        }
    }

    private OktaConnection connection(UUID accountId) {
        return connections.find(accountId).filter(OktaConnection::hasApiCredentials)
                .orElseThrow(() -> new NotFoundException("Connect Okta with API credentials first."));
    }
}
