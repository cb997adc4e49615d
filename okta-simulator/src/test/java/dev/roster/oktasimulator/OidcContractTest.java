package dev.roster.oktasimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** okta.md §3, OpenID Connect: one test per fact the simulator implements. */
class OidcContractTest {
    @RegisterExtension
    static OktaSimulatorExtension okta = OktaSimulatorExtension.withOptions(SimulatorOptions.builder().users(30)
            .rateLimits(false).autoLogin(true).password("Secret-123").build());

    private static Map<String, Object> tokens(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.object(response);
    }

    private static JWTClaimsSet verified(OktaSimulator sim, String jwksPath, String jwt) throws Exception {
        JWKSet keys = JWKSet.parse(new TestHttp(sim).send("GET", jwksPath, null, null).body());
        SignedJWT signed = SignedJWT.parse(jwt);
        assertThat(signed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(key).as("kid published in jwks").isNotNull();
        assertThat(signed.verify(new RSASSAVerifier(key))).isTrue();
        return signed.getJWTClaimsSet();
    }

    @Test
    void orgServerWhenDiscoveryFetchedThenIssuerIsOrgUrlAndEndpointsUnderOauth2V1(OktaSimulator sim) {
        Map<String, Object> d = TestHttp.object(new TestHttp(sim).send("GET", "/.well-known/openid-configuration",
                null, null));

        assertThat(d).containsEntry("issuer", sim.orgUrl())
                .containsEntry("authorization_endpoint", sim.orgUrl() + "/oauth2/v1/authorize")
                .containsEntry("token_endpoint", sim.orgUrl() + "/oauth2/v1/token")
                .containsEntry("jwks_uri", sim.orgUrl() + "/oauth2/v1/keys")
                .containsEntry("userinfo_endpoint", sim.orgUrl() + "/oauth2/v1/userinfo")
                .containsEntry("end_session_endpoint", sim.orgUrl() + "/oauth2/v1/logout")
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("id_token_signing_alg_values_supported", List.of("RS256"));
    }

    @Test
    void customServerWhenDiscoveryFetchedThenIssuerIsOauth2DefaultAndEndpointsUnderIt(OktaSimulator sim) {
        Map<String, Object> d = TestHttp.object(new TestHttp(sim).send("GET",
                "/oauth2/default/.well-known/openid-configuration", null, null));

        assertThat(d).containsEntry("issuer", sim.orgUrl() + "/oauth2/default")
                .containsEntry("authorization_endpoint", sim.orgUrl() + "/oauth2/default/v1/authorize")
                .containsEntry("token_endpoint", sim.orgUrl() + "/oauth2/default/v1/token")
                .containsEntry("jwks_uri", sim.orgUrl() + "/oauth2/default/v1/keys");
    }

    @Test
    void authorizationCodeWhenPkceS256ThenCodeWithStateAndTokensIssued(OktaSimulator sim) {
        OidcFlow flow = new OidcFlow(sim);
        OktaUser user = TestHttp.generated(sim, 0);

        HttpResponse<String> redirect = flow.authorize(flow.defaults(user.login()));

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith(OidcFlow.REDIRECT + "?");
        Map<String, String> q = OidcFlow.query(redirect);
        assertThat(q).containsEntry("state", "state-123").containsKey("code");
        assertThat(tokens(flow.token(q.get("code")))).containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", 3600).containsKeys("access_token", "id_token");
    }

    @Test
    void pkceWhenPlainMethodThenRedirectedWithInvalidRequest(OktaSimulator sim) {
        OidcFlow flow = new OidcFlow(sim);
        Map<String, String> params = flow.defaults(TestHttp.generated(sim, 0).login());
        params.put("code_challenge", flow.verifier);
        params.put("code_challenge_method", "plain");

        Map<String, String> q = OidcFlow.query(flow.authorize(params));

        assertThat(q).containsEntry("error", "invalid_request").containsEntry("state", "state-123")
                .doesNotContainKey("code");
    }

    @Test
    void pkceWhenVerifierDoesNotMatchChallengeThenInvalidGrant(OktaSimulator sim) {
        OidcFlow flow = new OidcFlow(sim);
        String code = flow.code(TestHttp.generated(sim, 0).login());

        HttpResponse<String> response = flow.token(code, "a-different-verifier-0123456789-0123456789-01234");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(response)).containsEntry("error", "invalid_grant");
    }

    @Test
    void idTokenWhenIssuedThenRs256SignedWithOktaClaims(OktaSimulator sim) throws Exception {
        OidcFlow flow = new OidcFlow(sim);
        OktaUser user = TestHttp.generated(sim, 1);
        String idToken = (String) tokens(flow.token(flow.code(user.login()))).get("id_token");

        JWTClaimsSet c = verified(sim, "/oauth2/v1/keys", idToken);

        assertThat(c.getSubject()).isEqualTo(user.id()).startsWith("00u");
        assertThat(c.getIssuer()).isEqualTo(sim.issuer());
        assertThat(c.getAudience()).containsExactly(sim.clientId());
        assertThat(c.getExpirationTime()).isAfter(c.getIssueTime());
        assertThat(c.getClaims()).containsKeys("auth_time", "amr", "idp", "jti", "ver")
                .containsEntry("nonce", "nonce-456").containsEntry("email", user.email())
                .containsEntry("email_verified", true).containsEntry("preferred_username", user.login())
                .containsEntry("name", user.displayName())
                .containsEntry("given_name", user.profile().get("firstName"))
                .containsEntry("family_name", user.profile().get("lastName"))
                .containsEntry("locale", user.profile().get("locale"));
    }

    @Test
    void idTokenWhenOnlyOpenidScopeThenNoEmailOrProfileClaims(OktaSimulator sim) throws Exception {
        OidcFlow flow = new OidcFlow(sim);
        Map<String, String> params = flow.defaults(TestHttp.generated(sim, 2).login());
        params.put("scope", "openid");
        String code = OidcFlow.query(flow.authorize(params)).get("code");

        JWTClaimsSet c = verified(sim, "/oauth2/v1/keys", (String) tokens(flow.token(code)).get("id_token"));

        assertThat(c.getClaims()).doesNotContainKeys("email", "preferred_username", "name");
    }

    @Test
    void customServerWhenSignedInThenIdTokenIssuerIsOauth2Default(OktaSimulator sim) throws Exception {
        OidcFlow flow = new OidcFlow(sim, "/oauth2/default/v1");
        String code = flow.code(TestHttp.generated(sim, 3).login());

        JWTClaimsSet c = verified(sim, "/oauth2/default/v1/keys", (String) tokens(flow.token(code)).get("id_token"));

        assertThat(c.getIssuer()).isEqualTo(sim.orgUrl() + "/oauth2/default");
    }

    @Test
    void keysWhenRotatedThenNewKeySignsAndOldKeyStaysPublished(OktaSimulator sim) throws Exception {
        String before = sim.currentKeyId();
        sim.rotateSigningKey();
        OidcFlow flow = new OidcFlow(sim);

        String idToken = (String) tokens(flow.token(flow.code(TestHttp.generated(sim, 4).login()))).get("id_token");

        JWKSet keys = JWKSet.parse(new TestHttp(sim).send("GET", "/oauth2/v1/keys", null, null).body());
        assertThat(keys.getKeys()).extracting(k -> k.getKeyID()).contains(before, sim.currentKeyId());
        assertThat(SignedJWT.parse(idToken).getHeader().getKeyID()).isEqualTo(sim.currentKeyId()).isNotEqualTo(before);
    }

    @Test
    void keysAndDiscoveryWhenRateLimitedOrgThenNeverLimitedButTokenIs() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(3).autoLogin(true)
                .rateLimit("oauth2.token", 1).build())) {
            TestHttp http = new TestHttp(sim);
            TestHttp.awayFromMinuteBoundary();
            for (int i = 0; i < 30; i++) {
                assertThat(http.send("GET", "/oauth2/v1/keys", null, null).statusCode()).isEqualTo(200);
                assertThat(http.send("GET", "/.well-known/openid-configuration", null, null).statusCode())
                        .isEqualTo(200);
            }
            OidcFlow flow = new OidcFlow(sim);
            String login = TestHttp.generated(sim, 0).login();
            assertThat(flow.token(flow.code(login)).statusCode()).isEqualTo(200);

            HttpResponse<String> limited = flow.token(flow.code(login));

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("X-Rate-Limit-Limit")).contains("1");
        }
    }

    @Test
    void logoutWhenIdTokenHintAndPostLogoutRedirectUriThenRedirectedWithState(OktaSimulator sim) {
        OidcFlow flow = new OidcFlow(sim);
        String idToken = (String) tokens(flow.token(flow.code(TestHttp.generated(sim, 5).login()))).get("id_token");

        HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(URI.create(sim.orgUrl()
                + "/oauth2/v1/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                + OidcFlow.enc("http://localhost:9999/bye") + "&state=s1")).GET().build());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("http://localhost:9999/bye?state=s1");
    }

    @Test
    void logoutWhenIdTokenHintMissingThen400(OktaSimulator sim) {
        HttpResponse<String> response = new TestHttp(sim).send("GET", "/oauth2/v1/logout?state=x", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void identityKeyWhenEmailChangesThenSubStaysTheSame(OktaSimulator sim) throws Exception {
        OktaUser user = TestHttp.generated(sim, 6);
        OidcFlow flow = new OidcFlow(sim);
        JWTClaimsSet first = verified(sim, "/oauth2/v1/keys",
                (String) tokens(flow.token(flow.code(user.login()))).get("id_token"));
        sim.org().updateProfile(user.id(), Map.of("email", "changed." + user.email()));

        OidcFlow again = new OidcFlow(sim);
        JWTClaimsSet second = verified(sim, "/oauth2/v1/keys",
                (String) tokens(again.token(again.code(user.login()))).get("id_token"));

        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(second.getStringClaim("email")).isNotEqualTo(first.getStringClaim("email"));
    }

    @Test
    void authorizeWhenUserNotAssignedThenAccessDeniedRedirect(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(HookContractTest.profile("not.assigned"), true, false);
        OidcFlow flow = new OidcFlow(sim);

        Map<String, String> q = OidcFlow.query(flow.authorize(flow.defaults(user.login())));

        assertThat(q).containsEntry("error", "access_denied")
                .containsEntry("error_description", "User is not assigned to the client application.")
                .containsEntry("state", "state-123");
    }

    @Test
    void authorizeWhenUserNotActiveThenAccessDeniedRedirect(OktaSimulator sim) {
        OktaUser user = sim.org().createUser(HookContractTest.profile("suspended.user"), true, true);
        sim.org().lifecycle(user.id(), "suspend");
        OidcFlow flow = new OidcFlow(sim);

        Map<String, String> q = OidcFlow.query(flow.authorize(flow.defaults(user.login())));

        assertThat(q).containsEntry("error", "access_denied");
    }

    @Test
    void codeWhenUsedTwiceThenSecondRedemptionIsInvalidGrant(OktaSimulator sim) {
        OidcFlow flow = new OidcFlow(sim);
        String code = flow.code(TestHttp.generated(sim, 7).login());
        assertThat(flow.token(code).statusCode()).isEqualTo(200);

        HttpResponse<String> second = flow.token(code);

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(TestHttp.object(second)).containsEntry("error", "invalid_grant");
    }

    @Test
    void codeWhenOlderThanLifetimeThenInvalidGrant() throws Exception {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(3).autoLogin(true)
                .rateLimits(false).codeLifetime(Duration.ofMillis(50)).build())) {
            OidcFlow flow = new OidcFlow(sim);
            String code = flow.code(TestHttp.generated(sim, 0).login());
            Thread.sleep(120);

            assertThat(TestHttp.object(flow.token(code))).containsEntry("error", "invalid_grant");
        }
    }

    @Test
    void tokenWhenClientSecretPostThenTokensIssued(OktaSimulator sim) {
        OidcFlow flow = new OidcFlow(sim);
        String code = flow.code(TestHttp.generated(sim, 8).login());

        HttpResponse<String> response = new TestHttp(sim).form("/oauth2/v1/token", "grant_type=authorization_code"
                + "&code=" + code + "&redirect_uri=" + OidcFlow.enc(OidcFlow.REDIRECT) + "&code_verifier="
                + flow.verifier + "&client_id=" + sim.clientId() + "&client_secret=" + sim.clientSecret(), null);

        assertThat(tokens(response)).containsKey("id_token");
    }

    @Test
    void tokenWhenClientSecretWrongThen401InvalidClient(OktaSimulator sim) {
        OidcFlow flow = new OidcFlow(sim);
        String code = flow.code(TestHttp.generated(sim, 8).login());

        HttpResponse<String> response = new TestHttp(sim).form("/oauth2/v1/token", "grant_type=authorization_code"
                + "&code=" + code + "&redirect_uri=" + OidcFlow.enc(OidcFlow.REDIRECT) + "&code_verifier="
                + flow.verifier + "&client_id=" + sim.clientId() + "&client_secret=wrong", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.object(response)).containsEntry("error", "invalid_client");
    }

    @Test
    void userinfoWhenAccessTokenFromSignInThenUserClaims(OktaSimulator sim) {
        OktaUser user = TestHttp.generated(sim, 9);
        OidcFlow flow = new OidcFlow(sim);
        String accessToken = (String) tokens(flow.token(flow.code(user.login()))).get("access_token");

        Map<String, Object> claims = TestHttp.object(new TestHttp(sim).send("GET", "/oauth2/v1/userinfo", null,
                "Bearer " + accessToken));

        assertThat(claims).containsEntry("sub", user.id()).containsEntry("email", user.email())
                .containsEntry("preferred_username", user.login());
    }

    @Test
    void signInFormWhenNoAutoLoginThenFormAndOrgPasswordSignsIn() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(3).rateLimits(false)
                .password("Org-Pass-1").build())) {
            OktaUser user = TestHttp.generated(sim, 0);
            OidcFlow flow = new OidcFlow(sim);
            HttpResponse<String> form = flow.authorize(flow.defaults(user.login()));
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("name=\"username\"", "name=\"password\"");
            String tx = form.body().replaceAll("(?s).*name=\"tx\" value=\"([^\"]+)\".*", "$1");
            TestHttp http = new TestHttp(sim);

            HttpResponse<String> wrong = http.form("/login/signin", "tx=" + tx + "&username=" + OidcFlow.enc(user.login())
                    + "&password=nope", null);
            HttpResponse<String> right = http.form("/login/signin", "tx=" + tx + "&username="
                    + OidcFlow.enc(user.login()) + "&password=Org-Pass-1", null);

            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).isEqualTo(302);
            assertThat(OidcFlow.query(right)).containsKey("code").containsEntry("state", "state-123");
        }
    }

    @Test
    void signInFormWhenTenWrongPasswordsThenUserLockedOut() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(3).rateLimits(false)
                .password("Org-Pass-1").build())) {
            OktaUser user = sim.org().users().get(1);
            OidcFlow flow = new OidcFlow(sim);
            String tx = flow.authorize(flow.defaults(user.login())).body()
                    .replaceAll("(?s).*name=\"tx\" value=\"([^\"]+)\".*", "$1");

            for (int i = 0; i < 10; i++) {
                new TestHttp(sim).form("/login/signin", "tx=" + tx + "&username=" + OidcFlow.enc(user.login())
                        + "&password=wrong", null);
            }

            assertThat(sim.org().user(user.id()).status()).isEqualTo("LOCKED_OUT");
        }
    }

    @Test
    void redirectUriWhenNotRegisteredThenErrorPageNotRedirect() {
        try (OktaSimulator sim = OktaSimulator.start(SimulatorOptions.builder().users(3).rateLimits(false)
                .autoLogin(true).redirectUri("http://localhost:8080/callback").build())) {
            OidcFlow flow = new OidcFlow(sim);

            HttpResponse<String> response = flow.authorize(flow.defaults(TestHttp.generated(sim, 0).login()));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void promptNoneWhenNoSessionThenLoginRequired(OktaSimulator sim) {
        OidcFlow flow = new OidcFlow(sim);
        Map<String, String> params = flow.defaults(null);
        params.put("prompt", "none");

        assertThat(OidcFlow.query(flow.authorize(params))).containsEntry("error", "login_required");
    }
}
