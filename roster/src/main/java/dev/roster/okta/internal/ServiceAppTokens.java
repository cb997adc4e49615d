package dev.roster.okta.internal;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.roster.okta.OktaApiException;
import dev.roster.okta.OktaConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for an OAuth service app: the client-credentials grant with a
 * {@code private_key_jwt} assertion (Okta's recommendation over API tokens), cached until shortly
 * before they expire.
 */
public class ServiceAppTokens {

    static final String SCOPES = "okta.users.read okta.apps.read";

    private final String tokenUrl;
    private final OktaConnection.ServiceApp app;
    private final JsonMapper json;
    private final RestClient http;
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public ServiceAppTokens(String orgUrl, OktaConnection.ServiceApp app, JsonMapper json, RestClient http) {
        this.tokenUrl = orgUrl + "/oauth2/v1/token";
        this.app = app;
        this.json = json;
        this.http = http;
    }

    public synchronized String token() {
        if (token == null || Instant.now().isAfter(expiresAt)) {
            fetch();
        }
        return token;
    }

    /** Drops the cached token, e.g. after Okta answered 401 to it. */
    public synchronized void forget() {
        token = null;
    }

    private void fetch() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", SCOPES);
        form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.add("client_assertion", assertion());
        try {
            String body = http.post().uri(tokenUrl).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(String.class);
            JsonNode answer = json.readTree(body);
            token = answer.path("access_token").asString();
            expiresAt = Instant.now().plusSeconds(Math.max(60, answer.path("expires_in").asLong(3600)) - 60);
        } catch (RestClientResponseException e) {
            throw new OktaApiException(e.getStatusCode().value(), null,
                    "Okta refused the service app's token request: " + e.getResponseBodyAsString());
        }
    }

    private String assertion() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(app.clientId()).subject(app.clientId())
                .audience(tokenUrl).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build();
        try {
            PrivateKey key = privateKey(app.privateKeyPem().reveal());
            JWSSigner signer = key instanceof ECPrivateKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAPrivateKey) key);
            JWSAlgorithm algorithm = key instanceof ECPrivateKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException | java.security.GeneralSecurityException e) {
            throw new OktaApiException(0, null, "The service app's private key cannot sign: " + e.getMessage());
        }
    }

    private static PrivateKey privateKey(String pem) throws java.security.GeneralSecurityException {
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (java.security.spec.InvalidKeySpecException e) {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }
}
