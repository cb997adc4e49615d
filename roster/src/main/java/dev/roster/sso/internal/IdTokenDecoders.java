package dev.roster.sso.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

import dev.roster.sso.SsoProperties;

/**
 * ID token decoders, one per account registration, kept while the registration's issuer, keys URL
 * and client id stay the same, so each holds its own cached JWK set (Nimbus refetches it once when a
 * token names an unknown {@code kid}, which is how Okta's key rotation is followed).
 *
 * <p>OIDC Core §3.1.3.7: RS256 only, with keys from the issuer's JWKS ({@code none} and HMAC are
 * refused); {@code iss} exactly the account's issuer; {@code aud} contains the client id; {@code exp}
 * and {@code iat} within the clock skew; a subject. The nonce is checked by Spring's provider.
 */
@Component
public class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private record Entry(String fingerprint, JwtDecoder decoder) {
    }

    private final SsoProperties properties;
    private final Clock clock;
    private final RestTemplate http;
    private final Map<String, Entry> decoders = new ConcurrentHashMap<>();

    IdTokenDecoders(SsoProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.httpTimeout());
        factory.setReadTimeout(properties.httpTimeout());
        this.http = new RestTemplate(factory);
    }

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        String fingerprint = registration.getProviderDetails().getIssuerUri() + " "
                + registration.getProviderDetails().getJwkSetUri() + " " + registration.getClientId();
        return decoders.compute(registration.getRegistrationId(), (id, current) ->
                current != null && current.fingerprint().equals(fingerprint) ? current
                        : new Entry(fingerprint, build(registration))).decoder();
    }

    private JwtDecoder build(ClientRegistration registration) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(http)
                .build();
        OidcIdTokenValidator oidc = new OidcIdTokenValidator(registration);
        oidc.setClockSkew(properties.clockSkew());
        oidc.setClock(clock);
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, oidc, issuedNotInFuture()));
        decoder.setClaimSetConverter(new ClaimTypeConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
        return decoder;
    }

    /** A token "issued" beyond the skew in the future was made by a wrong clock or a forger; either way, no. */
    private OAuth2TokenValidator<Jwt> issuedNotInFuture() {
        return jwt -> {
            Instant iat = jwt.getIssuedAt();
            if (iat == null || iat.isAfter(Instant.now(clock).plus(properties.clockSkew()))) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_id_token",
                        "The ID token's iat is missing or in the future", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }
}
