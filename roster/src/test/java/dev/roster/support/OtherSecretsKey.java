package dev.roster.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import dev.roster.secrets.Secret;
import dev.roster.secrets.SecretBox;
import dev.roster.secrets.SecretsProperties;

/** Values sealed under a key the application under test does not have: what another instance with its own key writes. */
public final class OtherSecretsKey {

    private OtherSecretsKey() {
    }

    public static String seal(String value) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretBox other = new SecretBox(new SecretsProperties(Base64.getEncoder().encodeToString(key), List.of(),
                "./unused-other-instance.key"));
        return other.encrypt(Secret.of(value));
    }
}
