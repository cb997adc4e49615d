package dev.roster.access;

import static dev.roster.support.OktaFixture.eventually;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import dev.roster.directory.CustomFields;
import dev.roster.directory.People;
import dev.roster.directory.PeopleQuery;
import dev.roster.directory.PersonInput;
import dev.roster.directory.PersonView;
import dev.roster.directory.Teams;
import dev.roster.common.PageRequest;
import dev.roster.okta.OktaConnections;
import dev.roster.oktasimulator.OktaSimulator;
import dev.roster.provisioning.FieldMappings;
import dev.roster.provisioning.SyncRuns;
import dev.roster.support.OktaFixture;
import dev.roster.support.TestAccounts;
import dev.roster.support.TestAccounts.TestAccount;

/**
 * An account with one of everything an endpoint can name — a person, a team, a custom field, an Okta
 * connection with its hook secret, a finished sync run, an API token, a SCIM token and a SCIM user (the
 * person) — each carrying a marker that no
 * other account's response may ever contain, and a {@link #snapshot()} of it all to prove nothing changed.
 */
record SweptAccount(TestAccount account, String hookSecret, UUID personId, UUID teamId, UUID fieldId, UUID runId,
        UUID tokenId, String scimToken, List<String> markers, ApplicationContext context) {

    static SweptAccount create(ApplicationContext context, OktaSimulator okta) {
        TestAccount account = context.getBean(TestAccounts.class).create();
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        UUID teamId = context.getBean(Teams.class).create(account.id(), "Team" + marker, null).id();
        UUID fieldId = context.getBean(CustomFields.class).create(account.id(), "f" + marker, "Field" + marker, "text",
                List.of()).id();
        UUID personId = context.getBean(People.class).create(account.id(), new PersonInput(marker + "@leak.example",
                null, "First" + marker, "Last" + marker, null, "Job" + marker, null, "City" + marker,
                "Team" + marker, null, Map.of("f" + marker, "Value" + marker), null)).id();
        String hookSecret = OktaFixture.connect(context.getBean(OktaConnections.class), account.id(), okta);
        SyncRuns runs = context.getBean(SyncRuns.class);
        UUID runId = runs.start(account.id(), "api").id();
        eventually(() -> runs.find(account.id(), runId).orElseThrow().finished());
        UUID tokenId = context.getBean(ApiTokens.class).list(account.id()).get(0).id();
        String scimToken = ScimSweep.enable(context, account.id(), marker + "@leak.example", "Team" + marker);
        return new SweptAccount(account, hookSecret, personId, teamId, fieldId, runId, tokenId, scimToken,
                List.of(marker + "@leak", "First" + marker, "Last" + marker, "Team" + marker, "Field" + marker,
                        "Job" + marker, "City" + marker, "Value" + marker, hookSecret, account.token(), scimToken),
                context);
    }

    String key() {
        return account.key();
    }

    /** Values for an endpoint's path variables: this account's key and this account's records. */
    Map<String, String> variables() {
        return variables(key());
    }

    /** This account's records under another account's key. */
    Map<String, String> variables(String key) {
        return Map.of("key", key, "personId", personId.toString(), "teamId", teamId.toString(), "fieldId",
                fieldId.toString(), "runId", runId.toString(), "tokenId", tokenId.toString());
    }

    /** Everything a request could change, as one comparable string. */
    String snapshot() {
        UUID id = account.id();
        StringBuilder s = new StringBuilder();
        People people = context.getBean(People.class);
        for (PersonView p : people.search(id, PeopleQuery.all(), new PageRequest(0, 500)).items()) {
            s.append(p.person()).append(p.primaryTeam()).append(people.customJson(p)).append('\n');
        }
        s.append(context.getBean(Teams.class).all(id)).append('\n');
        s.append(context.getBean(CustomFields.class).all(id)).append('\n');
        context.getBean(ApiTokens.class).list(id).forEach(t -> s.append(t.id()).append(t.active()).append(t.role()));
        context.getBean(OktaConnections.class).find(id)
                .ifPresent(c -> s.append(c).append(c.hookSecret().reveal()).append('\n'));
        s.append(context.getBean(SyncRuns.class).page(id, 0, 50).items()).append('\n');
        s.append(context.getBean(FieldMappings.class).get(id)).append('\n');
        s.append(ScimSweep.snapshot(context, id));
        return s.toString();
    }
}
