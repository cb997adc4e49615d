package dev.roster.provisioning.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.roster.okta.OktaConnection;
import dev.roster.common.InvalidInputException;
import dev.roster.okta.OktaSettings;

/** The Okta connection form. Secret fields come back empty unless the admin typed a new value. */
public class OktaSettingsForm {

    private String orgUrl;
    private String authorizationServer = OktaConnection.ORG_AUTHORIZATION_SERVER;
    private String clientId;
    private String clientSecret;
    private String apiToken;
    private String serviceAppClientId;
    private String serviceAppPrivateKey;
    private boolean ssoEnabled = true;
    private boolean provisioningEnabled = true;
    private boolean withholdInvitations;
    private boolean membersMustUseSso;
    private boolean ssoCreatesPeople = true;
    private int rateLimitPercent = 50;
    private String syncTimeUtc = "03:00";
    private int deprovisionMaxPercent = 20;
    private int deprovisionMaxCount = 500;

    static OktaSettingsForm of(OktaConnection c) {
        OktaSettingsForm form = new OktaSettingsForm();
        form.orgUrl = c.orgUrl();
        form.authorizationServer = c.authorizationServer();
        form.clientId = c.clientId();
        form.serviceAppClientId = c.serviceApp() == null ? null : c.serviceApp().clientId();
        form.ssoEnabled = c.ssoEnabled();
        form.provisioningEnabled = c.provisioningEnabled();
        form.withholdInvitations = c.withholdInvitations();
        form.membersMustUseSso = c.membersMustUseSso();
        form.ssoCreatesPeople = c.ssoCreatesPeople();
        form.rateLimitPercent = c.rateLimitShare().movePointRight(2).intValue();
        form.syncTimeUtc = c.syncTimeUtc().toString();
        form.deprovisionMaxPercent = c.deprovisionMaxPercent();
        form.deprovisionMaxCount = c.deprovisionMaxCount();
        return form;
    }

    /** Each field's label on the Okta page, so its problems are told in the page's own words and units. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("orgUrl", "Okta org URL"),
            Map.entry("authorizationServer", "Authorization server"), Map.entry("clientId", "App client id"),
            Map.entry("clientSecret", "Client secret"), Map.entry("apiToken", "API token"),
            Map.entry("serviceAppClientId", "Service app client id"),
            Map.entry("serviceAppPrivateKey", "The service app's private key"),
            Map.entry("rateLimitPercent", "Share of Okta's rate limits Roster may use"),
            Map.entry("syncTimeUtc", "Daily sync time"),
            Map.entry("deprovisionMaxPercent", "The share of linked people a sync may deactivate"),
            Map.entry("deprovisionMaxCount", "The number of people a sync may deactivate"),
            Map.entry("hookHeaderName", "Hook header name"));

    /**
     * The connection's problems under this form's field names: the form asks for a percentage where
     * the connection keeps a share, and spells the service app's fields flat.
     */
    static List<InvalidInputException.FieldProblem> onForm(List<InvalidInputException.FieldProblem> problems) {
        return problems.stream().map(p -> switch (p.field()) {
            case "rateLimitShare" -> new InvalidInputException.FieldProblem("rateLimitPercent", PERCENT);
            case "serviceApp.clientId" -> new InvalidInputException.FieldProblem("serviceAppClientId", p.message());
            case "serviceApp.privateKeyPem" -> new InvalidInputException.FieldProblem("serviceAppPrivateKey", p.message());
            default -> p;
        }).toList();
    }

    private static final String PERCENT = "must be between 1 and 100 %";

    OktaSettings toSettings() {
        if (rateLimitPercent < 1 || rateLimitPercent > 100) {
            throw InvalidInputException.of("rateLimitShare", PERCENT);
        }
        return new OktaSettings(orgUrl, authorizationServer, clientId, clientSecret, apiToken, serviceApp(), null,
                ssoEnabled, provisioningEnabled, withholdInvitations, membersMustUseSso, ssoCreatesPeople,
                BigDecimal.valueOf(rateLimitPercent).movePointLeft(2), syncTimeUtc, deprovisionMaxPercent,
                deprovisionMaxCount);
    }

    /** Left empty, the stored service app (if any) stays; its key is kept unless a new one is pasted. */
    private OktaSettings.ServiceAppSettings serviceApp() {
        if (serviceAppClientId == null || serviceAppClientId.isBlank()) {
            return null;
        }
        return new OktaSettings.ServiceAppSettings(serviceAppClientId, serviceAppPrivateKey);
    }

    public String getOrgUrl() { return orgUrl; }
    public void setOrgUrl(String orgUrl) { this.orgUrl = orgUrl; }
    public String getAuthorizationServer() { return authorizationServer; }
    public void setAuthorizationServer(String authorizationServer) { this.authorizationServer = authorizationServer; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public String getApiToken() { return apiToken; }
    public void setApiToken(String apiToken) { this.apiToken = apiToken; }
    public String getServiceAppClientId() { return serviceAppClientId; }
    public void setServiceAppClientId(String serviceAppClientId) { this.serviceAppClientId = serviceAppClientId; }
    public String getServiceAppPrivateKey() { return serviceAppPrivateKey; }
    public void setServiceAppPrivateKey(String serviceAppPrivateKey) { this.serviceAppPrivateKey = serviceAppPrivateKey; }
    public boolean isSsoEnabled() { return ssoEnabled; }
    public void setSsoEnabled(boolean ssoEnabled) { this.ssoEnabled = ssoEnabled; }
    public boolean isProvisioningEnabled() { return provisioningEnabled; }
    public void setProvisioningEnabled(boolean provisioningEnabled) { this.provisioningEnabled = provisioningEnabled; }
    public boolean isWithholdInvitations() { return withholdInvitations; }
    public void setWithholdInvitations(boolean withholdInvitations) { this.withholdInvitations = withholdInvitations; }
    public boolean isMembersMustUseSso() { return membersMustUseSso; }
    public void setMembersMustUseSso(boolean membersMustUseSso) { this.membersMustUseSso = membersMustUseSso; }
    public boolean isSsoCreatesPeople() { return ssoCreatesPeople; }
    public void setSsoCreatesPeople(boolean ssoCreatesPeople) { this.ssoCreatesPeople = ssoCreatesPeople; }
    public int getRateLimitPercent() { return rateLimitPercent; }
    public void setRateLimitPercent(int rateLimitPercent) { this.rateLimitPercent = rateLimitPercent; }
    public String getSyncTimeUtc() { return syncTimeUtc; }
    public void setSyncTimeUtc(String syncTimeUtc) { this.syncTimeUtc = syncTimeUtc; }
    public int getDeprovisionMaxPercent() { return deprovisionMaxPercent; }
    public void setDeprovisionMaxPercent(int deprovisionMaxPercent) { this.deprovisionMaxPercent = deprovisionMaxPercent; }
    public int getDeprovisionMaxCount() { return deprovisionMaxCount; }
    public void setDeprovisionMaxCount(int deprovisionMaxCount) { this.deprovisionMaxCount = deprovisionMaxCount; }
}
