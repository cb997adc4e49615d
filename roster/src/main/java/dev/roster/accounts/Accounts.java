package dev.roster.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.accounts.internal.AccountRepository;
import dev.roster.common.InvalidInputException;

/** The accounts: lookup by key or id, and creation with a validated key. */
@Service
public class Accounts {

    /** Lower-case letters, digits and inner hyphens, as a DNS label would be. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final AccountRepository repository;
    private final Clock clock;

    Accounts(AccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Optional<Account> byKey(String key) {
        return key == null ? Optional.empty() : repository.findByKey(key);
    }

    public Optional<Account> byId(UUID id) {
        return repository.findById(id);
    }

    public List<Account> all() {
        return repository.findAll();
    }

    /**
     * Takes the account row's lock until the caller's transaction ends: serialises work that must
     * happen once per account across instances (starting a reconciliation).
     */
    public void lock(UUID accountId) {
        repository.lock(accountId);
    }

    @Transactional
    public Account create(String key, String name) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw InvalidInputException.of("key", "use 1-63 lower-case letters, digits or inner hyphens");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw InvalidInputException.of("name", "must be 1-200 characters");
        }
        if (repository.findByKey(key).isPresent()) {
            throw InvalidInputException.of("key", "is already taken");
        }
        Account account = new Account(UUID.randomUUID(), key, name.strip(), Instant.now(clock));
        repository.insert(account);
        return account;
    }
}
