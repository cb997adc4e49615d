package dev.roster.demo;

import static dev.roster.support.OktaFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.roster.accounts.Accounts;
import dev.roster.common.PageRequest;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.okta.OktaConnections;
import dev.roster.support.LiveServerTest;

/** Demo mode: an account connected to an embedded simulated org, first sync done, hooks flowing. */
@TestPropertySource(properties = {"roster.demo.enabled=true", "roster.demo.okta-users=15"})
class DemoModeTests extends LiveServerTest {

    @Autowired
    Accounts accountsService;

    @Autowired
    People people;

    @Autowired
    OktaConnections connections;

    @Autowired
    DemoOkta okta;

    private long total(String text) {
        var account = accountsService.byKey("demo").orElseThrow();
        return people.search(account.id(), new PeopleQuery(text, null, null, null, null), PageRequest.of(0, 1)).total();
    }

    @Test
    void demoWhenStartedThenOrgSyncedAndHookChangesArrive() {
        var account = accountsService.byKey("demo").orElseThrow();
        assertThat(connections.find(account.id())).get().satisfies(c -> {
            assertThat(c.ssoEnabled()).isTrue();
            assertThat(c.provisioningEnabled()).isTrue();
        });
        eventually(() -> total(null) == 16);
        var someone = okta.simulator().org().users().get(0);
        okta.simulator().org().updateProfile(someone.id(), Map.of("lastName", "Hookarrived"));
        eventually(() -> total("Hookarrived") == 1);
    }
}
