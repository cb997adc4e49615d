package dev.roster.okta;

import java.math.BigDecimal;

/**
 * The connection settings as the API and the setup page send them. Secret fields left out (or
 * null) keep their stored value; a masked value sent back unchanged keeps it too.
 */
public record OktaSettings(
        String orgUrl,
        String authorizationServer,
        String clientId,
        String clientSecret,
        String apiToken,
        ServiceAppSettings serviceApp,
        String hookHeaderName,
        Boolean ssoEnabled,
        Boolean provisioningEnabled,
        Boolean withholdInvitations,
        Boolean membersMustUseSso,
        Boolean ssoCreatesPeople,
        BigDecimal rateLimitShare,
        String syncTimeUtc,
        Integer deprovisionMaxPercent,
        Integer deprovisionMaxCount) {

    /** {@code {"clientId": "…", "privateKeyPem": "…"}}. */
    public record ServiceAppSettings(String clientId, String privateKeyPem) {
    }

    /** The value shown in place of a stored secret. */
    public static final String MASK = "********";
}
