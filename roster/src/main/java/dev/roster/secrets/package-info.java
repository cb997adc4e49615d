/**
 * Secrets at rest: AES-GCM encryption of client secrets, API tokens, private keys and hook
 * secrets, with a key id in every value so keys can rotate. Nothing here ever logs a secret.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Secrets",
        allowedDependencies = {})
package dev.roster.secrets;
