/** The operator command line in Roster's jar: {@code accounts}, {@code check}, {@code sync}; see {@code docs/CLI.md}. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line",
        allowedDependencies = {"accounts", "common", "directory", "okta", "provisioning"})
package dev.roster.cli;
