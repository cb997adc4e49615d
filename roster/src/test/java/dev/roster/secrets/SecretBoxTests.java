package dev.roster.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

    @TempDir
    Path dir;

    @Test
    void encryptWhenDecryptedThenSameSecretAndNoPlaintextStored() {
        SecretBox box = box(newKey());
        String stored = box.encrypt(Secret.of("00abcSECRETtoken"));
        assertThat(stored).startsWith("v1:" + box.currentKeyId() + ":").doesNotContain("SECRET");
        assertThat(box.decrypt(stored).reveal()).isEqualTo("00abcSECRETtoken");
    }

    @Test
    void encryptWhenSameSecretTwiceThenDifferentCiphertexts() {
        SecretBox box = box(newKey());
        assertThat(box.encrypt(Secret.of("same"))).isNotEqualTo(box.encrypt(Secret.of("same")));
    }

    @Test
    void decryptWhenKeyRotatedAndOldKeyListedThenStillReadable() {
        String oldKey = newKey();
        String stored = box(oldKey).encrypt(Secret.of("kept"));
        SecretBox rotated = new SecretBox(new SecretsProperties(newKey(), List.of(oldKey), dir.resolve("k").toString()));
        assertThat(rotated.decrypt(stored).reveal()).isEqualTo("kept");
    }

    @Test
    void decryptWhenKeyUnknownThenClearError() {
        String stored = box(newKey()).encrypt(Secret.of("lost"));
        assertThatThrownBy(() -> box(newKey()).decrypt(stored)).hasMessageContaining("ROSTER_SECRETS_OLD_KEYS");
    }

    @Test
    void decryptWhenTamperedThenRefused() {
        SecretBox box = box(newKey());
        String stored = box.encrypt(Secret.of("integrity"));
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.decrypt(tampered)).hasMessageContaining("could not be decrypted");
    }

    @Test
    void constructWhenNoKeyThenGeneratesKeyFileAndReusesIt() {
        String file = dir.resolve("secrets.key").toString();
        SecretBox first = new SecretBox(new SecretsProperties(null, List.of(), file));
        String stored = first.encrypt(Secret.of("demo"));
        SecretBox second = new SecretBox(new SecretsProperties(null, List.of(), file));
        assertThat(second.decrypt(stored).reveal()).isEqualTo("demo");
    }

    @Test
    void constructWhenKeyWrongLengthThenClearError() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> box(shortKey)).hasMessageContaining("must be 256 bits");
    }

    @Test
    void toStringWhenPrintedThenValueHidden() {
        assertThat(Secret.of("hunter2").toString()).doesNotContain("hunter2");
        assertThat(Secret.of("hunter2").matches("hunter2")).isTrue();
        assertThat(Secret.of("hunter2").matches("hunter3")).isFalse();
    }

    private SecretBox box(String key) {
        return new SecretBox(new SecretsProperties(key, List.of(), dir.resolve("unused.key").toString()));
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
