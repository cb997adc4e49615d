package dev.roster.oktasimulator.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.oktasimulator.OktaUser;
import dev.roster.oktasimulator.Org;
import dev.roster.oktasimulator.ServiceApp;
import dev.roster.oktasimulator.internal.Exchange;
import dev.roster.oktasimulator.internal.Ids;
import dev.roster.oktasimulator.internal.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * /v1/token: authorization_code (client_secret_basic or client_secret_post, PKCE S256) for the web app, and
 * client_credentials with private_key_jwt for service apps (okta.* scopes from the org server only).
 */
public final class TokenEndpoint {
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final long TOKEN_LIFETIME_SECONDS = 3600;

    private final Org org;
    private final TokenStore tokens;
    private final Clock clock;
    private final String clientSecret;
    private final Map<String, Long> usedJtis = new ConcurrentHashMap<>();

    public TokenEndpoint(Org org, TokenStore tokens, Clock clock, String clientSecret) {
        this.org = org;
        this.tokens = tokens;
        this.clock = clock;
        this.clientSecret = clientSecret;
    }

    void handle(Exchange ex, AuthorizationServer server, AuthorizeEndpoint authorize) throws IOException {
        ex.setHeader("Cache-Control", "no-store");
        ex.setHeader("Pragma", "no-cache");
        if (!"POST".equals(ex.method())) {
            error(ex, 405, "invalid_request", "The token endpoint only accepts POST.");
            return;
        }
        Map<String, List<String>> form = ex.form();
        String grantType = first(form, "grant_type");
        if (JWT_BEARER.equals(first(form, "client_assertion_type"))) {
            clientCredentials(ex, server, form, grantType);
        } else if ("authorization_code".equals(grantType)) {
            authorizationCode(ex, server, form, authorize);
        } else if ("client_credentials".equals(grantType)) {
            if (authenticateWebApp(ex, form) != null) {
                error(ex, 400, "unauthorized_client", "The client is not authorized to use the provided grant type."
                        + " Configured grant types: [authorization_code].");
            }
        } else {
            error(ex, 400, "unsupported_grant_type", "The authorization grant type is not supported by the"
                    + " authorization server. Configured grant types: [authorization_code, client_credentials].");
        }
    }

    private void authorizationCode(Exchange ex, AuthorizationServer server, Map<String, List<String>> form,
            AuthorizeEndpoint authorize) throws IOException {
        String clientId = authenticateWebApp(ex, form);
        if (clientId == null) {
            return;
        }
        CodeGrant grant = authorize.redeem(first(form, "code"));
        if (grant == null || !grant.request().clientId().equals(clientId) || grant.request().server() != server) {
            error(ex, 400, "invalid_grant", "The authorization code is invalid or has expired.");
            return;
        }
        if (!grant.request().redirectUri().equals(first(form, "redirect_uri"))) {
            error(ex, 400, "invalid_grant",
                    "The 'redirect_uri' does not match the redirection URI used in the authorization request.");
            return;
        }
        String verifier = first(form, "code_verifier");
        if (grant.request().codeChallenge() != null
                && (verifier == null || !s256(verifier).equals(grant.request().codeChallenge()))) {
            error(ex, 400, "invalid_grant", "PKCE verification failed.");
            return;
        }
        if (grant.request().codeChallenge() == null && verifier != null) {
            error(ex, 400, "invalid_request", "The 'code_verifier' parameter was provided but no code challenge"
                    + " was sent in the authorization request.");
            return;
        }
        OktaUser user = org.user(grant.userId());
        if (user == null || !"ACTIVE".equals(user.status())) {
            error(ex, 400, "invalid_grant", "The authorization code is invalid or has expired.");
            return;
        }
        Set<String> scopes = grant.request().scopes();
        long now = clock.millis() / 1000;
        String accessToken = accessToken(server, clientId, user, scopes, now, grant.authTime() / 1000);
        tokens.put(accessToken, new TokenStore.Grant(clientId, user.id(), scopes, (now + TOKEN_LIFETIME_SECONDS) * 1000,
                server.issuer(), grant.authTime()));
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder();
        Claims.user(user, scopes).forEach(id::claim);
        id.claim("ver", 1).issuer(server.issuer()).audience(clientId).issueTime(new Date(now * 1000))
                .expirationTime(new Date((now + TOKEN_LIFETIME_SECONDS) * 1000)).jwtID("ID." + Ids.secret(43))
                .claim("amr", List.of("pwd")).claim("idp", org.orgId())
                .claim("auth_time", grant.authTime() / 1000).claim("at_hash", atHash(accessToken));
        if (grant.request().nonce() != null) {
            id.claim("nonce", grant.request().nonce());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME_SECONDS);
        body.put("access_token", accessToken);
        body.put("scope", String.join(" ", scopes));
        body.put("id_token", server.keys().sign(id.build()));
        ex.json(200, Json.write(body));
    }

    private String accessToken(AuthorizationServer server, String clientId, OktaUser user, Set<String> scopes,
            long now, long authTime) {
        JWTClaimsSet.Builder at = new JWTClaimsSet.Builder().claim("ver", 1).jwtID("AT." + Ids.secret(43))
                .issuer(server.issuer()).audience(server.accessTokenAudience()).issueTime(new Date(now * 1000))
                .expirationTime(new Date((now + TOKEN_LIFETIME_SECONDS) * 1000)).claim("cid", clientId)
                .claim("scp", List.copyOf(scopes));
        if (user != null) {
            at.claim("uid", user.id()).subject(user.login()).claim("auth_time", authTime);
        } else {
            at.subject(clientId);
        }
        return server.keys().signAccessToken(at.build());
    }

    /** client_secret_basic or client_secret_post; answers 401 invalid_client itself and returns null on failure. */
    private String authenticateWebApp(Exchange ex, Map<String, List<String>> form) throws IOException {
        String id = first(form, "client_id");
        String secret = first(form, "client_secret");
        String header = ex.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                id = null;
            }
        }
        if (id == null || secret == null || !id.equals(org.app().id) || !MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8))) {
            error(ex, 401, "invalid_client", "Client authentication failed. Either the client or the client"
                    + " credentials are invalid.");
            return null;
        }
        return id;
    }

    private void clientCredentials(Exchange ex, AuthorizationServer server, Map<String, List<String>> form,
            String grantType) throws IOException {
        String assertion = first(form, "client_assertion");
        String failure;
        ServiceApp app = null;
        try {
            SignedJWT jwt = SignedJWT.parse(assertion == null ? "" : assertion);
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            app = org.serviceApp(c.getIssuer());
            failure = checkAssertion(jwt, c, app, server, first(form, "client_id"));
        } catch (ParseException | JOSEException e) {
            failure = "The client_assertion token is not a valid JWT.";
        }
        if (failure != null) {
            error(ex, 401, "invalid_client", failure);
            return;
        }
        if (!"client_credentials".equals(grantType)) {
            error(ex, 400, "unsupported_grant_type", "The authorization grant type is not supported by the"
                    + " authorization server. Configured grant types: [client_credentials].");
            return;
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(
                (first(form, "scope") == null ? "" : first(form, "scope")).trim().split("\\s+")));
        scopes.remove("");
        if (scopes.isEmpty()) {
            error(ex, 400, "invalid_scope", "The authorization server resource does not have any configured"
                    + " default scopes, 'scope' must be provided.");
            return;
        }
        Set<String> notGranted = new LinkedHashSet<>(scopes);
        notGranted.removeAll(app.grantedScopes());
        if (!notGranted.isEmpty() || !server.org()) {
            error(ex, 400, "invalid_scope", "The following scopes are not configured for this application: "
                    + String.join(" ", server.org() ? notGranted : scopes) + ".");
            return;
        }
        long now = clock.millis() / 1000;
        String token = accessToken(server, app.clientId(), null, scopes, now, 0);
        tokens.put(token, new TokenStore.Grant(app.clientId(), null, scopes, (now + TOKEN_LIFETIME_SECONDS) * 1000,
                server.issuer(), 0));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME_SECONDS);
        body.put("access_token", token);
        body.put("scope", String.join(" ", scopes));
        ex.json(200, Json.write(body));
    }

    /** The private_key_jwt rules: signature by the app's key, iss = sub = client id, aud, exp ≤ 1 h, fresh jti. */
    private String checkAssertion(SignedJWT jwt, JWTClaimsSet c, ServiceApp app, AuthorizationServer server,
            String clientIdParam) throws JOSEException {
        if (app == null || !app.clientId().equals(c.getSubject())
                || (clientIdParam != null && !clientIdParam.equals(app.clientId()))) {
            return "The client_assertion token's 'iss' and 'sub' must both be the client_id of a registered client.";
        }
        JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                ((AsymmetricJWK) app.publicKey()).toPublicKey());
        if (!jwt.verify(verifier)) {
            return "The client_assertion signature is invalid.";
        }
        if (c.getAudience() == null || !c.getAudience().contains(server.endpoint("token"))) {
            return "The audience claim for client_assertion must be the endpoint invoked for the request.";
        }
        long now = clock.millis();
        if (c.getExpirationTime() == null || c.getExpirationTime().getTime() < now) {
            return "The client_assertion token is expired.";
        }
        if (c.getExpirationTime().getTime() > now + 3_600_000L + 60_000L) {
            return "The client_assertion token has an expiration too far into the future.";
        }
        String jti = c.getJWTID();
        if (jti == null) {
            return "The client_assertion token must contain a 'jti' claim.";
        }
        usedJtis.values().removeIf(until -> until < now);
        if (usedJtis.putIfAbsent(app.clientId() + " " + jti, c.getExpirationTime().getTime()) != null) {
            return "The client_assertion token has already been used (jti replay).";
        }
        return null;
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String atHash(String accessToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(Exchange ex, int status, String error, String description) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        ex.json(status, Json.write(body));
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
