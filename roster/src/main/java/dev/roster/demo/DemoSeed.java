package dev.roster.demo;

import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.accounts.Role;
import dev.roster.directory.Credentials;
import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonView;
import dev.roster.provisioning.FieldMappings;

/**
 * Creates the demo account once: an owner who signs in with a password, and custom fields mapped
 * from the simulated org's custom attributes. Everyone else arrives from Okta.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoSeed implements ApplicationRunner {

    private final DemoProperties properties;
    private final Accounts accounts;
    private final People people;
    private final CustomFields customFields;
    private final FieldMappings mappings;
    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;

    DemoSeed(DemoProperties properties, Accounts accounts, People people, CustomFields customFields,
            FieldMappings mappings, Credentials credentials, PasswordEncoder encoder, TransactionTemplate transaction) {
        this.properties = properties;
        this.accounts = accounts;
        this.people = people;
        this.customFields = customFields;
        this.mappings = mappings;
        this.credentials = credentials;
        this.encoder = encoder;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.byKey(properties.account()).isEmpty()) {
            transaction.executeWithoutResult(status -> seed());
        }
    }

    private void seed() {
        Account account = accounts.create(properties.account(), "Demo Co");
        PersonView owner = people.create(account.id(), new PersonInput(properties.ownerEmail(), null, "Olive",
                "Owner", null, "Owner", "en-GB", "London", null, null, Map.of(), Role.OWNER.wireName()));
        credentials.setPasswordHash(account.id(), owner.id(), encoder.encode(properties.ownerPassword()));
        customFields.create(account.id(), "hireDate", "Hire date", "date", List.of());
        customFields.create(account.id(), "costCenter", "Cost centre", "text", List.of());
        mappings.save(account.id(), new FieldMappings.Mapping(null, null,
                Map.of("hireDate", "hireDate", "costCenter", "costCenter")));
    }
}
