package dev.roster.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
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

    @Test
    void openWhenWrittenWithAnotherKeyThenUnreadableSecretNamingBothKeysLoggedOnce(CapturedOutput output) {
        SecretBox other = box(newKey());
        String stored = other.encrypt(Secret.of("hookSECRETvalue"));
        SecretBox box = box(newKey());
        Secret first = box.open(stored);
        Secret second = box.open(other.encrypt(Secret.of("anotherSECRET")));
        assertThat(first.readable()).isFalse();
        assertThat(first.matches("hookSECRETvalue")).isFalse();
        assertThat(first.problem()).contains(other.currentKeyId(), box.currentKeyId(), "ROSTER_SECRETS_KEY");
        assertThatThrownBy(first::reveal).isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining(other.currentKeyId()).hasMessageNotContaining("hookSECRETvalue");
        assertThat(second.readable()).isFalse();
        assertThat(output.getOut().split(other.currentKeyId() + ", which this instance", -1)).hasSize(2);
        assertThat(output.getAll()).doesNotContain("hookSECRETvalue", "anotherSECRET", stored);
    }

    @Test
    void encryptWhenSecretUnreadableThenStoredValueKeptSoTheRightKeyReadsItLater() {
        String otherKey = newKey();
        String stored = box(otherKey).encrypt(Secret.of("kept-as-is"));
        String rewritten = box(newKey()).encrypt(box(newKey()).open(stored));
        assertThat(rewritten).isEqualTo(stored);
        assertThat(box(otherKey).decrypt(rewritten).reveal()).isEqualTo("kept-as-is");
    }

    @Test
    void openWhenReadableThenSameAsDecrypt() {
        SecretBox box = box(newKey());
        assertThat(box.open(box.encrypt(Secret.of("plain"))).reveal()).isEqualTo("plain");
    }

    @Test
    void checkWhenPostgresWithoutKeyThenRefusedNamingWhatToSet() {
        SecretsProperties noKey = new SecretsProperties(null, List.of(), "./data/secrets.key");
        assertThatThrownBy(() -> GeneratedKeyPolicy.check(noKey, "jdbc:postgresql://db:5432/roster?password=x", false))
                .isInstanceOf(SecretsKeyMissingException.class)
                .hasMessageContaining("ROSTER_SECRETS_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageContaining("./data/secrets.key")
                .hasMessageContaining("jdbc:postgresql://db:5432/roster")
                .hasMessageNotContaining("password=x");
    }

    @Test
    void checkWhenH2OrDemoOrKeySetThenAllowed() {
        SecretsProperties noKey = new SecretsProperties(null, List.of(), "./data/secrets.key");
        assertThat(GeneratedKeyPolicy.check(noKey, "jdbc:h2:file:./data/roster", false)).isSameAs(noKey);
        assertThat(GeneratedKeyPolicy.check(noKey, "", false)).isSameAs(noKey);
        assertThat(GeneratedKeyPolicy.check(noKey, "jdbc:postgresql://db/roster", true)).isSameAs(noKey);
        SecretsProperties withKey = new SecretsProperties(newKey(), List.of(), "./data/secrets.key");
        assertThat(GeneratedKeyPolicy.check(withKey, "jdbc:postgresql://db/roster", false)).isSameAs(withKey);
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
