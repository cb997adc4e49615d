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

    /**
     * Settings for the org at {@code orgUrl} and the app {@code clientId}, on the org authorization
     * server; every other field starts unset (null: keep the stored value, or the default).
     */
    public static Builder builder(String orgUrl, String clientId) {
        return new Builder(orgUrl, clientId);
    }

    /** Names each setting, instead of sixteen positional arguments. */
    public static final class Builder {

        private final String orgUrl;
        private final String clientId;
        private String authorizationServer = OktaConnection.ORG_AUTHORIZATION_SERVER;
        private String clientSecret;
        private String apiToken;
        private ServiceAppSettings serviceApp;
        private String hookHeaderName;
        private Boolean ssoEnabled;
        private Boolean provisioningEnabled;
        private Boolean withholdInvitations;
        private Boolean membersMustUseSso;
        private Boolean ssoCreatesPeople;
        private BigDecimal rateLimitShare;
        private String syncTimeUtc;
        private Integer deprovisionMaxPercent;
        private Integer deprovisionMaxCount;

        private Builder(String orgUrl, String clientId) {
            this.orgUrl = orgUrl;
            this.clientId = clientId;
        }

        public Builder authorizationServer(String value) {
            this.authorizationServer = value;
            return this;
        }

        public Builder clientSecret(String value) {
            this.clientSecret = value;
            return this;
        }

        public Builder apiToken(String value) {
            this.apiToken = value;
            return this;
        }

        public Builder serviceApp(ServiceAppSettings value) {
            this.serviceApp = value;
            return this;
        }

        public Builder hookHeaderName(String value) {
            this.hookHeaderName = value;
            return this;
        }

        public Builder ssoEnabled(Boolean value) {
            this.ssoEnabled = value;
            return this;
        }

        public Builder provisioningEnabled(Boolean value) {
            this.provisioningEnabled = value;
            return this;
        }

        public Builder withholdInvitations(Boolean value) {
            this.withholdInvitations = value;
            return this;
        }

        public Builder membersMustUseSso(Boolean value) {
            this.membersMustUseSso = value;
            return this;
        }

        public Builder ssoCreatesPeople(Boolean value) {
            this.ssoCreatesPeople = value;
            return this;
        }

        public Builder rateLimitShare(BigDecimal value) {
            this.rateLimitShare = value;
            return this;
        }

        public Builder syncTimeUtc(String value) {
            this.syncTimeUtc = value;
            return this;
        }

        public Builder deprovisionMaxPercent(Integer value) {
            this.deprovisionMaxPercent = value;
            return this;
        }

        public Builder deprovisionMaxCount(Integer value) {
            this.deprovisionMaxCount = value;
            return this;
        }

        public OktaSettings build() {
            return new OktaSettings(orgUrl, authorizationServer, clientId, clientSecret, apiToken, serviceApp,
                    hookHeaderName, ssoEnabled, provisioningEnabled, withholdInvitations, membersMustUseSso,
                    ssoCreatesPeople, rateLimitShare, syncTimeUtc, deprovisionMaxPercent, deprovisionMaxCount);
        }
    }
}
