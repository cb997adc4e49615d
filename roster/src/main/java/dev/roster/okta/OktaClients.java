package dev.roster.okta;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

import dev.roster.okta.internal.OktaHttp;
import dev.roster.okta.internal.RateLimitGovernor;
import dev.roster.okta.internal.RestOktaApi;
import dev.roster.okta.internal.SharedRateBudget;
import dev.roster.okta.internal.ServiceAppTokens;
import dev.roster.okta.internal.Sleeper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Okta API clients per account. Each account keeps one rate-limit governor (its share of the
 * org's buckets, booked in the database for all instances) and one service-app token cache for as
 * long as its connection is unchanged (compared on every use, so a change saved on another instance
 * is picked up at the next call).
 */
@Service
@EnableConfigurationProperties(OktaClientProperties.class)
public class OktaClients {

    private record Cached(OktaConnection connection, OktaApi api) {
    }

    private final OktaClientProperties properties;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Sleeper sleeper;
    private final RestClient http;
    private final Map<UUID, Cached> clients = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    OktaClients(OktaClientProperties properties, JsonMapper json, JdbcClient jdbc, TransactionTemplate transactions) {
        this(properties, json, jdbc, transactions, Sleeper.REAL);
    }

    OktaClients(OktaClientProperties properties, JsonMapper json, JdbcClient jdbc, TransactionTemplate transactions,
            Sleeper sleeper) {
        this.properties = properties;
        this.json = json;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sleeper = sleeper;
        this.http = OktaHttp.restClient(properties);
    }

    public OktaApi forConnection(OktaConnection connection) {
        Cached cached = clients.compute(connection.accountId(), (id, existing) ->
                existing != null && existing.connection().equals(connection) ? existing
                        : new Cached(connection, create(connection)));
        return cached.api();
    }

    @EventListener
    void connectionChanged(OktaConnectionChanged event) {
        clients.remove(event.accountId());
    }

    private OktaApi create(OktaConnection connection) {
        RateLimitGovernor governor = new RateLimitGovernor(new SharedRateBudget(jdbc, transactions,
                connection.accountId(), connection.rateLimitShare().doubleValue()), sleeper, properties.maxWait());
        ServiceAppTokens tokens = connection.serviceApp() == null ? null
                : new ServiceAppTokens(connection.orgUrl(), connection.serviceApp(), json, http);
        return new RestOktaApi(connection, governor, tokens, json, properties, sleeper, http);
    }
}
