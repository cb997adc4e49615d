package dev.roster.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import dev.roster.okta.OktaApi;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Provisioning's knobs ({@code roster.provisioning.*}).
 *
 * @param pageSize       app users per page of a reconciliation (Okta allows up to 500)
 * @param jobRetries     attempts of a failed per-user sync job before the nightly run is left to heal it
 * @param scheduleCheck  how often each instance looks for accounts whose daily run is due
 * @param scheduleSpread the window after its configured time in which an account's daily run starts, at a
 *                       fixed offset drawn from the account id, so that thousands of accounts at 03:00 do
 *                       not all start at once (default 1h: 03:00–03:59:59 GMT)
 * @param accountJobConcurrency  per-user jobs of one account running at once on one instance, so that one
 *                               account's hook storm leaves workers for the others
 * @param accountBurst           per-user jobs one account may queue within 10 seconds at full priority; the rest
 *                               of a storm goes after other accounts' jobs
 * @param reconcileConcurrency   reconciliations running at once on one instance; the others wait their turn,
 *                               so that long runs never take every worker from hook jobs
 * @param coalesceWindow         how long a user's sync waits after the event that queued it, so that further
 *                               events for that user within it join the same Okta read
 * @param readBatch              users waiting to sync re-read from Okta by one search ({@code id eq … or …}),
 *                               at most {@link OktaApi#MAX_IDS_PER_SEARCH}
 */
@Validated
@ConfigurationProperties("roster.provisioning")
public record ProvisioningProperties(
        @Min(1) @Max(500) @DefaultValue("500") int pageSize,
        @Min(1) @DefaultValue("5") int jobRetries,
        @NotNull @DefaultValue("5s") Duration jobRetryDelay,
        @NotNull @DefaultValue("1m") Duration scheduleCheck,
        @NotNull @DefaultValue("1h") Duration scheduleSpread,
        @Min(1) @DefaultValue("4") int accountJobConcurrency,
        @Min(1) @DefaultValue("50") int accountBurst,
        @Min(1) @DefaultValue("2") int reconcileConcurrency,
        @NotNull @DefaultValue("1s") Duration coalesceWindow,
        @Min(1) @Max(OktaApi.MAX_IDS_PER_SEARCH) @DefaultValue("100") int readBatch) {
}
