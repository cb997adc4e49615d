package dev.roster.access.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.access.AccessProperties;
import dev.roster.access.ApiTokens;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.accounts.Role;
import dev.roster.directory.Credentials;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonView;

/**
 * First-run bootstrap from the {@code ROSTER_BOOTSTRAP_*} variables: the account, its owner and an
 * owner API token, created together and only when the account does not exist yet.
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final AccessProperties.Bootstrap settings;
    private final Accounts accounts;
    private final People people;
    private final Credentials credentials;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;

    Bootstrap(AccessProperties properties, Accounts accounts, People people, Credentials credentials,
            ApiTokens tokens, PasswordEncoder encoder, TransactionTemplate transaction) {
        this.settings = properties.bootstrap();
        this.accounts = accounts;
        this.people = people;
        this.credentials = credentials;
        this.tokens = tokens;
        this.encoder = encoder;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.requested()) {
            return;
        }
        if (accounts.byKey(settings.account()).isPresent()) {
            log.info("Bootstrap: account '{}' exists already; nothing to do", settings.account());
            return;
        }
        transaction.executeWithoutResult(status -> apply());
    }

    private void apply() {
        String name = blank(settings.accountName()) ? settings.account() : settings.accountName();
        Account account = accounts.create(settings.account(), name);
        if (!blank(settings.ownerEmail())) {
            PersonView owner = people.create(account.id(), new PersonInput(settings.ownerEmail(), null, null, null,
                    null, null, null, null, null, null, null, Role.OWNER.wireName()));
            if (!blank(settings.ownerPassword())) {
                credentials.setPasswordHash(account.id(), owner.id(), encoder.encode(settings.ownerPassword()));
            }
        }
        if (!blank(settings.apiToken())) {
            tokens.store(account.id(), "bootstrap", Role.OWNER, null, settings.apiToken());
        }
        log.info("Bootstrap: created account '{}' with owner {}{}", account.key(),
                blank(settings.ownerEmail()) ? "(none)" : settings.ownerEmail(),
                blank(settings.apiToken()) ? "" : " and an owner API token");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
