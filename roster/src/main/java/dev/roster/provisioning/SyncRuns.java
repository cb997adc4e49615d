package dev.roster.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


import dev.roster.common.InvalidInputException;
import dev.roster.common.NotFoundException;
import dev.roster.common.PageOf;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.provisioning.internal.ReconcileQueue;
import dev.roster.provisioning.internal.SyncRunRepository;

/** Full reconciliations: start one, read them, and decide on held ones. */
@Service
public class SyncRuns {

    private final SyncRunRepository runs;
    private final OktaConnections connections;
    private final ReconcileQueue queue;
    private final Clock clock;

    SyncRuns(SyncRunRepository runs, OktaConnections connections, ReconcileQueue queue, Clock clock) {
        this.runs = runs;
        this.connections = connections;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Queues a reconciliation, or returns the one already queued or running: two runs of one
     * account never overlap.
     */
    @Transactional
    public SyncRun start(UUID accountId, String trigger) {
        OktaConnection connection = connections.find(accountId)
                .orElseThrow(() -> new NotFoundException("This account has no Okta connection yet."));
        if (!connection.provisioningEnabled() || !connection.hasApiCredentials()) {
            throw InvalidInputException.of("provisioningEnabled",
                    "switch provisioning on and give Roster API credentials first");
        }
        return queue.start(accountId, trigger, Instant.now(clock));
    }

    public Optional<SyncRun> find(UUID accountId, UUID runId) {
        return runs.find(accountId, runId);
    }

    public PageOf<SyncRun> page(UUID accountId, int page, int size) {
        return new PageOf<>(runs.page(accountId, page, size), page, size, runs.count(accountId));
    }

    /** What the run did to each person it changed, and the errors it met. */
    public List<RunChange> changes(UUID accountId, UUID runId) {
        require(accountId, runId);
        return runs.changesOf(accountId, runId).stream()
                .map(r -> new RunChange(r.personId(), r.oktaUserId(), r.kind(), r.changes(), r.error())).toList();
    }

    /** Who a held run would deactivate. */
    public List<UUID> held(UUID accountId, UUID runId) {
        require(accountId, runId);
        return runs.held(runId);
    }

    /** An admin approves a held run: its deactivations are applied now. */
    @Transactional
    public SyncRun approve(UUID accountId, UUID runId, UUID adminId) {
        requireHeld(accountId, runId);
        queue.approve(accountId, runId, adminId, Instant.now(clock));
        return require(accountId, runId);
    }

    /** An admin rejects a held run: nobody is deactivated. */
    @Transactional
    public SyncRun reject(UUID accountId, UUID runId, UUID adminId) {
        requireHeld(accountId, runId);
        queue.reject(runId, adminId, Instant.now(clock));
        return require(accountId, runId);
    }

    private SyncRun require(UUID accountId, UUID runId) {
        return runs.find(accountId, runId).orElseThrow(() -> new NotFoundException("No such sync run."));
    }

    private void requireHeld(UUID accountId, UUID runId) {
        if (!"held".equals(require(accountId, runId).status())) {
            throw InvalidInputException.of("status", "only a held run can be approved or rejected");
        }
    }

}
