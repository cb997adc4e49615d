package dev.roster.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.accounts.Role;
import dev.roster.common.InvalidInputException;
import dev.roster.common.InvalidInputException.FieldProblem;
import dev.roster.common.NotFoundException;
import dev.roster.common.PageOf;
import dev.roster.common.PageRequest;
import dev.roster.directory.internal.PersonRepository;

/** The people of an account: finding them, and creating, editing, deactivating and reactivating them. */
@Service
public class People {

    private final PersonRepository repository;
    private final Teams teams;
    private final CustomFields customFields;
    private final Clock clock;

    People(PersonRepository repository, Teams teams, CustomFields customFields, Clock clock) {
        this.repository = repository;
        this.teams = teams;
        this.customFields = customFields;
        this.clock = clock;
    }

    public PageOf<PersonView> search(UUID accountId, PeopleQuery query, PageRequest page) {
        return new PageOf<>(repository.search(accountId, query, page), page.page(), page.size(),
                repository.count(accountId, query));
    }

    public Optional<PersonView> find(UUID accountId, UUID personId) {
        return repository.find(accountId, personId);
    }

    public PersonView require(UUID accountId, UUID personId) {
        return find(accountId, personId).orElseThrow(() -> new NotFoundException("No such person."));
    }

    public Optional<PersonView> findByEmail(UUID accountId, String email) {
        return repository.findByEmail(accountId, email);
    }

    public Map<UUID, String> names(UUID accountId, Collection<UUID> personIds) {
        return repository.names(accountId, personIds);
    }

    /** Custom values of a person typed for JSON. */
    public Map<String, Object> customJson(PersonView view) {
        return customFields.toJson(view.person().accountId(), view.person().customValues());
    }

    /** The input that would leave this person as they are: the start of an edit. */
    public PersonInput inputOf(PersonView view) {
        return PersonInput.of(view, customJson(view));
    }

    /** Adds a person by hand. They start invited; their email must be new to the account. */
    @Transactional
    public PersonView create(UUID accountId, PersonInput input) {
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        Resolved r = resolve(accountId, id, input, Map.of());
        Person person = new Person(id, accountId, input.email().strip(), blankToNull(input.title()),
                blankToNull(input.firstName()), blankToNull(input.lastName()), blankToNull(input.avatarUrl()),
                blankToNull(input.jobTitle()), blankToNull(input.primaryLanguage()),
                blankToNull(input.primaryLocation()), r.teamId, input.managerId(), r.customValues,
                PersonStatus.INVITED, input.role() == null ? Role.MEMBER : Role.fromWire(input.role()),
                Source.MANUAL, null, Invitation.NONE, null, now, null, null, null, now, now);
        try {
            repository.insert(person);
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("email", "is already used by another person of this account");
        }
        return require(accountId, id);
    }

    /** Replaces a person's editable fields with the input's. */
    @Transactional
    public PersonView update(UUID accountId, UUID personId, PersonInput input) {
        Person current = require(accountId, personId).person();
        Resolved r = resolve(accountId, personId, input, current.customValues());
        Person updated = new Person(current.id(), accountId, input.email().strip(), blankToNull(input.title()),
                blankToNull(input.firstName()), blankToNull(input.lastName()), blankToNull(input.avatarUrl()),
                blankToNull(input.jobTitle()), blankToNull(input.primaryLanguage()),
                blankToNull(input.primaryLocation()), r.teamId, input.managerId(), r.customValues, current.status(),
                input.role() == null ? current.role() : Role.fromWire(input.role()), current.source(),
                current.oktaId(), current.invitation(), current.lastSyncedAt(), current.invitedAt(), current.activatedAt(),
                current.deactivatedAt(), current.deactivatedBy(), current.createdAt(), Instant.now(clock));
        try {
            repository.updateEditable(updated);
        } catch (DuplicateKeyException e) {
            throw InvalidInputException.of("email", "is already used by another person of this account");
        }
        return require(accountId, personId);
    }

    /** Deactivates a person; {@code by} records who did it ("admin" or "okta"). */
    @Transactional
    public PersonView deactivate(UUID accountId, UUID personId, String by) {
        require(accountId, personId);
        repository.deactivate(accountId, personId, by, Instant.now(clock));
        return require(accountId, personId);
    }

    /** Brings a deactivated person back: active if they had signed in before, else invited again. */
    @Transactional
    public PersonView reactivate(UUID accountId, UUID personId) {
        require(accountId, personId);
        repository.reactivate(accountId, personId, Instant.now(clock));
        return require(accountId, personId);
    }

    private record Resolved(UUID teamId, Map<String, String> customValues) {
    }

    private Resolved resolve(UUID accountId, UUID self, PersonInput input, Map<String, String> currentCustom) {
        List<FieldProblem> problems = new ArrayList<>();
        repository.findByEmail(accountId, input.email().strip())
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> problems.add(new FieldProblem("email", "is already used by another person of this account")));
        UUID teamId = null;
        if (input.primaryTeam() != null && !input.primaryTeam().isBlank()) {
            Optional<Team> team = teams.byName(accountId, input.primaryTeam());
            if (team.isEmpty()) {
                problems.add(new FieldProblem("primaryTeam", "no team of this account is named \"" + input.primaryTeam() + "\""));
            } else {
                teamId = team.get().id();
            }
        }
        if (input.managerId() != null) {
            if (input.managerId().equals(self)) {
                problems.add(new FieldProblem("managerId", "a person cannot be their own manager"));
            } else if (!repository.exists(accountId, input.managerId())) {
                problems.add(new FieldProblem("managerId", "is not a person of this account"));
            }
        }
        Map<String, String> custom = currentCustom;
        try {
            custom = customFields.apply(accountId, currentCustom, input.customFields());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Resolved(teamId, custom);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
