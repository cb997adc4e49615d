/**
 * The people directory: people, teams, custom fields and the effective-manager rule, with the
 * pages and JSON API that read and edit them. Every query is scoped to one account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory",
        allowedDependencies = {"accounts", "common"})
package dev.roster.directory;
