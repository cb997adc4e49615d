package dev.roster.oktasimulator.oidc;

/**
 * One of the org's authorization servers: the org server (issuer = orgUrl, endpoints /oauth2/v1/...) or the
 * custom "default" server (issuer = orgUrl/oauth2/default, endpoints /oauth2/default/v1/...).
 */
public record AuthorizationServer(String issuer, String endpointBase, String accessTokenAudience, KeyRing keys,
        boolean org) {
    public String endpoint(String name) {
        return endpointBase + "/v1/" + name;
    }
}
