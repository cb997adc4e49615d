package dev.roster.provisioning;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reconciliations run from an operator's terminal: a real one in the caller's thread, recorded
 * like any other run, and a dry run that lists Okta and decides every change with the same code
 * but writes nothing.
 */
public interface ForegroundReconciliation {

    /**
     * Runs a full reconciliation now, in the caller's thread (no job is queued, so no instance
     * picks it up), calling back after each page. It is recorded as a manual run, like the Okta
     * page's button.
     */
    RunOutcome run(UUID accountId, Consumer<Progress> progress);

    /** Lists Okta and decides what a reconciliation would change, writing nothing. */
    PreviewOutcome dryRun(UUID accountId, Consumer<Progress> progress);

    /**
     * How far a run has come.
     *
     * @param expected how many people the last complete listing named, for an estimate; 0 when unknown
     */
    record Progress(int pages, int listed, long rateLimitWaits, int expected) {
    }

    sealed interface RunOutcome {
    }

    sealed interface PreviewOutcome {
    }

    /** The run finished: succeeded, failed or held (see its status). */
    record Ran(SyncRun run) implements RunOutcome {
    }

    /** Another run of the account is queued or running; two never overlap. */
    record Busy(SyncRun active) implements RunOutcome {
    }

    /** No Okta connection, provisioning switched off, or no API credentials. */
    record NotReady(String reason) implements RunOutcome, PreviewOutcome {
    }

    record Previewed(DryRun dryRun) implements PreviewOutcome {
    }

    /** Okta could not be listed to the end; nothing was written either way. */
    record PreviewFailed(String error) implements PreviewOutcome {
    }
}
