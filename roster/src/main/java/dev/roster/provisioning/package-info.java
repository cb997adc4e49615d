/**
 * Provisioning from Okta: event hooks into a durable inbox, per-user sync jobs, the daily and
 * on-demand reconciliation, the field mapping and the manager override.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Provisioning",
        allowedDependencies = {"accounts", "common", "directory", "okta", "retention", "secrets"})
package dev.roster.provisioning;
