package dev.roster.provisioning.internal;

import java.util.Optional;
import java.util.UUID;

import dev.roster.provisioning.SyncOutcome;

/** Finds a person's Okta user by email ({@code search=profile.email eq "…"}) and syncs it. */
public interface UserSyncByEmail {

    /** Empty when no Okta user has the email. */
    Optional<SyncOutcome> sync(UUID accountId, String email);
}
