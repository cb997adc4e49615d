package dev.roster.demo;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import dev.roster.directory.Teams;

/** Creates the demo account once: an owner, a few teams with managers, people and a custom field. */
@Component
@Order(10)
@ConditionalOnProperty(name = "roster.demo.enabled", havingValue = "true")
class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private static final List<String> TEAMS = List.of("Engineering", "Sales", "People");
    private static final List<String[]> PEOPLE = List.of(
            new String[] {"Ada", "Lovelace", "Engineering", "Head of Engineering"},
            new String[] {"Alan", "Turing", "Engineering", "Engineer"},
            new String[] {"Grace", "Hopper", "Engineering", "Engineer"},
            new String[] {"Mary", "Jackson", "Sales", "Head of Sales"},
            new String[] {"Katherine", "Johnson", "Sales", "Account Executive"},
            new String[] {"Dorothy", "Vaughan", "People", "Head of People"},
            new String[] {"Edsger", "Dijkstra", "People", "Recruiter"});

    private final DemoProperties properties;
    private final Accounts accounts;
    private final People people;
    private final Teams teams;
    private final CustomFields customFields;
    private final Credentials credentials;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;

    DemoSeed(DemoProperties properties, Accounts accounts, People people, Teams teams, CustomFields customFields,
            Credentials credentials, PasswordEncoder encoder, TransactionTemplate transaction) {
        this.properties = properties;
        this.accounts = accounts;
        this.people = people;
        this.teams = teams;
        this.customFields = customFields;
        this.credentials = credentials;
        this.encoder = encoder;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.byKey(properties.account()).isEmpty()) {
            transaction.executeWithoutResult(status -> seed());
            log.info("Demo: created account '{}'", properties.account());
        }
    }

    private void seed() {
        Account account = accounts.create(properties.account(), "Demo Co");
        PersonView owner = people.create(account.id(), person(properties.ownerEmail(), "Olive", "Owner", null, "Owner",
                Role.OWNER));
        credentials.setPasswordHash(account.id(), owner.id(), encoder.encode(properties.ownerPassword()));
        customFields.create(account.id(), "hireDate", "Hire date", "date", List.of());
        TEAMS.forEach(team -> teams.create(account.id(), team, null));
        for (String[] p : PEOPLE) {
            String email = p[0].toLowerCase() + "." + p[1].toLowerCase() + "@demo.example";
            PersonView created = people.create(account.id(), person(email, p[0], p[1], p[2], p[3], Role.MEMBER));
            if (p[3].startsWith("Head of")) {
                teams.byName(account.id(), p[2]).ifPresent(t -> teams.update(account.id(), t.id(), t.name(), created.id()));
            }
        }
    }

    private static PersonInput person(String email, String first, String last, String team, String job, Role role) {
        return new PersonInput(email, null, first, last, null, job, "en-GB", "London", team, null, Map.of(),
                role.wireName());
    }
}
