package dev.roster.sso;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Single sign-on settings ({@code roster.sso.*}, e.g. {@code ROSTER_SSO_CLOCK_SKEW}).
 *
 * @param clockSkew   tolerance for {@code exp} and {@code iat} of ID tokens (clocks drift a little)
 * @param httpTimeout connect and read timeout for Okta's discovery document and keys
 * @param scopes      asked of Okta; {@code email} brings the email and whether Okta verified it
 * @param discoveryTtl how long an instance keeps an issuer's discovery document (the account's settings
 *                    themselves are read at every sign-in)
 */
@Validated
@ConfigurationProperties("roster.sso")
public record SsoProperties(
        @NotNull @DefaultValue("60s") Duration clockSkew,
        @NotNull @DefaultValue("5s") Duration httpTimeout,
        @NotEmpty @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @NotNull @DefaultValue("10m") Duration discoveryTtl) {
}
