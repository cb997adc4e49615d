package dev.roster.sso;

import org.springframework.boot.test.context.TestComponent;

import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaSettings;
import dev.roster.support.TestAccounts.TestAccount;

/** Connects a test account to an identity provider (the simulator or a test's own), as an admin would. */
@TestComponent
class SsoAccounts {

    private final OktaConnections connections;

    SsoAccounts(OktaConnections connections) {
        this.connections = connections;
    }

    /** SSO on, provisioning off (no hooks or syncs run behind the test's back). */
    void connect(TestAccount account, String orgUrl, String clientId, String clientSecret, String apiToken) {
        save(account, orgUrl, "org", clientId, clientSecret, apiToken, false, false);
    }

    void save(TestAccount account, String orgUrl, String authorizationServer, String clientId, String clientSecret,
            String apiToken, boolean membersMustUseSso, boolean ssoCreatesPeople) {
        connections.save(account.id(), OktaSettings.builder(orgUrl, clientId)
                .authorizationServer(authorizationServer)
                .clientSecret(clientSecret)
                .apiToken(apiToken)
                .ssoEnabled(true)
                .provisioningEnabled(false)
                .membersMustUseSso(membersMustUseSso)
                .ssoCreatesPeople(ssoCreatesPeople)
                .build());
    }

    /** SSO and provisioning on (no event hook registered), SSO allowed to create people. */
    void connectWithProvisioning(TestAccount account, String orgUrl, String clientId, String clientSecret,
            String apiToken) {
        connections.save(account.id(), OktaSettings.builder(orgUrl, clientId)
                .clientSecret(clientSecret)
                .apiToken(apiToken)
                .ssoEnabled(true)
                .provisioningEnabled(true)
                .membersMustUseSso(false)
                .ssoCreatesPeople(true)
                .build());
    }
}
