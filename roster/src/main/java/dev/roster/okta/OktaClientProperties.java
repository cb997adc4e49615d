package dev.roster.okta;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How Roster calls Okta ({@code roster.okta.*}).
 *
 * @param maxAttempts   tries per call on 5xx or time-out before giving up (the job is then retried)
 * @param maxRateWaits  429 answers tolerated per call, each followed by a wait for the window's reset
 * @param maxWait       the longest single wait for a rate-limit window
 */
@Validated
@ConfigurationProperties("roster.okta")
public record OktaClientProperties(
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout,
        @Min(1) @DefaultValue("4") int maxAttempts,
        @NotNull @DefaultValue("250ms") Duration backoff,
        @NotNull @DefaultValue("10s") Duration maxBackoff,
        @Min(0) @DefaultValue("20") int maxRateWaits,
        @NotNull @DefaultValue("65s") Duration maxWait) {
}
