package dev.roster.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.roster.common.Instants;
import dev.roster.common.NotFoundException;
import dev.roster.okta.AppUserPage;
import dev.roster.okta.OktaApi;
import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaClients;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.secrets.Secret;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Test connection": checks each piece of an account's Okta setup on its own and names the fix
 * for each failure. Reads only; the one token request uses a grant the app does not have, so
 * Okta answers whether the client credentials are right without issuing anything.
 */
@Service
public class ConnectionCheck {

    /** One check: its name, whether it passed, what was seen, and what to do when it failed. */
    public record Check(String name, boolean ok, String detail, String fix) {
    }

    private static final Duration MAX_SKEW = Duration.ofSeconds(60);

    private final OktaConnections connections;
    private final OktaClients clients;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ConnectionCheck(OktaConnections connections, OktaClients clients, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.connections = connections;
        this.clients = clients;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public List<Check> run(UUID accountId) {
        OktaConnection c = connections.find(accountId)
                .orElseThrow(() -> new NotFoundException("This account has no Okta connection yet."));
        List<Check> checks = new ArrayList<>();
        List<String> unreadable = c.unreadableSecrets();
        if (!unreadable.isEmpty()) {
            checks.add(new Check("Stored secrets", false, "this instance cannot decrypt the " + String.join("; the ",
                    unreadable), "Set ROSTER_SECRETS_KEY to the key the other instances use, the same on every"
                            + " instance (or list that key in ROSTER_SECRETS_OLD_KEYS), and restart; or enter the"
                            + " secrets again here and rotate the hook secret."));
        }
        HttpResponse<String> discovery = discovery(c, checks);
        if (discovery != null) {
            checks.add(clockSkew(discovery));
            checks.add(clientCredentials(c));
        }
        if (c.hasApiCredentials()) {
            apiCredentials(c, checks);
        } else {
            checks.add(new Check("API credentials", !c.provisioningEnabled(), "none saved",
                    "Create an API token (Security → API → Tokens) or a service app, and save it here."));
        }
        checks.add(hook(c));
        return checks;
    }

    private HttpResponse<String> discovery(OktaConnection c, List<Check> checks) {
        String url = c.issuer() + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                checks.add(new Check("Org URL and discovery", false, url + " answered " + response.statusCode(),
                        "Check the org URL and the authorization server (\"org\" or a custom server's id)."));
                return null;
            }
            String issuer = json.readTree(response.body()).path("issuer").asString("");
            boolean ok = issuer.equals(c.issuer());
            checks.add(new Check("Org URL and discovery", ok, ok ? "issuer " + issuer : "issuer is " + issuer
                    + ", expected " + c.issuer(), ok ? null : "Use the org's own URL, not a custom domain alias."));
            return response;
        } catch (Exception e) {
            checks.add(new Check("Org URL and discovery", false, "cannot reach " + url + ": " + e.getMessage(),
                    "Check the org URL (https://your-org.okta.com) and that Roster can reach it."));
            return null;
        }
    }

    private Check clockSkew(HttpResponse<String> response) {
        return response.headers().firstValue("Date").map(date -> {
            Instant theirs = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration skew = Duration.between(theirs, Instant.now(clock)).abs();
            boolean ok = skew.compareTo(MAX_SKEW) <= 0;
            return new Check("Clock", ok, "differs from Okta's by " + skew.toSeconds() + " s",
                    ok ? null : "Sync this server's clock (NTP): sign-in tokens are time-limited.");
        }).orElse(new Check("Clock", true, "Okta sent no Date header to compare", null));
    }

    private Check clientCredentials(OktaConnection c) {
        if (c.clientSecret() == null) {
            return new Check("Client id and secret", !c.ssoEnabled(), "no client secret saved",
                    "Copy the app's client secret from Okta (General → Client Credentials).");
        }
        if (!c.clientSecret().readable()) {
            return new Check("Client id and secret", false, "the stored client secret cannot be decrypted",
                    "See \"Stored secrets\".");
        }
        String tokenUrl = OktaConnection.ORG_AUTHORIZATION_SERVER.equals(c.authorizationServer())
                ? c.orgUrl() + "/oauth2/v1/token" : c.issuer() + "/v1/token";
        String basic = Base64.getEncoder().encodeToString((c.clientId() + ":" + c.clientSecret().reveal())
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=openid")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String error = response.statusCode() == 200 ? "" : json.readTree(response.body()).path("error").asString("");
            boolean ok = !"invalid_client".equals(error) && response.statusCode() != 401;
            return new Check("Client id and secret", ok, ok ? "Okta accepted them" : "Okta answered invalid_client",
                    ok ? null : "Copy the client id (0oa…) and secret of the OIDC web app again from Okta.");
        } catch (Exception e) {
            return new Check("Client id and secret", false, "token endpoint unreachable: " + e.getMessage(),
                    "Check the org URL.");
        }
    }

    private void apiCredentials(OktaConnection c, List<Check> checks) {
        Secret credential = c.serviceApp() != null ? c.serviceApp().privateKeyPem() : c.apiToken();
        if (!credential.readable()) {
            checks.add(new Check("API credentials: read users", false, "the stored credential cannot be decrypted",
                    "See \"Stored secrets\"."));
            return;
        }
        OktaApi api = clients.forConnection(c);
        try {
            api.user("00u00000000000000000");
            checks.add(new Check("API credentials: read users", true, "okta.users.read works", null));
        } catch (OktaApiException e) {
            checks.add(new Check("API credentials: read users", false, e.getMessage(), fix(e, "okta.users.read")));
            return;
        }
        try {
            AppUserPage page = api.appUsers(c.appId(), null, 200);
            String count = page.next() == null ? String.valueOf(page.users().size()) : "more than " + page.users().size();
            checks.add(new Check("App and its assigned users", !page.users().isEmpty(),
                    count + " people assigned to app " + c.appId(),
                    page.users().isEmpty() ? "Assign people (or groups) to the Roster app in Okta." : null));
        } catch (OktaApiException e) {
            checks.add(new Check("App and its assigned users", false, e.getMessage(),
                    e.status() == 404 ? "The client id is not an app of this org: copy it from the app's General tab."
                            : fix(e, "okta.apps.read")));
        }
    }

    private static String fix(OktaApiException e, String scope) {
        if (e.status() == 401) {
            return "The API token is wrong or expired (tokens expire after 30 days unused): create a new one.";
        }
        if (e.status() == 403 || (e.getMessage() != null && e.getMessage().contains("invalid_scope"))) {
            return "Grant the scope " + scope + " to the service app (Okta API Scopes tab), or use an admin's API token.";
        }
        return "Okta answered an error; try again, then check Okta's status page.";
    }

    private Check hook(OktaConnection c) {
        if (!c.hookSecret().readable()) {
            return new Check("Event hook", false, "deliveries are refused (401): the hook secret cannot be decrypted",
                    "See \"Stored secrets\".");
        }
        Instant last = jdbc.sql("SELECT MAX(received_at) AS last_delivery FROM okta_hook_delivery WHERE account_id = ?")
                .param(c.accountId()).query((rs, n) -> Instants.read(rs, "last_delivery")).optional().orElse(null);
        return new Check("Event hook", last != null, last == null ? "no delivery received yet"
                : "last delivery " + last, last == null
                        ? "Create the event hook in Okta with this account's hook URL and secret, verify it, and"
                                + " change someone in Okta to see a delivery arrive." : null);
    }

}
