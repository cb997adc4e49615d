package dev.roster.provisioning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.roster.directory.DirectorySync;
import dev.roster.directory.Person;
import dev.roster.directory.PersonView;
import dev.roster.okta.OktaConnection;
import dev.roster.provisioning.SyncOutcome;
import dev.roster.provisioning.mapping.MappedPerson;
import dev.roster.provisioning.mapping.MappingSettings;
import dev.roster.provisioning.mapping.OktaMapping;
import dev.roster.provisioning.mapping.StandardField;
import dev.roster.provisioning.sync.Observation;
import dev.roster.provisioning.sync.PersonWriter;
import dev.roster.provisioning.sync.SyncDecision;

/**
 * Applies a batch of Okta observations to one account's directory: one look-up of the matching
 * people, a pure decision per user, then the writes in batches. Hook jobs pass one observation;
 * reconciliation passes a page. The caller owns the transaction.
 */
@Component
class SyncEngine {

    private final DirectorySync directory;
    private final OktaLinkRepository links;
    private final ManagerResolver managers;
    private final Clock clock;

    SyncEngine(DirectorySync directory, OktaLinkRepository links, ManagerResolver managers, Clock clock) {
        this.directory = directory;
        this.links = links;
        this.managers = managers;
        this.clock = clock;
    }

    /**
     * @param runId the reconciliation stamping what it listed, or null for a single-user sync
     */
    List<UserResult> apply(OktaConnection connection, MappingSettings settings, List<Observation> observations,
            UUID runId, Map<String, UUID> teamCache) {
        UUID accountId = connection.accountId();
        Instant now = Instant.now(clock);
        Map<String, MappedPerson> mapped = new HashMap<>();
        for (Observation o : observations) {
            if (o.user() != null) {
                mapped.put(o.oktaId(), OktaMapping.map(o.user(), settings));
            }
        }
        Map<String, PersonView> byOktaId = directory.byOktaIds(accountId, observations.stream().map(Observation::oktaId).toList());
        Map<String, PersonView> byEmail = directory.byEmails(accountId, mapped.values().stream()
                .map(MappedPerson::email).filter(Objects::nonNull).map(e -> e.toLowerCase(Locale.ROOT)).toList());
        Set<UUID> involved = new HashSet<>();
        byOktaId.values().forEach(v -> involved.add(v.id()));
        byEmail.values().forEach(v -> involved.add(v.id()));
        Map<UUID, OktaLink> existingLinks = links.byPersonIds(accountId, involved);

        List<Person> inserts = new ArrayList<>();
        List<Person> updates = new ArrayList<>();
        Map<UUID, OktaLink> newLinks = new LinkedHashMap<>();
        Map<UUID, UUID> currentManagers = new HashMap<>();
        List<OktaLink> arrived = new ArrayList<>();
        Map<String, UUID> arrivedEmails = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        Set<String> claimedEmails = new HashSet<>();
        List<UserResult> results = new ArrayList<>();

        for (Observation o : observations) {
            MappedPerson m = mapped.get(o.oktaId());
            String email = m == null ? null : m.email();
            String emailKey = email == null ? null : email.toLowerCase(Locale.ROOT);
            List<String> problems = m == null ? List.of() : m.problems();
            SyncDecision.Action action = SyncDecision.decide(o, email, byOktaId.get(o.oktaId()),
                    emailKey == null ? null : byEmail.get(emailKey));
            if (emailKey != null && (action instanceof SyncDecision.Create || action instanceof SyncDecision.Update)
                    && !claimedEmails.add(emailKey)) {
                action = new SyncDecision.Refuse(null, "another Okta user in this batch has the email " + email);
            }
            SyncOutcome outcome;
            if (action instanceof SyncDecision.Create) {
                    PersonWriter.Written w = PersonWriter.create(accountId, m, team(connection, m, teamCache),
                            connection.withholdInvitations(), now);
                    inserts.add(w.person());
                    OktaLink link = link(accountId, w.person().id(), m, runId, now);
                    newLinks.put(link.personId(), link);
                    arrived.add(link);
                    arrivedEmails.put(emailKey, w.person().id());
                    seen.add(w.person().id());
                    outcome = new SyncOutcome.Created(w.person().id());
            } else if (action instanceof SyncDecision.Update u) {
                    Person current = u.target().person();
                    PersonWriter.Written w = PersonWriter.update(current, m, team(connection, m, teamCache), u.link(),
                            u.reactivate(), now);
                    if (!w.changes().isEmpty()) {
                        updates.add(w.person());
                    }
                    OktaLink link = link(accountId, current.id(), m, runId, now);
                    OktaLink old = existingLinks.get(current.id());
                    if (old == null || !Objects.equals(old.mappedHash(), link.mappedHash())
                            || !Objects.equals(old.lastSeenRun(), runId) || !w.changes().isEmpty()) {
                        newLinks.put(link.personId(), link);
                    } else {
                        seen.add(current.id());
                    }
                    if (current.managerId() != null) {
                        currentManagers.put(current.id(), current.managerId());
                    }
                    if (u.link()) {
                        arrived.add(link);
                        arrivedEmails.put(emailKey, current.id());
                    }
                    outcome = u.reactivate() ? new SyncOutcome.Reactivated(current.id(), w.changes())
                            : w.changes().isEmpty() ? new SyncOutcome.Unchanged(current.id())
                            : new SyncOutcome.Updated(current.id(), w.changes());
            } else if (action instanceof SyncDecision.Deactivate d) {
                    updates.add(PersonWriter.deactivate(d.target().person(), now).person());
                    outcome = new SyncOutcome.Deactivated(d.target().id(), d.reason());
            } else if (action instanceof SyncDecision.Ignore i) {
                    if (i.target() != null && runId != null) {
                        seen.add(i.target().id());
                    }
                    outcome = i.target() == null ? new SyncOutcome.Skipped(null, i.reason())
                            : new SyncOutcome.Unchanged(i.target().id());
            } else {
                SyncDecision.Refuse r = (SyncDecision.Refuse) action;
                outcome = new SyncOutcome.Conflict(r.target() == null ? null : r.target().id(), r.reason());
            }
            results.add(new UserResult(o.oktaId(), outcome, problems));
        }

        directory.insert(inserts);
        directory.update(updates);
        Set<UUID> existing = new HashSet<>(existingLinks.keySet());
        links.save(newLinks.values(), existing);
        if (runId != null) {
            seen.removeAll(newLinks.keySet());
            links.markSeen(accountId, runId, seen);
        }
        if (settings.enabled(StandardField.MANAGER)) {
            managers.resolve(accountId, newLinks.values(), currentManagers);
            managers.linkWaitingReports(accountId, arrived, arrivedEmails);
        }
        return results;
    }

    private UUID team(OktaConnection connection, MappedPerson m, Map<String, UUID> cache) {
        String name = m.get(StandardField.TEAM);
        if (name == null || name.isBlank()) {
            return null;
        }
        return cache.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT),
                key -> directory.teamNamed(connection.accountId(), name).id());
    }

    private static OktaLink link(UUID accountId, UUID personId, MappedPerson m, UUID runId, Instant now) {
        return new OktaLink(personId, accountId, m.oktaId(), m.login(), m.employeeNumber(), m.managerRef(),
                m.managerName(), m.fingerprint(), runId, now);
    }
}
