package dev.roster.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import com.nimbusds.jose.jwk.RSAKey;

import dev.roster.accounts.Role;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * ID token validation, modelled on the OpenID RP certification cases: a provider that answers with
 * crafted tokens, and Roster must sign nobody in with any of them.
 */
@Import(SsoAccounts.class)
class IdTokenAttackTests extends IntegrationTest {

    static FakeOkta fake;

    @Autowired
    SsoAccounts sso;

    @Autowired
    JdbcClient jdbc;

    TestAccount acme;
    String subject;
    String email;

    @BeforeAll
    static void startProvider() throws Exception {
        fake = new FakeOkta();
    }

    @AfterAll
    static void stopProvider() {
        fake.close();
    }

    @BeforeEach
    void setUp() {
        acme = accounts.create();
        sso.connect(acme, fake.issuer(), fake.clientId, fake.clientSecret, "00fake-api-token");
        subject = "00u" + acme.key();
        email = "jane@" + acme.key() + ".example";
        accounts.person(acme.account(), email, Role.MEMBER);
    }

    @Test
    void callbackWhenTokenValidThenSignedInWithPkceVerifierAndRedirectUriSent() throws Exception {
        SsoFlow flow = new SsoFlow(mvc);
        MvcResult result = answerWith(flow, nonce -> fake.signed(fake.claims(nonce, subject, email).build()));

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");
        Map<String, String> token = fake.tokenRequests.get(fake.tokenRequests.size() - 1);
        assertThat(token).containsEntry("grant_type", "authorization_code")
                .containsEntry("redirect_uri", "http://localhost/login/oauth2/code/" + acme.key());
        assertThat(s256(token.get("code_verifier"))).isEqualTo(SsoFlow.query(flow.authorize).get("code_challenge"));
    }

    @Test
    void callbackWhenSignatureIsNotTheIssuersThenRefused() throws Exception {
        // rp-id_token-bad-sig-rs256: the issuer's kid, another key's signature
        refused(nonce -> FakeOkta.sign(fake.claims(nonce, subject, email).build(), FakeOkta.newKey(),
                fake.key().getKeyID()), "id-token", "invalid_id_token");
    }

    @Test
    void callbackWhenTokenUnsignedAlgNoneThenRefused() throws Exception {
        // rp-id_token-sig-none
        refused(nonce -> FakeOkta.unsigned(fake.claims(nonce, subject, email).build()), "id-token", "invalid_id_token");
    }

    @Test
    void callbackWhenTokenIsHs256SignedWithClientSecretThenRefused() throws Exception {
        refused(nonce -> fake.hmacWithClientSecret(fake.claims(nonce, subject, email).build()), "id-token",
                "invalid_id_token");
    }

    @Test
    void callbackWhenIssuerIsAnotherThenRefused() throws Exception {
        // rp-id_token-issuer-mismatch
        refused(nonce -> fake.signed(fake.claims(nonce, subject, email).issuer("https://evil.okta.com").build()),
                "id-token", "invalid_id_token");
    }

    @Test
    void callbackWhenAudienceIsAnotherClientThenRefused() throws Exception {
        // rp-id_token-aud
        refused(nonce -> fake.signed(fake.claims(nonce, subject, email).audience("0oaSomeOtherApp").build()),
                "id-token", "invalid_id_token");
    }

    @Test
    void callbackWhenTokenExpiredThenRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        refused(nonce -> fake.signed(fake.claims(nonce, subject, email).issueTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past)).build()), "id-token", "invalid_id_token");
    }

    @Test
    void callbackWhenIssuedFarInTheFutureThenRefused() throws Exception {
        // rp-id_token-iat
        Instant future = Instant.now().plusSeconds(3600);
        refused(nonce -> fake.signed(fake.claims(nonce, subject, email).issueTime(Date.from(future))
                .expirationTime(Date.from(future.plusSeconds(3600))).build()), "id-token", "invalid_id_token");
    }

    @Test
    void callbackWhenNoSubjectThenRefused() throws Exception {
        refused(nonce -> fake.signed(fake.claims(nonce, null, email).build()), "id-token", "invalid_id_token");
    }

    @Test
    void callbackWhenNonceMissingThenRefused() throws Exception {
        refused(nonce -> fake.signed(fake.claims(null, subject, email).build()), "nonce", "invalid_nonce");
    }

    @Test
    void callbackWhenNonceIsAnotherSignInsThenRefused() throws Exception {
        // rp-nonce-invalid
        refused(nonce -> fake.signed(fake.claims("a-nonce-from-another-sign-in", subject, email).build()), "nonce",
                "invalid_nonce");
    }

    @Test
    void callbackWhenKidAbsentAndJwksHasOneKeyThenSignedIn() throws Exception {
        // rp-id_token-kid-absent-single-jwks
        MvcResult result = answerWith(new SsoFlow(mvc),
                nonce -> FakeOkta.sign(fake.claims(nonce, subject, email).build(), fake.key(), null));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");
    }

    @Test
    void callbackWhenProviderRotatedItsKeyThenOneJwksRefetchAndSignedInWithDiscoveryFetchedOnce() throws Exception {
        // rp-key-rotation-op-sign-key, on a provider of its own so the fetches counted are this test's
        try (FakeOkta rotating = new FakeOkta()) {
            TestAccount account = accounts.create();
            sso.connect(account, rotating.issuer(), rotating.clientId, rotating.clientSecret, null);
            String mail = "rotating@" + account.key() + ".example";
            accounts.person(account.account(), mail, Role.MEMBER);
            for (int i = 0; i < 2; i++) {
                assertThat(answerWith(account, new SsoFlow(mvc), rotating,
                        nonce -> rotating.signed(rotating.claims(nonce, "00urotating", mail).build()))
                        .getResponse().getRedirectedUrl()).endsWith("/people");
            }
            assertThat(rotating.keyFetches).hasValue(1);

            RSAKey fresh = rotating.rotate();
            MvcResult afterRotation = answerWith(account, new SsoFlow(mvc), rotating,
                    nonce -> FakeOkta.sign(rotating.claims(nonce, "00urotating", mail).build(), fresh, fresh.getKeyID()));

            assertThat(afterRotation.getResponse().getRedirectedUrl()).endsWith("/people");
            assertThat(rotating.keyFetches).hasValue(2);
            assertThat(rotating.discoveryFetches).hasValue(1);
        }
    }

    @Test
    void callbackWhenKidUnknownEvenAfterRefetchThenRefused() throws Exception {
        RSAKey attacker = FakeOkta.newKey();
        refused(nonce -> FakeOkta.sign(fake.claims(nonce, subject, email).build(), attacker, attacker.getKeyID()),
                "id-token", "invalid_id_token");
    }

    @Test
    void callbackWhenEmailNotVerifiedThenNeverMatchedByTheTokensEmail() throws Exception {
        // "nOAuth": an unverified email claim must not take over the person who owns that email;
        // Okta's own record for this user has another address
        fake.apiUsers.put("00uSomeoneElse", "someone-else@elsewhere.example");
        refused(nonce -> fake.signed(fake.claims(nonce, "00uSomeoneElse", email).claim("email_verified", false)
                .build()), "not-assigned", "not-assigned");
        assertThat(jdbc.sql("SELECT okta_id FROM person WHERE account_id = ? AND email = ?").params(acme.id(), email)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void callbackWhenEmailNotVerifiedThenOktaApisEmailLinksThePerson() throws Exception {
        fake.apiUsers.put(subject, email);
        MvcResult result = answerWith(new SsoFlow(mvc), nonce -> fake.signed(fake.claims(nonce, subject,
                "whatever@unverified.example").claim("email_verified", false).build()));

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/a/" + acme.key() + "/people");
        assertThat(jdbc.sql("SELECT okta_id FROM person WHERE account_id = ? AND email = ?").params(acme.id(), email)
                .query(String.class).single()).isEqualTo(subject);
    }

    @Test
    void startWhenDiscoveryNamesAnotherIssuerThenOktaUnavailablePage() throws Exception {
        // OIDC Discovery §4.3: the document fetched from localhost names 127.0.0.1, so it is not this issuer's
        sso.connect(acme, fake.issuer().replace("127.0.0.1", "localhost"), fake.clientId, fake.clientSecret, null);
        mvc.perform(get("/sso/okta/" + acme.key() + "/start")).andExpect(status().isServiceUnavailable())
                .andExpect(content().string(Matchers.containsString("Okta could not be reached")));
        assertThat(jdbc.sql("SELECT reason FROM sign_in_audit WHERE account_id = ?").param(acme.id())
                .query(String.class).single()).startsWith("okta-unavailable: discovery: the discovery document names");
    }

    @Test
    void startWhenDiscoveryMissingThenOktaUnavailablePageUntilSettingsFixed() throws Exception {
        sso.save(acme, fake.issuer(), "nosuchserver", fake.clientId, fake.clientSecret, null, false, false);
        mvc.perform(get("/sso/okta/" + acme.key() + "/start")).andExpect(status().isServiceUnavailable());
        sso.connect(acme, fake.issuer(), fake.clientId, fake.clientSecret, null);
        mvc.perform(get("/sso/okta/" + acme.key() + "/start")).andExpect(status().is3xxRedirection());
    }

    private void refused(Function<String, String> idToken, String problem, String auditReason) throws Exception {
        SsoFlow flow = new SsoFlow(mvc);
        MvcResult result = answerWith(flow, idToken);

        assertThat(result.getResponse().getRedirectedUrl())
                .isEqualTo("/sso/okta/" + acme.key() + "/problem?reason=" + problem);
        mvc.perform(get(acme.page("/people")).session(flow.session)).andExpect(status().is3xxRedirection());
        String reason = jdbc.sql("SELECT reason FROM sign_in_audit WHERE account_id = ? AND method = 'sso'"
                + " AND outcome = 'failure'").param(acme.id()).query(String.class).single();
        assertThat(reason).startsWith(auditReason);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_audit WHERE account_id = ? AND outcome = 'success'")
                .param(acme.id()).query(Integer.class).single()).isZero();
    }

    private MvcResult answerWith(SsoFlow flow, Function<String, String> idToken) throws Exception {
        return answerWith(acme, flow, fake, idToken);
    }

    /** Starts a sign-in, has the provider answer the code with the crafted token for its nonce, calls back. */
    private static MvcResult answerWith(TestAccount account, SsoFlow flow, FakeOkta provider,
            Function<String, String> idToken) throws Exception {
        Map<String, String> authorize = SsoFlow.query(flow.start(account.key()));
        provider.idToken = form -> idToken.apply(authorize.get("nonce"));
        return flow.callback(URI.create("/login/oauth2/code/" + account.key() + "?code=code-" + System.nanoTime()
                + "&state=" + URLEncoder.encode(authorize.get("state"), StandardCharsets.UTF_8)));
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
