package dev.roster.provisioning.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.directory.DirectorySync;
import dev.roster.okta.AppUserPage;
import dev.roster.okta.OktaApi;
import dev.roster.okta.OktaClients;
import dev.roster.okta.OktaConnection;
import dev.roster.provisioning.DryRun;
import dev.roster.provisioning.ForegroundReconciliation.Progress;
import dev.roster.provisioning.ProvisioningProperties;
import dev.roster.provisioning.SyncRun;
import dev.roster.provisioning.mapping.MappingSettings;
import dev.roster.provisioning.sync.Observation;

/**
 * A dry run: the reconciliation's listing, {@link SyncEngine#preview} for every page and the
 * runner's threshold rule, in read-only transactions (PostgreSQL refuses any write in them).
 */
@Component
class ReconciliationPreview {

    private final OktaClients clients;
    private final MappingSettingsRepository mappings;
    private final SyncEngine engine;
    private final ReconciliationRunner runner;
    private final DirectorySync directory;
    private final ProvisioningProperties properties;
    private final TransactionTemplate readOnly;

    ReconciliationPreview(OktaClients clients, MappingSettingsRepository mappings, SyncEngine engine,
            ReconciliationRunner runner, DirectorySync directory, ProvisioningProperties properties,
            PlatformTransactionManager transactions) {
        this.clients = clients;
        this.mappings = mappings;
        this.engine = engine;
        this.runner = runner;
        this.directory = directory;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** @throws dev.roster.okta.OktaApiException when Okta cannot be listed to the end */
    DryRun preview(OktaConnection connection, int expected, Consumer<Progress> progress) {
        UUID accountId = connection.accountId();
        OktaApi api = clients.forConnection(connection);
        long waitsBefore = api.rateLimitWaits();
        MappingSettings settings = mappings.load(accountId);
        Map<String, UUID> teams = new HashMap<>();
        Set<UUID> listed = new HashSet<>();
        RunTally tally = new RunTally();
        List<DryRun.Change> changes = new ArrayList<>();
        for (AppUserPage page = api.appUsers(connection.appId(), null, properties.pageSize()); page != null;
                page = page.next() == null ? null : api.appUsers(connection.appId(), page.next(), 0)) {
            Map<String, String> emails = new HashMap<>();
            page.users().forEach(u -> emails.put(u.id(), u.text("email")));
            List<Observation> observations = page.users().stream().map(u -> new Observation(u.id(), u, true)).toList();
            List<UserResult> results = readOnly.execute(
                    s -> engine.preview(connection, settings, observations, listed, teams));
            tally.pages++;
            tally.listed += observations.size();
            results.forEach(r -> tally.count(r.outcome()));
            ReconciliationRunner.changeRows(accountId, null, results).forEach(row -> changes.add(
                    new DryRun.Change(row.kind(), row.oktaUserId(), "created".equals(row.kind()) ? null : row.personId(),
                            emails.get(row.oktaUserId()), row.changes(), row.error())));
            progress.accept(new Progress(tally.pages, tally.listed, api.rateLimitWaits() - waitsBefore, expected));
        }
        ReconciliationRunner.Unlisted unlisted = readOnly.execute(s -> runner.unlisted(connection, listed));
        String kind = unlisted.holds() ? "held" : "deactivated";
        for (UUID id : unlisted.personIds()) {
            directory.byId(accountId, id).ifPresent(v -> changes.add(new DryRun.Change(kind, v.person().oktaId(), id,
                    v.person().email(), ReconciliationRunner.NOT_LISTED, null)));
        }
        if (!unlisted.holds()) {
            tally.deactivated += unlisted.personIds().size();
        }
        return new DryRun(tally.pages, tally.listed, api.rateLimitWaits() - waitsBefore, counts(tally), changes,
                unlisted.personIds().size(), unlisted.threshold());
    }

    private static SyncRun.Counts counts(RunTally t) {
        return new SyncRun.Counts(t.created, t.updated, t.unchanged, t.deactivated, t.reactivated, t.failed);
    }
}
