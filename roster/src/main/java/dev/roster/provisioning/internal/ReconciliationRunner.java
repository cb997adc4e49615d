package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.directory.DirectorySync;
import dev.roster.directory.PersonView;
import dev.roster.directory.ProfileUpdate;
import dev.roster.directory.Source;
import dev.roster.okta.AppUserPage;
import dev.roster.okta.OktaApi;
import dev.roster.okta.OktaClients;
import dev.roster.okta.OktaConnection;
import dev.roster.okta.OktaConnections;
import dev.roster.okta.OktaUser;
import dev.roster.provisioning.ProvisioningProperties;
import dev.roster.provisioning.SyncOutcome;
import dev.roster.provisioning.mapping.MappingSettings;
import dev.roster.provisioning.sync.Observation;
import dev.roster.provisioning.sync.PersonWriter;

/**
 * A full reconciliation: stream the app's users page by page (one transaction each, memory bounded
 * by a page), then, only when the listing completed, deactivate the linked people it did not list —
 * or hold the run for an admin when they are more than the account's threshold.
 */
@Component
class ReconciliationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRunner.class);
    static final String NOT_LISTED = "no longer assigned to the app in Okta";
    private static final int PAGE_ATTEMPTS = 10;

    private final OktaConnections connections;
    private final OktaClients clients;
    private final MappingSettingsRepository mappings;
    private final SyncEngine engine;
    private final SyncRunRepository runs;
    private final OktaLinkRepository links;
    private final ManagerResolver managers;
    private final DirectorySync directory;
    private final ProvisioningProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ImportStatistics statistics;
    private final ExecutorService prefetch = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "okta-prefetch");
        thread.setDaemon(true);
        return thread;
    });

    ReconciliationRunner(OktaConnections connections, OktaClients clients, MappingSettingsRepository mappings,
            SyncEngine engine, SyncRunRepository runs, OktaLinkRepository links, ManagerResolver managers,
            DirectorySync directory, ProvisioningProperties properties, TransactionTemplate transaction, Clock clock,
            ImportStatistics statistics) {
        this.connections = connections;
        this.clients = clients;
        this.mappings = mappings;
        this.engine = engine;
        this.runs = runs;
        this.links = links;
        this.managers = managers;
        this.directory = directory;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.statistics = statistics;
    }

    void run(UUID accountId, UUID runId) {
        if (!Boolean.TRUE.equals(transaction.execute(s -> runs.started(runId, Instant.now(clock))))) {
            return;
        }
        RunTally tally = new RunTally();
        OktaApi api = null;
        long waitsBefore = 0;
        try {
            OktaConnection connection = connections.find(accountId)
                    .filter(c -> c.provisioningEnabled() && c.hasApiCredentials())
                    .orElseThrow(() -> new IllegalStateException("Provisioning from Okta is not switched on"));
            api = clients.forConnection(connection);
            waitsBefore = api.rateLimitWaits();
            MappingSettings settings = mappings.load(accountId);
            Map<String, UUID> teams = new HashMap<>();
            // Who the listing named: a set of ids (about 8 MB per 100,000 people), so listing writes nothing
            // for people who did not change.
            Set<UUID> listed = new HashSet<>();
            int createdAtLastAnalyze = 0;
            OktaApi okta = api;
            AppUserPage page = okta.appUsers(connection.appId(), null, properties.pageSize());
            while (page != null) {
                // Read the next page from Okta while this one is written: the two waits overlap.
                String next = page.next();
                CompletableFuture<AppUserPage> following = next == null ? null
                        : CompletableFuture.supplyAsync(() -> okta.appUsers(connection.appId(), next, 0), prefetch);
                apply(connection, settings, page, runId, listed, teams, tally, okta.rateLimitWaits() - waitsBefore);
                if (tally.created >= createdAtLastAnalyze * 2 + 2_000) {
                    statistics.refresh();
                    createdAtLastAnalyze = tally.created;
                }
                page = following == null ? null : join(following);
            }
            Set<UUID> stillAssigned = stillAssigned(okta, connection, listed);
            sweep(connection, runId, listed, stillAssigned, tally, api.rateLimitWaits() - waitsBefore);
        } catch (RuntimeException e) {
            // Interrupted: the job queue is stopping (shutdown). The flag is set again once the run is recorded.
            boolean stopping = Thread.interrupted();
            String reason = stopping ? SyncRunRepository.STOPPED : e.getMessage();
            log.warn("Reconciliation {} of account {} failed: {}", runId, accountId, reason);
            long waits = api == null ? 0 : api.rateLimitWaits() - waitsBefore;
            transaction.executeWithoutResult(s -> {
                runs.progress(runId, tally, waits);
                runs.finish(runId, "failed", 0, reason, Instant.now(clock));
            });
            if (stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void apply(OktaConnection connection, MappingSettings settings, AppUserPage page, UUID runId,
            Set<UUID> listed, Map<String, UUID> teams, RunTally tally, long waits) {
        List<Observation> observations = page.users().stream().map(u -> new Observation(u.id(), u, true)).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                applyOnce(connection, settings, observations, runId, listed, teams, tally, waits);
                return;
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                // A hook job (on any instance) created or changed one of this page's people meanwhile:
                // the page is decided again and then sees them. Each attempt gets past the people that
                // collided, so a few suffice even during a hook storm.
                if (attempt >= PAGE_ATTEMPTS) {
                    throw e;
                }
                teams.clear(); // a team made in the rolled-back transaction does not exist
                pause(ThreadLocalRandom.current().nextLong(20, 50L * attempt));
            }
        }
    }

    private void applyOnce(OktaConnection connection, MappingSettings settings, List<Observation> observations,
            UUID runId, Set<UUID> listed, Map<String, UUID> teams, RunTally tally, long waits) {
        transaction.executeWithoutResult(s -> {
            List<UserResult> results = engine.apply(connection, settings, observations, listed, teams);
            tally.pages++;
            tally.listed += observations.size();
            results.forEach(r -> tally.count(r.outcome()));
            runs.changes(changeRows(connection.accountId(), runId, results));
            runs.progress(runId, tally, waits);
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits for the prefetched page; interruptible, so that stopping the job queue stops the run. */
    private static AppUserPage join(CompletableFuture<AppUserPage> page) {
        try {
            return page.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            page.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @PreDestroy
    void stop() {
        prefetch.shutdownNow();
    }

    /**
     * The people the listing did not name whom Okta, asked one by one, still has assigned: a listing
     * can end early with a 200 and no next link, or someone can be added while it runs. Asked only when
     * the sweep would deactivate them (at most the threshold); past it, the run is held for an admin anyway.
     */
    private Set<UUID> stillAssigned(OktaApi api, OktaConnection connection, Set<UUID> listed) {
        UUID accountId = connection.accountId();
        List<UUID> active = activeLinked(accountId);
        List<UUID> missing = active.stream().filter(id -> !listed.contains(id)).toList();
        if (missing.isEmpty() || missing.size() > connection.deprovisionThreshold(active.size())) {
            return Set.of();
        }
        Set<UUID> present = new HashSet<>();
        for (OktaLink link : links.byPersonIds(accountId, missing).values()) {
            Optional<OktaUser> user = api.user(link.oktaId());
            boolean assigned = user.isPresent() && api.isAssigned(connection.appId(), link.oktaId());
            if (new Observation(link.oktaId(), user.orElse(null), assigned).absentReason() == null) {
                present.add(link.personId());
            }
        }
        return present;
    }

    /**
     * The listing completed: deactivate who it did not list and Okta does not still have, or hold
     * when they are too many.
     */
    private void sweep(OktaConnection connection, UUID runId, Set<UUID> listed, Set<UUID> stillAssigned,
            RunTally tally, long waits) {
        UUID accountId = connection.accountId();
        transaction.executeWithoutResult(s -> {
            managers.resolveUnresolved(accountId);
            Unlisted unlisted = unlisted(connection, listed);
            List<UUID> missing = unlisted.personIds();
            int threshold = unlisted.threshold();
            if (unlisted.holds()) {
                runs.hold(runId, missing);
                runs.progress(runId, tally, waits);
                runs.finish(runId, "held", missing.size(), missing.size() + " people would be deactivated, more than"
                        + " the threshold of " + threshold + "; an admin must approve", Instant.now(clock));
                return;
            }
            tally.deactivated += deactivate(accountId, runId,
                    missing.stream().filter(id -> !stillAssigned.contains(id)).toList());
            runs.progress(runId, tally, waits);
            runs.finish(runId, "succeeded", 0, stillAssigned.isEmpty() ? null : stillAssigned.size()
                    + " people missing from Okta's listing are still assigned in Okta and were kept: the listing"
                    + " may have ended early", Instant.now(clock));
        });
    }

    /** The linked, active people a completed listing did not name, and the most that go without approval. */
    record Unlisted(List<UUID> personIds, int threshold) {
        boolean holds() {
            return personIds.size() > threshold;
        }
    }

    /** Who a completed listing leaves out; shared with the dry run, so both apply the same threshold. */
    Unlisted unlisted(OktaConnection connection, Set<UUID> listed) {
        UUID accountId = connection.accountId();
        List<UUID> active = activeLinked(accountId);
        List<UUID> missing = active.stream().filter(id -> !listed.contains(id)).toList();
        return new Unlisted(missing, connection.deprovisionThreshold(active.size()));
    }

    /**
     * The people provisioning linked who are bound to an Okta id and active or invited: candidates for
     * deactivation, and the base of the percentage threshold.
     */
    private List<UUID> activeLinked(UUID accountId) {
        Set<UUID> active = directory.activeWithOktaId(accountId);
        return links.linkedPersonIds(accountId).stream().filter(active::contains).toList();
    }

    /** Deactivates people no longer listed; returns how many were still active. Caller owns the transaction. */
    int deactivate(UUID accountId, UUID runId, List<UUID> personIds) {
        List<ProfileUpdate> updates = new ArrayList<>();
        List<SyncRunRepository.ChangeRow> rows = new ArrayList<>();
        for (UUID id : personIds) {
            PersonView view = directory.byId(accountId, id).orElse(null);
            if (view == null || view.person().status() == dev.roster.directory.PersonStatus.DEACTIVATED) {
                continue;
            }
            updates.add(PersonWriter.deactivate(view.person()).update());
            rows.add(new SyncRunRepository.ChangeRow(runId, accountId, id, view.person().oktaId(), "deactivated",
                    NOT_LISTED, null));
        }
        directory.applyProfiles(accountId, Source.OKTA, updates);
        runs.changes(rows);
        return updates.size();
    }

    /** A page's results as a run records them; the dry run lists them the same way. */
    static List<SyncRunRepository.ChangeRow> changeRows(UUID accountId, UUID runId, List<UserResult> results) {
        List<SyncRunRepository.ChangeRow> rows = new ArrayList<>();
        for (UserResult r : results) {
            SyncOutcome o = r.outcome();
            String problems = r.problems().isEmpty() ? null : String.join("; ", r.problems());
            if (o instanceof SyncOutcome.Created) {
                rows.add(row(accountId, runId, r, "created", null, problems));
            } else if (o instanceof SyncOutcome.Updated u) {
                rows.add(row(accountId, runId, r, "updated", describe(u.changes()), problems));
            } else if (o instanceof SyncOutcome.Reactivated re) {
                rows.add(row(accountId, runId, r, "reactivated", describe(re.changes()), problems));
            } else if (o instanceof SyncOutcome.Deactivated d) {
                rows.add(row(accountId, runId, r, "deactivated", d.reason(), problems));
            } else if (o instanceof SyncOutcome.Conflict c) {
                rows.add(row(accountId, runId, r, "failed", null, c.reason()));
            } else if (problems != null) {
                rows.add(row(accountId, runId, r, "unchanged", null, problems));
            }
        }
        return rows;
    }

    private static SyncRunRepository.ChangeRow row(UUID accountId, UUID runId, UserResult r, String kind,
            String changes, String error) {
        return new SyncRunRepository.ChangeRow(runId, accountId, r.outcome().personId(), r.oktaId(), kind, changes,
                error);
    }

    private static String describe(List<SyncOutcome.FieldChange> changes) {
        StringBuilder text = new StringBuilder();
        for (SyncOutcome.FieldChange c : changes) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(c.field()).append(": ").append(c.oldValue() == null ? "(none)" : c.oldValue()).append(" → ")
                    .append(c.newValue() == null ? "(none)" : c.newValue());
        }
        return text.toString();
    }

}
