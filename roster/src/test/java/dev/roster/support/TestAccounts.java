package dev.roster.support;

import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.roster.access.ApiTokens;
import dev.roster.accounts.Account;
import dev.roster.accounts.Accounts;
import dev.roster.accounts.Role;
import dev.roster.directory.Credentials;
import dev.roster.directory.People;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonView;

/** Makes a fresh account with an owner who can sign in and an owner API token. */
@TestComponent
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final Accounts accounts;
    private final People people;
    private final Credentials credentials;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;

    TestAccounts(Accounts accounts, People people, Credentials credentials, ApiTokens tokens, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.people = people;
        this.credentials = credentials;
        this.tokens = tokens;
        this.encoder = encoder;
    }

    /** An account with a signed-up owner; {@code token} is an owner API token. */
    public record TestAccount(Account account, PersonView owner, String token) {
        public String key() {
            return account.key();
        }

        public UUID id() {
            return account.id();
        }

        public String api(String path) {
            return "/api/v1/accounts/" + account.key() + path;
        }

        public String page(String path) {
            return "/a/" + account.key() + path;
        }
    }

    public TestAccount create() {
        String key = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Account account = accounts.create(key, "Test " + key);
        PersonView owner = person(account, "owner@" + key + ".example", Role.OWNER);
        ApiTokens.Issued token = tokens.issue(account.id(), "test", Role.OWNER, owner.id());
        return new TestAccount(account, owner, token.secret());
    }

    /** A person of the account who can sign in with {@link #PASSWORD}. */
    public PersonView person(Account account, String email, Role role) {
        PersonView person = people.create(account.id(), new PersonInput(email, null, "First", "Last", null, null,
                null, null, null, null, null, role.wireName()));
        credentials.setPasswordHash(account.id(), person.id(), encoder.encode(PASSWORD));
        return person;
    }
}
