package dev.roster.oktasimulator.oidc;

import java.util.Set;

/** A validated authorization request, waiting for the user to sign in. */
record OidcRequest(AuthorizationServer server, String clientId, String redirectUri, Set<String> scopes, String state,
        String nonce, String codeChallenge, String loginHint, long created) {
}
