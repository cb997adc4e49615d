/**
 * Invitation emails: queued per person on the job queue, sent over SMTP with retries, and the
 * accept link (a single-use, expiring token) that lets an invited person in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Invitations",
        allowedDependencies = {"access", "accounts", "common", "directory", "okta", "provisioning", "retention"})
package dev.roster.invitations;
