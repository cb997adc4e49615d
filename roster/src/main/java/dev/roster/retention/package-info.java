/**
 * Bounded tables: each module that owns a growing table (the hook inbox, run changes, the sign-in
 * audit, invitations) contributes a {@link dev.roster.retention.Pruner} for it; one recurring job
 * deletes what is older than the configured retention, a small batch per short transaction, and
 * reports rows pruned and table sizes as metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention",
        allowedDependencies = {"accounts"})
package dev.roster.retention;
