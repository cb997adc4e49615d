/**
 * Demo mode ({@code --demo} or {@code ROSTER_DEMO=true}): a ready-made account to explore, created
 * on first start, with the sign-in printed on the console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = {"accounts", "common", "directory", "okta", "oktasimulator", "provisioning", "secrets"})
package dev.roster.demo;
