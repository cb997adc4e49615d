package dev.roster.access;

import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.roster.scim.internal.ScimGroups;
import dev.roster.scim.internal.ScimSettings;
import dev.roster.scim.internal.ScimTokens;
import dev.roster.scim.internal.ScimUsers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The SCIM side of a {@link SweptAccount}: switched on, a token, the person a SCIM user, the team a group. */
final class ScimSweep {

    private ScimSweep() {
    }

    /**
     * Switches SCIM on and returns a SCIM token. The swept account also has an Okta connection that
     * provisions (for its sync run), which the product refuses to combine with SCIM; the sweep needs
     * every door open at once, so the switch is written directly.
     */
    static String enable(ApplicationContext context, UUID accountId, String personEmail, String teamName) {
        context.getBean(JdbcClient.class).sql("INSERT INTO scim_settings (account_id, enabled, withhold_invitations,"
                + " updated_at) VALUES (?, TRUE, FALSE, CURRENT_TIMESTAMP)").param(accountId).update();
        String token = context.getBean(ScimTokens.class).issue(accountId, "sweep").token();
        ObjectNode user = (ObjectNode) JsonMapper.builder().build().readTree(
                "{\"userName\":\"" + personEmail + "\",\"emails\":[{\"value\":\"" + personEmail + "\"}]}");
        ObjectNode group = (ObjectNode) JsonMapper.builder().build().readTree("{\"displayName\":\"" + teamName + "\"}");
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
            context.getBean(ScimUsers.class).create(accountId, user);
            context.getBean(ScimGroups.class).create(accountId, group);
        });
        return token;
    }

    static String snapshot(ApplicationContext context, UUID accountId) {
        StringBuilder s = new StringBuilder();
        s.append(context.getBean(ScimSettings.class).find(accountId)).append('\n');
        context.getBean(ScimTokens.class).list(accountId).forEach(t -> s.append(t.id()).append(t.revokedAt()));
        context.getBean(ScimUsers.class).list(accountId, null, 1, 1000).users()
                .forEach(u -> s.append(u.id()).append(u.version()).append(u.document()));
        context.getBean(ScimGroups.class).list(accountId, null, 1, 1000, true).groups().forEach(s::append);
        return s.toString();
    }
}
