/**
 * Single sign-on: each account signs in with its own Okta org over OpenID Connect (authorization
 * code + PKCE), people matched by Okta id then verified email; and the audit of every sign-in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Single sign-on",
        allowedDependencies = {"access", "accounts", "common", "directory", "okta", "provisioning", "retention", "secrets"})
package dev.roster.sso;
