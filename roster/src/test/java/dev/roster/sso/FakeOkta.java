package dev.roster.sso;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny OpenID provider whose token endpoint answers with whatever ID token the test crafts: the
 * forged, expired, mis-addressed and unsigned tokens of the OpenID RP certification cases, which a
 * well-behaved provider (or the simulator) never issues. Counts its discovery and JWKS fetches.
 */
final class FakeOkta implements AutoCloseable {

    final String clientId = "0oaFake" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String clientSecret = "fake-secret-" + UUID.randomUUID() + UUID.randomUUID();
    final AtomicInteger keyFetches = new AtomicInteger();
    final AtomicInteger discoveryFetches = new AtomicInteger();
    final List<Map<String, String>> tokenRequests = new ArrayList<>();
    /** The Management API's users (id → primary email), for {@code GET /api/v1/users/{id}}. */
    final Map<String, String> apiUsers = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpServer server;
    private final String issuer;
    private volatile List<RSAKey> published = new ArrayList<>();
    /** Makes the token endpoint's ID token; given the request's form. */
    volatile Function<Map<String, String>, String> idToken = form -> {
        throw new IllegalStateException("the test did not say which ID token to answer with");
    };

    FakeOkta() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        published.add(newKey());
        server.createContext("/", this::handle);
        server.start();
    }

    String issuer() {
        return issuer;
    }

    RSAKey key() {
        return published.get(0);
    }

    /** Publishes a new key only: tokens signed with it name a kid Roster has not seen yet. */
    RSAKey rotate() {
        RSAKey fresh = newKey();
        published = List.of(fresh);
        return fresh;
    }

    /** Claims of a valid ID token for this client; tests change one thing. */
    JWTClaimsSet.Builder claims(String nonce, String subject, String email) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).audience(clientId).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("auth_time", now.getEpochSecond()).claim("email", email).claim("email_verified", true)
                .claim("name", "Fake User").jwtID(UUID.randomUUID().toString());
        return nonce == null ? b : b.claim("nonce", nonce);
    }

    String signed(JWTClaimsSet claims) {
        return sign(claims, key(), key().getKeyID());
    }

    static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with the client secret as the key: accepted by clients that trust the token's own alg. */
    String hmacWithClientSecret(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key().getKeyID()).build(),
                    claims);
            jwt.sign(new MACSigner(clientSecret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/.well-known/openid-configuration" -> {
                    discoveryFetches.incrementAndGet();
                    json(ex, 200, discovery());
                }
                case "/oauth2/v1/keys" -> {
                    keyFetches.incrementAndGet();
                    List<JWK> keys = new ArrayList<>();
                    published.forEach(k -> keys.add(k.toPublicJWK()));
                    json(ex, 200, new JWKSet(keys).toString(true));
                }
                case "/oauth2/v1/token" -> token(ex);
                default -> {
                    String email = path.startsWith("/api/v1/users/") ? apiUsers.get(path.substring(14)) : null;
                    if (email == null) {
                        json(ex, 404, "{\"errorCode\":\"E0000007\",\"errorSummary\":\"Not found\"}");
                    } else {
                        json(ex, 200, "{\"id\":\"" + path.substring(14) + "\",\"status\":\"ACTIVE\",\"lastUpdated\":"
                                + "\"2026-01-01T00:00:00.000Z\",\"profile\":{\"login\":\"" + email + "\",\"email\":\""
                                + email + "\"}}");
                    }
                }
            }
        }
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            json(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        synchronized (tokenRequests) {
            tokenRequests.add(form);
        }
        json(ex, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"at-" + UUID.randomUUID()
                + "\",\"scope\":\"openid profile email\",\"id_token\":\"" + idToken.apply(form) + "\"}");
    }

    private String discovery() {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/v1/authorize","token_endpoint":"%1$s/oauth2/v1/token",
                 "jwks_uri":"%1$s/oauth2/v1/keys","userinfo_endpoint":"%1$s/oauth2/v1/userinfo",
                 "end_session_endpoint":"%1$s/oauth2/v1/logout","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                 "code_challenge_methods_supported":["S256"]}""".formatted(issuer);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
