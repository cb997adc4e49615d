package dev.roster.provisioning.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.roster.directory.DirectorySync;

/**
 * Turns Okta's {@code managerId} into a manager override. HR-fed orgs put an id, a login, an email
 * or an employee number there, so each is tried in that order; without one, the {@code manager}
 * display name counts only when exactly one person bears it. A manager not synced yet leaves the
 * reference waiting on the link and is resolved when they arrive. Cycles are stored as they are;
 * nothing here follows the chain.
 */
@Component
class ManagerResolver {

    private final OktaLinkRepository links;
    private final DirectorySync directory;

    ManagerResolver(OktaLinkRepository links, DirectorySync directory) {
        this.links = links;
        this.directory = directory;
    }

    /**
     * Sets the manager override of each given person from their link's reference.
     *
     * @param current the person's current manager override (absent key = none)
     */
    void resolve(UUID accountId, Collection<OktaLink> reports, Map<UUID, UUID> current) {
        Map<UUID, UUID> changes = new HashMap<>();
        decide(accountId, reports, List.of(), Map.of()).forEach((person, manager) -> {
            if (!Objects.equals(current.get(person), manager)) {
                changes.put(person, manager);
            }
        });
        directory.setManagers(accountId, changes);
    }

    /**
     * The manager each report should have (a null value: none), looking among the stored people and
     * among people of the current batch that are about to be stored.
     *
     * @param batch       links of the batch's people, not necessarily stored yet
     * @param batchEmails lower-case emails of the batch's new or newly linked people
     */
    Map<UUID, UUID> decide(UUID accountId, Collection<OktaLink> reports, Collection<OktaLink> batch,
            Map<String, UUID> batchEmails) {
        Map<UUID, UUID> decided = new HashMap<>();
        if (reports.isEmpty()) {
            return decided;
        }
        Set<String> refs = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (OktaLink link : reports) {
            if (link.managerRef() != null) {
                refs.add(link.managerRef());
            } else if (link.managerName() != null) {
                names.add(link.managerName().strip().toLowerCase(Locale.ROOT));
            }
        }
        List<OktaLink> candidates = new java.util.ArrayList<>(links.byManagerKeys(accountId, refs));
        candidates.addAll(batch);
        Map<String, UUID> byEmail = new HashMap<>(directory.idsByEmail(accountId,
                refs.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList()));
        byEmail.putAll(batchEmails);
        Map<String, List<UUID>> byName = directory.idsByDisplayName(accountId, names);
        for (OktaLink report : reports) {
            UUID manager = report.managerRef() != null ? byRef(report.managerRef(), candidates, byEmail)
                    : report.managerName() != null ? single(byName.get(report.managerName().strip().toLowerCase(Locale.ROOT)))
                    : null;
            decided.put(report.personId(), report.personId().equals(manager) ? null : manager);
        }
        return decided;
    }

    /** After people were created or linked: their reports still without a manager get them. */
    void linkWaitingReports(UUID accountId, Collection<OktaLink> arrived, Map<String, UUID> emailsOfArrived) {
        Set<String> keys = new HashSet<>(emailsOfArrived.keySet());
        for (OktaLink link : arrived) {
            keys.add(link.oktaId());
            if (link.loginLower() != null) {
                keys.add(link.loginLower());
            }
            if (link.employeeNumber() != null) {
                keys.add(link.employeeNumber());
            }
        }
        List<OktaLink> referring = links.byManagerReference(accountId, keys);
        Set<UUID> withoutManager = directory.withoutManager(accountId,
                referring.stream().map(OktaLink::personId).toList());
        List<OktaLink> waiting = referring.stream().filter(l -> withoutManager.contains(l.personId())).toList();
        for (int from = 0; from < waiting.size(); from += 500) {
            resolve(accountId, waiting.subList(from, Math.min(waiting.size(), from + 500)), Map.of());
        }
    }

    /** Once more for everyone still without a manager, e.g. at the end of a reconciliation. */
    void resolveUnresolved(UUID accountId) {
        // Two id lists, intersected here: usually one of them is short (few references, or few people
        // still without a manager), and only the intersection's links are read.
        Set<UUID> withoutManager = directory.withoutManager(accountId);
        List<UUID> waiting = links.withManagerReference(accountId).stream().filter(withoutManager::contains).toList();
        for (int from = 0; from < waiting.size(); from += 500) {
            List<UUID> chunk = waiting.subList(from, Math.min(waiting.size(), from + 500));
            resolve(accountId, links.byPersonIds(accountId, chunk).values(), Map.of());
        }
    }

    private static UUID byRef(String ref, List<OktaLink> candidates, Map<String, UUID> byEmail) {
        String lower = ref.toLowerCase(Locale.ROOT);
        for (OktaLink c : candidates) {
            if (ref.equals(c.oktaId())) {
                return c.personId();
            }
        }
        for (OktaLink c : candidates) {
            if (lower.equals(c.loginLower())) {
                return c.personId();
            }
        }
        if (byEmail.containsKey(lower)) {
            return byEmail.get(lower);
        }
        List<UUID> byEmployee = candidates.stream().filter(c -> ref.equals(c.employeeNumber()))
                .map(OktaLink::personId).distinct().toList();
        return single(byEmployee);
    }

    private static UUID single(List<UUID> ids) {
        return ids != null && ids.size() == 1 ? ids.get(0) : null;
    }
}
