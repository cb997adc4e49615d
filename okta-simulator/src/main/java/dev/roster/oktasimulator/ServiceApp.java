package dev.roster.oktasimulator;

import com.nimbusds.jose.jwk.JWK;
import java.util.Set;

/** An API service app: authenticates with private_key_jwt and may be granted okta.* scopes. */
public record ServiceApp(String clientId, JWK publicKey, Set<String> grantedScopes) {
    public ServiceApp {
        grantedScopes = Set.copyOf(grantedScopes);
    }
}
