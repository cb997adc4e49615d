package dev.roster.scim.web;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.roster.accounts.Accounts;
import dev.roster.scim.internal.ScimSettings;
import dev.roster.scim.internal.ScimTokens;
import dev.roster.scim.protocol.ScimException;

/**
 * Who a SCIM request acts for: the account named in the URL, if the bearer token is one of that
 * account's live tokens and SCIM is switched on for it. An unknown account, a wrong token and another
 * account's token get the same 401, so the answer tells a caller nothing about other accounts.
 */
@Component
class ScimAuthenticator {

    private final Accounts accounts;
    private final ScimTokens tokens;
    private final ScimSettings settings;

    ScimAuthenticator(Accounts accounts, ScimTokens tokens, ScimSettings settings) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.settings = settings;
    }

    UUID account(String key, String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        UUID accountId = accounts.byKey(key).map(a -> a.id()).orElse(null);
        if (accountId == null || token == null || !tokens.authenticate(accountId, token)) {
            throw new ScimException.Unauthorized("send one of this account's SCIM tokens as 'Authorization: Bearer"
                    + " <token>'");
        }
        if (!settings.find(accountId).enabled()) {
            throw new ScimException.Unauthorized("SCIM is switched off for this account; an admin switches it on"
                    + " in Roster");
        }
        return accountId;
    }
}
