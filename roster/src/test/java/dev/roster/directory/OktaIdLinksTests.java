package dev.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.roster.accounts.Role;
import dev.roster.support.IntegrationTest;
import dev.roster.support.TestAccounts.TestAccount;

class OktaIdLinksTests extends IntegrationTest {

    @Autowired
    OktaIdLinks links;

    @Autowired
    People people;

    @Test
    void linkWhenPersonUnboundThenBoundAndAgainIsIdempotent() {
        TestAccount acme = accounts.create();
        PersonView person = accounts.person(acme.account(), "jane@" + acme.key() + ".example", Role.MEMBER);

        assertThat(links.link(acme.id(), person.id(), "00uJane")).isTrue();
        assertThat(links.link(acme.id(), person.id(), "00uJane")).isTrue();
        assertThat(people.require(acme.id(), person.id()).person().oktaId()).isEqualTo("00uJane");
    }

    @Test
    void linkWhenPersonBoundToAnotherOktaIdThenRefusedAndUnchanged() {
        TestAccount acme = accounts.create();
        PersonView person = accounts.person(acme.account(), "jane@" + acme.key() + ".example", Role.MEMBER);
        links.link(acme.id(), person.id(), "00uJane");

        assertThat(links.link(acme.id(), person.id(), "00uMallory")).isFalse();
        assertThat(people.require(acme.id(), person.id()).person().oktaId()).isEqualTo("00uJane");
    }

    @Test
    void linkWhenAnotherPersonHoldsTheOktaIdThenRefused() {
        TestAccount acme = accounts.create();
        PersonView jane = accounts.person(acme.account(), "jane@" + acme.key() + ".example", Role.MEMBER);
        PersonView john = accounts.person(acme.account(), "john@" + acme.key() + ".example", Role.MEMBER);
        links.link(acme.id(), jane.id(), "00uJane");

        assertThat(links.link(acme.id(), john.id(), "00uJane")).isFalse();
        assertThat(people.require(acme.id(), john.id()).person().oktaId()).isNull();
    }

    @Test
    void linkWhenPersonOfAnotherAccountThenNothingChanges() {
        TestAccount acme = accounts.create();
        TestAccount other = accounts.create();
        PersonView jane = accounts.person(acme.account(), "jane@" + acme.key() + ".example", Role.MEMBER);

        assertThat(links.link(other.id(), jane.id(), "00uJane")).isFalse();
        assertThat(people.require(acme.id(), jane.id()).person().oktaId()).isNull();
    }
}
