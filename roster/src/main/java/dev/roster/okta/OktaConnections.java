package dev.roster.okta;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.InvalidInputException;
import dev.roster.common.InvalidInputException.FieldProblem;
import dev.roster.okta.internal.OktaConnectionRepository;
import dev.roster.secrets.Secret;

/** Reads and saves accounts' Okta connections, checking every field before anything is stored. */
@Service
public class OktaConnections {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9]{1,100}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final OktaConnectionRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OktaConnections(OktaConnectionRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    public Optional<OktaConnection> find(UUID accountId) {
        return repository.find(accountId);
    }

    /** The accounts with provisioning switched on, for the daily reconciliation's dispatcher. */
    public List<DailySync> dailySyncs() {
        return repository.dailySyncs();
    }

    /** A saved connection; {@code newHookSecret} is set only when this save generated it. */
    public record Saved(OktaConnection connection, Secret newHookSecret) {
    }

    @Transactional
    public Saved save(UUID accountId, OktaSettings s) {
        Optional<OktaConnection> current = repository.find(accountId);
        List<FieldProblem> problems = new ArrayList<>();
        String orgUrl = orgUrl(s.orgUrl(), problems);
        String server = s.authorizationServer() == null || s.authorizationServer().isBlank()
                ? OktaConnection.ORG_AUTHORIZATION_SERVER : s.authorizationServer().strip();
        if (!SERVER_ID.matcher(server).matches()) {
            problems.add(new FieldProblem("authorizationServer", "use \"org\" or a custom authorization server's id, like \"default\""));
        }
        if (s.clientId() == null || !CLIENT_ID.matcher(s.clientId().strip()).matches()) {
            problems.add(new FieldProblem("clientId", "the Okta app's client id (0oa…) is required"));
        }
        Secret clientSecret = secret(s.clientSecret(), current.map(OktaConnection::clientSecret).orElse(null));
        Secret apiToken = secret(s.apiToken(), current.map(OktaConnection::apiToken).orElse(null));
        OktaConnection.ServiceApp serviceApp = serviceApp(s.serviceApp(),
                current.map(OktaConnection::serviceApp).orElse(null), problems);
        boolean sso = flag(s.ssoEnabled(), current.map(OktaConnection::ssoEnabled), true);
        boolean provisioning = flag(s.provisioningEnabled(), current.map(OktaConnection::provisioningEnabled), true);
        if (sso && clientSecret == null) {
            problems.add(new FieldProblem("clientSecret", "single sign-on needs the app's client secret"));
        }
        if (provisioning && apiToken == null && serviceApp == null) {
            problems.add(new FieldProblem("apiToken", "provisioning needs an API token or a service app"));
        }
        String header = s.hookHeaderName() == null || s.hookHeaderName().isBlank()
                ? current.map(OktaConnection::hookHeaderName).orElse("Authorization") : s.hookHeaderName().strip();
        if (!HEADER.matcher(header).matches()) {
            problems.add(new FieldProblem("hookHeaderName", "letters, digits and hyphens only"));
        }
        BigDecimal share = s.rateLimitShare() != null ? s.rateLimitShare()
                : current.map(OktaConnection::rateLimitShare).orElse(new BigDecimal("0.5"));
        if (share.compareTo(new BigDecimal("0.01")) < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            problems.add(new FieldProblem("rateLimitShare", "must be between 0.01 and 1"));
        }
        LocalTime syncTime = syncTime(s.syncTimeUtc(), current.map(OktaConnection::syncTimeUtc).orElse(LocalTime.of(3, 0)),
                problems);
        int maxPercent = s.deprovisionMaxPercent() != null ? s.deprovisionMaxPercent()
                : current.map(OktaConnection::deprovisionMaxPercent).orElse(20);
        int maxCount = s.deprovisionMaxCount() != null ? s.deprovisionMaxCount()
                : current.map(OktaConnection::deprovisionMaxCount).orElse(500);
        if (maxPercent < 0 || maxPercent > 100) {
            problems.add(new FieldProblem("deprovisionMaxPercent", "must be between 0 and 100"));
        }
        if (maxCount < 0) {
            problems.add(new FieldProblem("deprovisionMaxCount", "must be 0 or more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Secret newHookSecret = current.isEmpty() ? generateHookSecret() : null;
        Instant now = Instant.now(clock);
        OktaConnection connection = new OktaConnection(accountId, orgUrl, server, s.clientId().strip(), clientSecret,
                apiToken, serviceApp, newHookSecret != null ? newHookSecret : current.get().hookSecret(), header, sso,
                provisioning, flag(s.withholdInvitations(), current.map(OktaConnection::withholdInvitations), false),
                flag(s.membersMustUseSso(), current.map(OktaConnection::membersMustUseSso), false),
                flag(s.ssoCreatesPeople(), current.map(OktaConnection::ssoCreatesPeople), provisioning),
                share, syncTime, maxPercent, maxCount, now);
        repository.save(connection, now);
        events.publishEvent(new OktaConnectionChanged(accountId));
        return new Saved(connection, newHookSecret);
    }

    /** Replaces the hook secret; the new one is returned once, to be pasted into Okta. */
    @Transactional
    public Secret rotateHookSecret(UUID accountId) {
        OktaConnection current = repository.find(accountId)
                .orElseThrow(() -> new dev.roster.common.NotFoundException("This account has no Okta connection yet."));
        Secret secret = generateHookSecret();
        repository.save(withHookSecret(current, secret), current.updatedAt());
        events.publishEvent(new OktaConnectionChanged(accountId));
        return secret;
    }

    private static OktaConnection withHookSecret(OktaConnection c, Secret secret) {
        return new OktaConnection(c.accountId(), c.orgUrl(), c.authorizationServer(), c.clientId(), c.clientSecret(),
                c.apiToken(), c.serviceApp(), secret, c.hookHeaderName(), c.ssoEnabled(), c.provisioningEnabled(),
                c.withholdInvitations(), c.membersMustUseSso(), c.ssoCreatesPeople(), c.rateLimitShare(),
                c.syncTimeUtc(), c.deprovisionMaxPercent(), c.deprovisionMaxCount(), c.updatedAt());
    }

    private static Secret generateHookSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static String orgUrl(String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem("orgUrl", "your Okta org's URL is required, like https://acme.okta.com"));
            return null;
        }
        try {
            URI uri = new URI(raw.strip());
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            boolean https = "https".equals(uri.getScheme());
            if (uri.getHost() == null || !(https || ("http".equals(uri.getScheme()) && loopback))
                    || uri.getQuery() != null || uri.getFragment() != null
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
                problems.add(new FieldProblem("orgUrl", "use the org's base URL with https, like https://acme.okta.com"));
                return null;
            }
            return uri.getScheme() + "://" + uri.getAuthority();
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("orgUrl", "is not a valid URL"));
            return null;
        }
    }

    private static Secret secret(String raw, Secret current) {
        if (raw == null || raw.isBlank() || OktaSettings.MASK.equals(raw)) {
            return current;
        }
        return Secret.of(raw.strip());
    }

    private static OktaConnection.ServiceApp serviceApp(OktaSettings.ServiceAppSettings raw,
            OktaConnection.ServiceApp current, List<FieldProblem> problems) {
        if (raw == null) {
            return current;
        }
        if (raw.clientId() == null || !CLIENT_ID.matcher(raw.clientId().strip()).matches()) {
            problems.add(new FieldProblem("serviceApp.clientId", "the service app's client id is required"));
            return null;
        }
        Secret key = secret(raw.privateKeyPem(), current == null ? null : current.privateKeyPem());
        if (key == null) {
            problems.add(new FieldProblem("serviceApp.privateKeyPem", "the service app's private key (PEM) is required"));
            return null;
        }
        // an unreadable stored key is kept as it is (it was checked when saved)
        if (key.readable() && !isPkcs8PrivateKey(key.reveal())) {
            problems.add(new FieldProblem("serviceApp.privateKeyPem",
                    "must be an RSA or EC private key in PEM (-----BEGIN PRIVATE KEY-----)"));
            return null;
        }
        return new OktaConnection.ServiceApp(raw.clientId().strip(), key);
    }

    static boolean isPkcs8PrivateKey(String pem) {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            for (String algorithm : List.of("RSA", "EC")) {
                try {
                    KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    return true;
                } catch (java.security.GeneralSecurityException e) {
                    // try the next algorithm
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalTime syncTime(String raw, LocalTime current, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return current;
        }
        try {
            return LocalTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("syncTimeUtc", "a time of day in UTC like 03:00"));
            return current;
        }
    }

    private static boolean flag(Boolean given, Optional<Boolean> current, boolean fallback) {
        return given != null ? given : current.orElse(fallback);
    }
}
