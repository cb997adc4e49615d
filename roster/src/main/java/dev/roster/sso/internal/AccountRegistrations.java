package dev.roster.sso.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.common.WebProperties;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnectionChanged;
import dev.roster.okta.OktaConnections;
import dev.roster.sso.SsoProperties;

/**
 * One OIDC client registration per account, its id being the account key, built from the account's
 * Okta settings (read from the database at each lookup, so every instance sees a change at once) and
 * the issuer's discovery document (fetched again after {@code roster.sso.discovery-ttl}, 10 minutes,
 * or when the settings differ), so neither a restart nor a discovery fetch per sign-in is needed.
 */
@Component
public class AccountRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(AccountRegistrations.class);

    /** What looking an account's registration up found. */
    public sealed interface Lookup {
        record Ready(Account account, OktaConnection connection, ClientRegistration registration) implements Lookup {
        }

        /** No account, no Okta connection, SSO switched off, or no client secret. */
        record NotEnabled() implements Lookup {
        }

        /** Okta's discovery document could not be read or does not describe this issuer. */
        record Unavailable(String why) implements Lookup {
        }
    }

    /** A registration built from this connection, with the discovery document read at {@code fetchedAt}. */
    private record Cached(OktaConnection connection, ClientRegistration registration, Instant fetchedAt) {
    }

    private final Accounts accounts;
    private final OktaConnections connections;
    private final SsoProperties properties;
    private final WebProperties web;
    private final Clock clock;
    private final RestClient http;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    AccountRegistrations(Accounts accounts, OktaConnections connections, SsoProperties properties, WebProperties web,
            Clock clock) {
        this.accounts = accounts;
        this.connections = connections;
        this.properties = properties;
        this.web = web;
        this.clock = clock;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.httpTimeout());
        factory.setReadTimeout(properties.httpTimeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return lookup(registrationId) instanceof Lookup.Ready ready ? ready.registration() : null;
    }

    /**
     * The account and its Okta settings are read from the database every time, so a change saved on
     * any instance counts at once; only the registration built from the issuer's discovery document
     * is kept, while the settings are unchanged and for at most {@code discoveryTtl}.
     */
    public Lookup lookup(String accountKey) {
        Optional<Account> account = accountKey == null ? Optional.empty() : accounts.byKey(accountKey);
        Optional<OktaConnection> connection = account.flatMap(a -> connections.find(a.id()))
                .filter(c -> c.ssoEnabled() && c.clientSecret() != null);
        if (connection.isEmpty()) {
            if (accountKey != null) {
                cache.remove(accountKey);
            }
            return new Lookup.NotEnabled();
        }
        Cached cached = cache.get(accountKey);
        Instant now = Instant.now(clock);
        if (cached != null && cached.connection().equals(connection.get())
                && cached.fetchedAt().plus(properties.discoveryTtl()).isAfter(now)) {
            return new Lookup.Ready(account.get(), connection.get(), cached.registration());
        }
        try {
            ClientRegistration registration = registration(accountKey, connection.get());
            cache.put(accountKey, new Cached(connection.get(), registration, now));
            return new Lookup.Ready(account.get(), connection.get(), registration);
        } catch (RestClientException | IllegalStateException | IllegalArgumentException e) {
            // not cached: the next sign-in tries again
            log.warn("SSO discovery for account '{}' at {} failed: {}", accountKey, connection.get().issuer(),
                    e.getMessage());
            return new Lookup.Unavailable(e.getMessage());
        }
    }

    /** This instance's own saves need not wait for the next lookup's comparison. */
    @EventListener
    void on(OktaConnectionChanged changed) {
        cache.values().removeIf(c -> c.connection().accountId().equals(changed.accountId()));
    }

    private ClientRegistration registration(String key, OktaConnection c) {
        String issuer = c.issuer();
        Map<String, Object> metadata = http.get().uri(issuer + "/.well-known/openid-configuration").retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {
                });
        // OIDC Discovery §4.3: the document must name exactly the issuer it was fetched for
        if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
            throw new IllegalStateException("the discovery document names issuer "
                    + (metadata == null ? null : metadata.get("issuer")) + ", not " + issuer);
        }
        String redirect = (web.publicUrl() != null ? web.publicUrl().toString().replaceAll("/+$", "") : "{baseUrl}")
                + "/login/oauth2/code/{registrationId}";
        return ClientRegistration.withRegistrationId(key)
                .clientName("Okta")
                .clientId(c.clientId())
                .clientSecret(c.clientSecret().reveal())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // PKCE S256 even though the client is confidential, as Okta recommends
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri(redirect)
                .scope(properties.scopes())
                .authorizationUri(endpoint(metadata, "authorization_endpoint"))
                .tokenUri(endpoint(metadata, "token_endpoint"))
                .jwkSetUri(endpoint(metadata, "jwks_uri"))
                .userInfoUri((String) metadata.get("userinfo_endpoint"))
                .userNameAttributeName("sub")
                .issuerUri(issuer)
                .providerConfigurationMetadata(metadata)
                .build();
    }

    private static String endpoint(Map<String, Object> metadata, String name) {
        if (!(metadata.get(name) instanceof String value) || value.isBlank()) {
            throw new IllegalStateException("the discovery document has no " + name);
        }
        return value;
    }
}
