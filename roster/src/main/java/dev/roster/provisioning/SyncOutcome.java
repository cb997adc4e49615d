package dev.roster.provisioning;

import java.util.List;
import java.util.UUID;

/**
 * What syncing one Okta user did to the directory: the closed set of outcomes of provisioning's
 * decision ({@code docs/SYNC-STATES.md} is its table).
 */
public sealed interface SyncOutcome {

    /** The local person concerned, or null when there is none. */
    UUID personId();

    /** A new person, created invited (invitation pending unless the account withholds them). */
    record Created(UUID personId) implements SyncOutcome {
    }

    /** Fields changed; linking an Okta id to a person found by email is a change of {@code oktaId}. */
    record Updated(UUID personId, List<FieldChange> changes) implements SyncOutcome {
    }

    /** Nothing to write. */
    record Unchanged(UUID personId) implements SyncOutcome {
    }

    /** Deactivated because the user is deleted, unassigned, deprovisioned or suspended in Okta. */
    record Deactivated(UUID personId, String reason) implements SyncOutcome {
    }

    /** A person Okta had deactivated is assigned and active again. */
    record Reactivated(UUID personId, List<FieldChange> changes) implements SyncOutcome {
    }

    /** Refused: e.g. the email belongs to a person bound to another Okta id. Nothing written. */
    record Conflict(UUID personId, String reason) implements SyncOutcome {
    }

    /** Nothing to do: e.g. not assigned to the app and no local person, or a hand-made person. */
    record Skipped(UUID personId, String reason) implements SyncOutcome {
    }

    /** One field's change, for run details and audit. */
    record FieldChange(String field, String oldValue, String newValue) {
    }
}
