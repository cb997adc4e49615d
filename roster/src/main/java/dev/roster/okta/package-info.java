/**
 * Okta connection: each account's org URL, app, credentials and integration switches, with
 * secrets encrypted at rest; the settings API and the facts every Okta-facing module reads.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Okta connection",
        allowedDependencies = {"accounts", "common", "secrets"})
package dev.roster.okta;
