/**
 * Access: who may act in an account and how they prove it. Local sign-in with throttling, API
 * tokens for the JSON API, the first-run bootstrap, and resolving each request's account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access",
        allowedDependencies = {"accounts", "common", "directory"})
package dev.roster.access;
