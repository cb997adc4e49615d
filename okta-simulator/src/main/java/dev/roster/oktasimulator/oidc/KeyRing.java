package dev.roster.oktasimulator.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.roster.oktasimulator.internal.Ids;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An authorization server's RS256 signing keys. Rotation makes a new key current and keeps the old one
 * published (and accepted) for the retention period, as Okta does, so clients that cache keys keep working.
 */
public final class KeyRing {
    private final Clock clock;
    private final long retentionMillis;
    private RSAKey current;
    private final List<Retired> retired = new ArrayList<>();

    public KeyRing(Clock clock, long retentionMillis) {
        this.clock = clock;
        this.retentionMillis = retentionMillis;
    }

    public synchronized RSAKey current() {
        if (current == null) {
            current = generate();
        }
        return current;
    }

    public synchronized void rotate() {
        if (current != null) {
            retired.add(new Retired(current, clock.millis() + retentionMillis));
        }
        current = generate();
    }

    public synchronized String jwksJson() {
        List<JWK> keys = new ArrayList<>();
        keys.add(current().toPublicJWK());
        prune();
        retired.forEach(r -> keys.add(r.key.toPublicJWK()));
        return new JWKSet(keys).toString(true);
    }

    public String sign(JWTClaimsSet claims) {
        RSAKey key = current();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String signAccessToken(JWTClaimsSet claims) {
        RSAKey key = current();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT this ring signed (with a published key), or null. */
    public synchronized JWTClaimsSet verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            String kid = jwt.getHeader().getKeyID();
            List<RSAKey> candidates = new ArrayList<>();
            candidates.add(current());
            prune();
            retired.forEach(r -> candidates.add(r.key));
            for (RSAKey key : candidates) {
                if (key.getKeyID().equals(kid) && jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                    return jwt.getJWTClaimsSet();
                }
            }
            return null;
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }

    private void prune() {
        long now = clock.millis();
        retired.removeIf(r -> r.until < now);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(Ids.secret(43)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Retired(RSAKey key, long until) {
    }
}
