package dev.roster.retention;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How long each growing table keeps its rows ({@code roster.retention.*}); docs/PRODUCTION.md
 * justifies the defaults and gives the sizes they bound.
 *
 * @param hookEvents     the hook inbox's events, the dedupe table on each event's uuid: must outlive Okta's
 *                       one retry, which follows its 3-second time-out; a duplicate arriving later costs one
 *                       extra re-read of its user from Okta, never a wrong person (events are pings)
 * @param hookDeliveries the deliveries (dedupe on the envelope's eventId, the Okta page's list); at least as
 *                       long as {@code hookEvents}, whose rows reference them. The newest delivery of each
 *                       account is always kept, for "Test connection"
 * @param runChanges     each finished run's per-person change list (the run and its counts are kept)
 * @param signInAudit    the sign-in audit
 * @param invitations    an invitation accepted, or sent and expired, this long ago (one waiting to be sent
 *                       is never pruned; an admin can invite again)
 * @param batchSize      rows deleted per transaction, so that no prune holds locks or a connection for long
 * @param interval       time between two prune runs (on whichever instance picks the job)
 */
@Validated
@ConfigurationProperties("roster.retention")
public record RetentionProperties(
        @NotNull @DurationMin(hours = 1) @DefaultValue("3d") Duration hookEvents,
        @NotNull @DurationMin(hours = 1) @DefaultValue("7d") Duration hookDeliveries,
        @NotNull @DurationMin(days = 1) @DefaultValue("90d") Duration runChanges,
        @NotNull @DurationMin(days = 1) @DefaultValue("365d") Duration signInAudit,
        @NotNull @DurationMin(days = 1) @DefaultValue("30d") Duration invitations,
        @Min(10) @Max(10000) @DefaultValue("1000") int batchSize,
        @NotNull @DurationMin(seconds = 10) @DefaultValue("10m") Duration interval) {

    /** Events reference their delivery: a delivery cannot go before its events. */
    @AssertTrue(message = "roster.retention.hook-deliveries must be at least roster.retention.hook-events")
    public boolean isDeliveriesOutliveEvents() {
        return hookDeliveries == null || hookEvents == null || hookDeliveries.compareTo(hookEvents) >= 0;
    }
}
