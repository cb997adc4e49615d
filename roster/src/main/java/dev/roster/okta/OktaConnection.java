package dev.roster.okta;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.roster.secrets.Secret;

/**
 * An account's connection to its Okta org, secrets decrypted (they print as {@code ****}).
 *
 * @param authorizationServer "org" for the org authorization server, else a custom server's id
 * @param clientId            the OIDC app's client id, which is also its app id ({@code 0oa…})
 * @param apiToken            an SSWS token, or null when a service app is used
 */
public record OktaConnection(
        UUID accountId,
        String orgUrl,
        String authorizationServer,
        String clientId,
        Secret clientSecret,
        Secret apiToken,
        ServiceApp serviceApp,
        Secret hookSecret,
        String hookHeaderName,
        boolean ssoEnabled,
        boolean provisioningEnabled,
        boolean withholdInvitations,
        boolean membersMustUseSso,
        boolean ssoCreatesPeople,
        BigDecimal rateLimitShare,
        LocalTime syncTimeUtc,
        int deprovisionMaxPercent,
        int deprovisionMaxCount,
        Instant updatedAt) {

    public static final String ORG_AUTHORIZATION_SERVER = "org";

    /** OAuth service app credentials: client id and the private key for {@code private_key_jwt}. */
    public record ServiceApp(String clientId, Secret privateKeyPem) {
    }

    /** The OpenID Connect issuer: the org itself, or {@code {org}/oauth2/{id}} for a custom server. */
    public String issuer() {
        return ORG_AUTHORIZATION_SERVER.equals(authorizationServer) ? orgUrl
                : orgUrl + "/oauth2/" + authorizationServer;
    }

    /** The Okta app whose assigned users Roster syncs. */
    public String appId() {
        return clientId;
    }

    public boolean hasApiCredentials() {
        return apiToken != null || serviceApp != null;
    }

    /** The stored secrets this instance cannot decrypt, each named with why ("hook secret: it was written with …"). */
    public List<String> unreadableSecrets() {
        List<String> unreadable = new ArrayList<>();
        addIfUnreadable(unreadable, "client secret", clientSecret);
        addIfUnreadable(unreadable, "API token", apiToken);
        addIfUnreadable(unreadable, "service app private key", serviceApp == null ? null : serviceApp.privateKeyPem());
        addIfUnreadable(unreadable, "hook secret", hookSecret);
        return unreadable;
    }

    private static void addIfUnreadable(List<String> unreadable, String name, Secret secret) {
        if (secret != null && !secret.readable()) {
            unreadable.add(name + ": " + secret.problem());
        }
    }

    /** How many deactivations a reconciliation may apply without an admin's approval. */
    public int deprovisionThreshold(int activeLinkedPeople) {
        return Math.min(deprovisionMaxCount, activeLinkedPeople * deprovisionMaxPercent / 100);
    }
}
