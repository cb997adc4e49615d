package dev.roster.oktasimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** okta.md §2 "Credentials", the OAuth service app: client credentials with private_key_jwt. */
class ServiceAppContractTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(
            SimulatorOptions.builder().users(10).rateLimits(false).build());

    static RSAKey key;
    static RSAKey otherKey;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    private static String assertion(RSAKey signer, String clientId, String audience, long expSeconds, String jti)
            throws Exception {
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .issueTime(new Date(now)).expirationTime(new Date(now + expSeconds * 1000)).jwtID(jti).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static HttpResponse<String> token(OktaSimulator sim, String assertion, String scope) {
        return new TestHttp(sim).form("/oauth2/v1/token", "grant_type=client_credentials&scope=" + OidcFlow.enc(scope)
                + "&client_assertion_type=" + OidcFlow.enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + assertion, null);
    }

    private static String tokenUrl(OktaSimulator sim) {
        return sim.orgUrl() + "/oauth2/v1/token";
    }

    @Test
    void clientCredentialsWhenValidPrivateKeyJwtThenOneHourBearerTokenThatReadsUsersAndApps(OktaSimulator sim)
            throws Exception {
        ServiceApp app = sim.org().addServiceApp(key, Set.of("okta.users.read", "okta.apps.read"));

        HttpResponse<String> response = token(sim, assertion(key, app.clientId(), tokenUrl(sim), 300,
                UUID.randomUUID().toString()), "okta.users.read okta.apps.read");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = TestHttp.object(response);
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600)
                .containsEntry("scope", "okta.users.read okta.apps.read");
        String bearer = "Bearer " + body.get("access_token");
        TestHttp http = new TestHttp(sim);
        assertThat(http.send("GET", "/api/v1/users?limit=2", null, bearer).statusCode()).isEqualTo(200);
        assertThat(http.send("GET", "/api/v1/apps/" + sim.appId() + "/users", null, bearer).statusCode())
                .isEqualTo(200);
    }

    @Test
    void scopesWhenEndpointNeedsScopeTokenLacksThen403E0000006(OktaSimulator sim) throws Exception {
        ServiceApp app = sim.org().addServiceApp(key, Set.of("okta.users.read"));
        String token = (String) TestHttp.object(token(sim, assertion(key, app.clientId(), tokenUrl(sim), 300,
                UUID.randomUUID().toString()), "okta.users.read")).get("access_token");
        TestHttp http = new TestHttp(sim);

        HttpResponse<String> apps = http.send("GET", "/api/v1/apps/" + sim.appId() + "/users", null, "Bearer " + token);
        HttpResponse<String> write = http.send("POST", "/api/v1/users/" + TestHttp.generated(sim, 0).id(),
                "{\"profile\":{\"title\":\"x\"}}", "Bearer " + token);

        assertThat(apps.statusCode()).isEqualTo(403);
        assertThat(TestHttp.object(apps)).containsEntry("errorCode", "E0000006");
        assertThat(apps.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        assertThat(write.statusCode()).isEqualTo(403);
    }

    @Test
    void scopesWhenRequestingScopeNotGrantedThenInvalidScope(OktaSimulator sim) throws Exception {
        ServiceApp app = sim.org().addServiceApp(key, Set.of("okta.users.read"));

        HttpResponse<String> response = token(sim, assertion(key, app.clientId(), tokenUrl(sim), 300,
                UUID.randomUUID().toString()), "okta.users.manage");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(response)).containsEntry("error", "invalid_scope");
    }

    @Test
    void assertionWhenJtiReplayedThenInvalidClient(OktaSimulator sim) throws Exception {
        ServiceApp app = sim.org().addServiceApp(key, Set.of("okta.users.read"));
        String assertion = assertion(key, app.clientId(), tokenUrl(sim), 300, "same-jti");
        assertThat(token(sim, assertion, "okta.users.read").statusCode()).isEqualTo(200);

        HttpResponse<String> replay = token(sim, assertion, "okta.users.read");

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(TestHttp.object(replay)).containsEntry("error", "invalid_client");
    }

    @Test
    void assertionWhenAudienceIsNotTokenUrlThenInvalidClient(OktaSimulator sim) throws Exception {
        ServiceApp app = sim.org().addServiceApp(key, Set.of("okta.users.read"));

        HttpResponse<String> response = token(sim, assertion(key, app.clientId(), sim.orgUrl(), 300,
                UUID.randomUUID().toString()), "okta.users.read");

        assertThat(TestHttp.object(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void assertionWhenExpiryMoreThanOneHourAwayThenInvalidClient(OktaSimulator sim) throws Exception {
        ServiceApp app = sim.org().addServiceApp(key, Set.of("okta.users.read"));

        HttpResponse<String> response = token(sim, assertion(key, app.clientId(), tokenUrl(sim), 7200,
                UUID.randomUUID().toString()), "okta.users.read");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void assertionWhenExpiredThenInvalidClient(OktaSimulator sim) throws Exception {
        ServiceApp app = sim.org().addServiceApp(key, Set.of("okta.users.read"));

        HttpResponse<String> response = token(sim, assertion(key, app.clientId(), tokenUrl(sim), -10,
                UUID.randomUUID().toString()), "okta.users.read");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void assertionWhenSignedWithAnotherKeyThenInvalidClient(OktaSimulator sim) throws Exception {
        ServiceApp app = sim.org().addServiceApp(key, Set.of("okta.users.read"));

        HttpResponse<String> response = token(sim, assertion(otherKey, app.clientId(), tokenUrl(sim), 300,
                UUID.randomUUID().toString()), "okta.users.read");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.object(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void serviceAppWhenRegisteredOverSimEndpointWithPemThenTokenWorks(OktaSimulator sim) throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                key.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        HttpResponse<String> registered = new TestHttp(sim).send("POST", "/sim/service-apps",
                TestHttp.JSON.writeValueAsString(Map.of("publicKeyPem", pem, "scopes", java.util.List.of(
                        "okta.users.read"))), null);
        String clientId = (String) TestHttp.object(registered).get("clientId");

        HttpResponse<String> response = token(sim, assertion(key, clientId, tokenUrl(sim), 300,
                UUID.randomUUID().toString()), "okta.users.read");

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
