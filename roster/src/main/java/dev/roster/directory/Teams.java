package dev.roster.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.InvalidInputException;
import dev.roster.common.NotFoundException;
import dev.roster.directory.internal.PersonRepository;
import dev.roster.directory.internal.TeamMemberRepository;
import dev.roster.directory.internal.TeamRepository;

/** An account's teams and their managers. */
@Service
public class Teams {

    private final TeamRepository teams;
    private final TeamMemberRepository members;
    private final PersonRepository people;
    private final Clock clock;

    Teams(TeamRepository teams, TeamMemberRepository members, PersonRepository people, Clock clock) {
        this.teams = teams;
        this.members = members;
        this.people = people;
        this.clock = clock;
    }

    /**
     * The members of each team beyond its primary members (a person can be in several teams), in the
     * order they joined; a team without such members maps to an empty list.
     */
    public Map<UUID, List<UUID>> members(UUID accountId, Collection<UUID> teamIds) {
        Map<UUID, List<UUID>> found = members.members(accountId, teamIds);
        Map<UUID, List<UUID>> all = new LinkedHashMap<>();
        teamIds.forEach(id -> all.put(id, found.getOrDefault(id, List.of())));
        return all;
    }

    /**
     * Makes exactly these people the team's members (adding and removing the difference). Every id
     * must be a person of the account; the people themselves are never changed.
     */
    @Transactional
    public void setMembers(UUID accountId, UUID teamId, Collection<UUID> personIds) {
        require(accountId, teamId);
        Set<UUID> wanted = new LinkedHashSet<>(personIds);
        Set<UUID> known = new HashSet<>(members.existingPeople(accountId, wanted));
        wanted.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(unknown -> {
            throw InvalidInputException.of("members", unknown + " is not a person of this account");
        });
        List<UUID> current = members.members(accountId, List.of(teamId)).getOrDefault(teamId, List.of());
        members.remove(accountId, teamId, current.stream().filter(id -> !wanted.contains(id)).toList());
        members.add(accountId, teamId, wanted.stream().filter(id -> !current.contains(id)).toList(), Instant.now(clock));
    }

    public List<Team> all(UUID accountId) {
        return teams.findAll(accountId);
    }

    public Team require(UUID accountId, UUID teamId) {
        return teams.find(accountId, teamId).orElseThrow(() -> new NotFoundException("No such team."));
    }

    public Optional<Team> byName(UUID accountId, String name) {
        return name == null || name.isBlank() ? Optional.empty() : teams.findByName(accountId, name);
    }

    public long memberCount(UUID accountId, UUID teamId) {
        return teams.memberCount(accountId, teamId);
    }

    @Transactional
    public Team create(UUID accountId, String name, UUID managerId) {
        String clean = checkName(accountId, name, null);
        checkManager(accountId, managerId);
        Team team = new Team(UUID.randomUUID(), accountId, clean, managerId);
        try {
            teams.insert(team, Instant.now(clock));
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("name", "a team with this name exists already");
        }
        return team;
    }

    @Transactional
    public Team update(UUID accountId, UUID teamId, String name, UUID managerId) {
        Team current = require(accountId, teamId);
        String clean = checkName(accountId, name, current.id());
        checkManager(accountId, managerId);
        Team team = new Team(current.id(), accountId, clean, managerId);
        teams.update(team);
        return team;
    }

    private String checkName(UUID accountId, String name, UUID self) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw InvalidInputException.of("name", "must be 1-200 characters");
        }
        String clean = name.strip();
        teams.findByName(accountId, clean).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw InvalidInputException.of("name", "a team with this name exists already");
        });
        return clean;
    }

    private void checkManager(UUID accountId, UUID managerId) {
        if (managerId != null && !people.exists(accountId, managerId)) {
            throw InvalidInputException.of("managerId", "is not a person of this account");
        }
    }
}
