/**
 * SCIM 2.0 (RFC 7643/7644) as an account's provisioning source: the service provider at
 * {@code /scim/v2/{key}} that Okta, Entra ID or any SCIM client pushes users into, and its tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SCIM",
        allowedDependencies = {"accounts", "common", "directory", "okta"})
package dev.roster.scim;
