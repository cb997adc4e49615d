package dev.roster.provisioning;

import java.util.UUID;

/** What a run did to one person: kind (created, updated, reactivated, deactivated, failed), changes, error. */
public record RunChange(UUID personId, String oktaUserId, String kind, String changes, String error) {
}
