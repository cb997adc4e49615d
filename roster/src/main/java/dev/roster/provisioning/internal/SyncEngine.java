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
import dev.roster.directory.ProfileUpdate;
import dev.roster.directory.Source;
import dev.roster.directory.Team;
import dev.roster.directory.Teams;
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
    private final Teams existingTeams;
    private final OktaLinkRepository links;
    private final ManagerResolver managers;
    private final Clock clock;

    SyncEngine(DirectorySync directory, Teams existingTeams, OktaLinkRepository links, ManagerResolver managers,
            Clock clock) {
        this.directory = directory;
        this.existingTeams = existingTeams;
        this.links = links;
        this.managers = managers;
        this.clock = clock;
    }

    /**
     * @param listed    a reconciliation's set of the people it listed (filled here), or null for a single-user sync
     * @param teamCache team name (lower case) → id, kept across a run's pages
     */
    List<UserResult> apply(OktaConnection connection, MappingSettings settings, List<Observation> observations,
            Set<UUID> listed, Map<String, UUID> teamCache) {
        return sync(connection, settings, observations, listed, teamCache, true);
    }

    /**
     * What {@link #apply} would do, decided by the same code, with nothing written: a team that does
     * not exist yet is not created but stands in the cache under a placeholder id. People it would
     * create get placeholder ids too.
     */
    List<UserResult> preview(OktaConnection connection, MappingSettings settings, List<Observation> observations,
            Set<UUID> listed, Map<String, UUID> teamCache) {
        return sync(connection, settings, observations, listed, teamCache, false);
    }

    private List<UserResult> sync(OktaConnection connection, MappingSettings settings, List<Observation> observations,
            Set<UUID> listed, Map<String, UUID> teamCache, boolean write) {
        UUID accountId = connection.accountId();
        Map<String, MappedPerson> mapped = new HashMap<>();
        observations.stream().filter(o -> o.user() != null)
                .forEach(o -> mapped.put(o.oktaId(), OktaMapping.map(o.user(), settings)));
        Map<String, UserResult> quick = listed == null ? Map.of() : unchangedSinceLastWrite(accountId, observations, mapped);
        observations = observations.stream().filter(o -> !quick.containsKey(o.oktaId())).toList();
        Map<String, PersonView> byOktaId = directory.byOktaIds(accountId,
                observations.stream().map(Observation::oktaId).toList());
        // Emails are looked up only where they can matter: no linked person, or a changed email.
        Map<String, PersonView> byEmail = directory.byEmails(accountId, observations.stream()
                .map(o -> mapped.get(o.oktaId())).filter(m -> m != null && m.email() != null)
                .filter(m -> !byOktaId.containsKey(m.oktaId())
                        || !m.email().equalsIgnoreCase(byOktaId.get(m.oktaId()).person().email()))
                .map(m -> lower(m.email())).toList());
        Set<UUID> involved = new HashSet<>();
        byOktaId.values().forEach(v -> involved.add(v.id()));
        byEmail.values().forEach(v -> involved.add(v.id()));

        Batch batch = new Batch(connection, listed != null, write, teamCache, links.byPersonIds(accountId, involved));
        List<UserResult> results = new ArrayList<>(quick.values());
        for (Observation o : observations) {
            MappedPerson m = mapped.get(o.oktaId());
            String email = m == null ? null : m.email();
            PersonView linked = byOktaId.get(o.oktaId());
            PersonView sameEmail = email == null ? null : byEmail.get(lower(email));
            if (sameEmail == null && linked != null && email != null && email.equalsIgnoreCase(linked.person().email())) {
                sameEmail = linked;
            }
            SyncDecision.Action action = SyncDecision.decide(o, email, linked, sameEmail);
            results.add(new UserResult(o.oktaId(), batch.apply(action, m), m == null ? List.of() : m.problems()));
        }
        if (write) {
            batch.write(settings.enabled(StandardField.MANAGER));
        }
        if (listed != null) {
            results.forEach(r -> {
                if (r.outcome().personId() != null) {
                    listed.add(r.outcome().personId());
                }
            });
        }
        return results;
    }

    /**
     * The users whose mapped values have the fingerprint stored at their person's last write, and
     * who are present in Okta and not deactivated here: nothing to do, decided from one small read.
     * (Local edits to fields Okta owns therefore last until Okta's value changes.)
     */
    private Map<String, UserResult> unchangedSinceLastWrite(UUID accountId, List<Observation> observations,
            Map<String, MappedPerson> mapped) {
        Map<String, OktaLinkRepository.Fingerprint> prints = links.fingerprints(accountId,
                observations.stream().map(Observation::oktaId).toList());
        Set<UUID> deactivated = directory.deactivated(accountId,
                prints.values().stream().map(OktaLinkRepository.Fingerprint::personId).toList());
        Map<String, UserResult> unchanged = new LinkedHashMap<>();
        for (Observation o : observations) {
            OktaLinkRepository.Fingerprint print = prints.get(o.oktaId());
            MappedPerson m = mapped.get(o.oktaId());
            if (print != null && m != null && o.absentReason() == null && !deactivated.contains(print.personId())
                    && m.fingerprint().equals(print.mappedHash())) {
                unchanged.put(o.oktaId(), new UserResult(o.oktaId(), new SyncOutcome.Unchanged(print.personId()),
                        m.problems()));
            }
        }
        return unchanged;
    }

    /** The writes one batch collects, made together at the end. */
    private final class Batch {

        private final OktaConnection connection;
        private final UUID accountId;
        private final boolean reconciling;
        private final boolean writing;
        private final Map<String, UUID> teams;
        private final Map<UUID, OktaLink> existingLinks;
        private final Instant now = Instant.now(clock);
        private final List<Person> inserts = new ArrayList<>();
        private final List<ProfileUpdate> updates = new ArrayList<>();
        private final Map<UUID, OktaLink> changedLinks = new LinkedHashMap<>();
        private final Map<UUID, UUID> currentManagers = new HashMap<>();
        private final List<OktaLink> arrived = new ArrayList<>();
        private final Map<String, UUID> arrivedEmails = new HashMap<>();
        private final Set<String> claimedEmails = new HashSet<>();

        Batch(OktaConnection connection, boolean reconciling, boolean writing, Map<String, UUID> teams,
                Map<UUID, OktaLink> existingLinks) {
            this.connection = connection;
            this.accountId = connection.accountId();
            this.reconciling = reconciling;
            this.writing = writing;
            this.teams = teams;
            this.existingLinks = existingLinks;
        }

        SyncOutcome apply(SyncDecision.Action action, MappedPerson m) {
            boolean claims = action instanceof SyncDecision.Create || action instanceof SyncDecision.Update;
            if (claims && !claimedEmails.add(lower(m.email()))) {
                return new SyncOutcome.Conflict(null, "another Okta user in this batch has the email " + m.email());
            }
            if (action instanceof SyncDecision.Create) {
                return create(m);
            }
            if (action instanceof SyncDecision.Update u) {
                return update(u, m);
            }
            if (action instanceof SyncDecision.Deactivate d) {
                updates.add(PersonWriter.deactivate(d.target().person()).update());
                return new SyncOutcome.Deactivated(d.target().id(), d.reason());
            }
            if (action instanceof SyncDecision.Ignore i) {
                if (i.target() == null) {
                    return new SyncOutcome.Skipped(null, i.reason());
                }
                return new SyncOutcome.Unchanged(i.target().id());
            }
            SyncDecision.Refuse r = (SyncDecision.Refuse) action;
            return new SyncOutcome.Conflict(r.target() == null ? null : r.target().id(), r.reason());
        }

        private SyncOutcome create(MappedPerson m) {
            Person person = PersonWriter.create(accountId, m, team(m), connection.withholdInvitations(), now).person();
            inserts.add(person);
            OktaLink link = link(person.id(), m);
            changedLinks.put(person.id(), link);
            arrived.add(link);
            arrivedEmails.put(lower(m.email()), person.id());
            return new SyncOutcome.Created(person.id());
        }

        private SyncOutcome update(SyncDecision.Update u, MappedPerson m) {
            Person current = u.target().person();
            PersonWriter.Changed w = PersonWriter.update(current, m, team(m), u.link(), u.reactivate());
            if (!w.changes().isEmpty()) {
                updates.add(w.update());
            }
            OktaLink link = link(current.id(), m);
            OktaLink old = existingLinks.get(current.id());
            boolean linkChanged = old == null || !Objects.equals(old.mappedHash(), link.mappedHash());
            if (linkChanged || !w.changes().isEmpty()) {
                changedLinks.put(current.id(), link);
            }
            if (current.managerId() != null) {
                currentManagers.put(current.id(), current.managerId());
            }
            if (u.link()) {
                arrived.add(link);
                arrivedEmails.put(lower(m.email()), current.id());
            }
            if (u.reactivate()) {
                return new SyncOutcome.Reactivated(current.id(), w.changes());
            }
            return w.changes().isEmpty() ? new SyncOutcome.Unchanged(current.id())
                    : new SyncOutcome.Updated(current.id(), w.changes());
        }

        void write(boolean managersMapped) {
            Map<UUID, UUID> otherManagers = managersMapped ? placeManagers() : Map.of();
            directory.insert(inserts);
            directory.applyProfiles(accountId, Source.OKTA, updates);
            directory.setManagers(accountId, otherManagers);
            links.save(changedLinks.values(), existingLinks.keySet());
            // A reconciliation links waiting reports once, after its last page; a single sync does it now.
            if (managersMapped && !reconciling) {
                managers.linkWaitingReports(accountId, arrived, arrivedEmails);
            }
        }

        /**
         * Decides the batch's manager overrides before anything is written, so that new and updated
         * people are stored with theirs in one write; returns the changes for people not written otherwise.
         */
        private Map<UUID, UUID> placeManagers() {
            Map<UUID, UUID> decided = managers.decide(accountId, changedLinks.values(), changedLinks.values(),
                    arrivedEmails);
            Map<UUID, UUID> others = new HashMap<>(decided);
            Set<UUID> inserted = new HashSet<>();
            inserts.forEach(p -> inserted.add(p.id()));
            inserts.replaceAll(p -> {
                UUID manager = decided.get(p.id());
                if (manager != null && inserted.contains(manager)) {
                    // The manager is inserted in the same batch: set the reference once both rows exist.
                    return p;
                }
                others.remove(p.id());
                return p.withManager(manager);
            });
            updates.forEach(u -> {
                if (decided.containsKey(u.personId())) {
                    others.remove(u.personId());
                    u.manager(decided.get(u.personId()));
                }
            });
            others.entrySet().removeIf(e -> Objects.equals(currentManagers.get(e.getKey()), e.getValue()));
            return others;
        }

        private UUID team(MappedPerson m) {
            String name = m.get(StandardField.TEAM);
            if (name == null || name.isBlank()) {
                return null;
            }
            return teams.computeIfAbsent(lower(name.strip()), key -> writing ? directory.teamNamed(accountId, name).id()
                    : existingTeams.byName(accountId, name.strip()).map(Team::id).orElseGet(UUID::randomUUID));
        }

        private OktaLink link(UUID personId, MappedPerson m) {
            return new OktaLink(personId, accountId, m.oktaId(), m.login(), m.employeeNumber(), m.managerRef(),
                    m.managerName(), m.fingerprint(), now);
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
