package dev.roster.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

import dev.roster.common.TableStatistics;
import dev.roster.directory.internal.PersonRepository;
import dev.roster.directory.internal.ProfileRepository;
import dev.roster.directory.internal.TeamRepository;

/**
 * The directory as a sync engine sees it: people looked up in batches, created, and updated through
 * the narrow {@link #applyProfiles} write; teams created on first use. Callers decide what to write;
 * this class only reads and stores.
 */
@Service
public class DirectorySync {

    private final PersonRepository people;
    private final TeamRepository teams;
    private final ProfileRepository profiles;
    private final TableStatistics statistics;
    private final Clock clock;

    DirectorySync(PersonRepository people, TeamRepository teams, ProfileRepository profiles,
            TableStatistics statistics, Clock clock) {
        this.people = people;
        this.teams = teams;
        this.profiles = profiles;
        this.statistics = statistics;
        this.clock = clock;
    }

    public Optional<PersonView> byId(UUID accountId, UUID personId) {
        return people.find(accountId, personId);
    }

    public Optional<PersonView> byOktaId(UUID accountId, String oktaId) {
        return people.findByOktaId(accountId, oktaId);
    }

    public Optional<PersonView> byEmail(UUID accountId, String email) {
        return people.findByEmail(accountId, email);
    }

    public Map<String, PersonView> byOktaIds(UUID accountId, Collection<String> oktaIds) {
        return people.findByOktaIds(accountId, oktaIds);
    }

    /** Keyed by lower-case email. */
    public Map<String, PersonView> byEmails(UUID accountId, Collection<String> emails) {
        return people.findByEmails(accountId, emails);
    }

    /** Sets manager overrides in one batch: person id → manager id (null clears). */
    public void setManagers(UUID accountId, Map<UUID, UUID> managers) {
        people.setManagers(accountId, managers);
    }

    /** Of these people, the deactivated ones. */
    public Set<UUID> deactivated(UUID accountId, Collection<UUID> personIds) {
        return people.idsInStatus(accountId, personIds, PersonStatus.DEACTIVATED);
    }

    /** Of these people, those without a manager override. */
    public Set<UUID> withoutManager(UUID accountId, Collection<UUID> personIds) {
        return people.idsWithoutManager(accountId, personIds);
    }

    /** The account's people without a manager override. */
    public Set<UUID> withoutManager(UUID accountId) {
        return people.idsWithoutManager(accountId);
    }

    /** The account's people bound to an Okta id who are not deactivated (active or invited). */
    public Set<UUID> activeWithOktaId(UUID accountId) {
        return people.idsActiveWithOktaId(accountId);
    }

    /** Lower-cased "first last" → the ids of the people with that name. */
    public Map<String, List<UUID>> idsByDisplayName(UUID accountId, Collection<String> lowerNames) {
        return people.idsByDisplayName(accountId, lowerNames);
    }

    /** Lower-case email → person id. */
    public Map<String, UUID> idsByEmail(UUID accountId, Collection<String> lowerEmails) {
        return people.idsByEmail(accountId, lowerEmails);
    }

    /**
     * People in this invitation state across accounts, after {@code afterId} in id order (null: from
     * the start); for the invitations job, which serves every account.
     */
    public List<PersonView> withInvitation(Invitation state, UUID afterId, int limit) {
        return people.withInvitation(state, afterId == null ? new UUID(0, 0) : afterId, limit);
    }

    /** Ids of the people a list filter selects whose invitation is in one of these states. */
    public List<UUID> idsWithInvitation(UUID accountId, PeopleQuery query, Collection<Invitation> states) {
        return states.isEmpty() ? List.of() : people.idsWithInvitation(accountId, query, states);
    }

    /** How many people a list filter selects whose invitation is in one of these states. */
    public long countWithInvitation(UUID accountId, PeopleQuery query, Collection<Invitation> states) {
        return states.isEmpty() ? 0 : people.countWithInvitation(accountId, query, states);
    }

    /**
     * Sets only the invitation state of these people (nothing else of the row is written, so a sync
     * running at the same time keeps its fields); returns how many of them belong to the account.
     */
    public int setInvitation(UUID accountId, Collection<UUID> personIds, Invitation state) {
        return people.setInvitation(accountId, personIds, state);
    }

    public void insert(List<Person> created) {
        people.insertAll(created);
    }

    /**
     * Writes what a provisioning source says about existing people of one account: for each, only
     * the fields its update sets. Role, invitation state, activation and credentials are never
     * written, and the lifecycle change is decided against the row as the write finds it (under its
     * lock), so whatever another module committed since the source read the row survives. A
     * deactivation is recorded as made by {@code source}; a reactivation only undoes the source's own.
     * Runs in the caller's transaction.
     */
    public void applyProfiles(UUID accountId, Source source, List<ProfileUpdate> updates) {
        Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
                "applyProfiles needs the caller's transaction: custom values are merged under the row's lock");
        profiles.apply(accountId, source, updates, Instant.now(clock));
    }

    /**
     * The team with this name, created (without a manager) when the account has none yet. Two
     * syncs creating the same team at once make one of them fail on the unique name; its job is
     * retried and then finds the team.
     */
    public Team teamNamed(UUID accountId, String name) {
        String clean = name.strip();
        return teams.findByName(accountId, clean).orElseGet(() -> {
            Team team = new Team(UUID.randomUUID(), accountId, clean, null);
            teams.insert(team, Instant.now(clock));
            return team;
        });
    }

    /** Refreshes the planner's statistics of the people table, after a large import grew it. */
    public void refreshStatistics() {
        statistics.refresh("person");
    }

    /** Teams by id, for showing a person's team name. */
    public Optional<Team> team(UUID accountId, UUID teamId) {
        return teams.find(accountId, teamId);
    }
}
