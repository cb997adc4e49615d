package dev.roster.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.roster.RosterApplication;
import dev.roster.support.TestDatabase;

/** Several instances on one PostgreSQL must share one key: without ROSTER_SECRETS_KEY, Roster does not start. */
class SecretsKeyRequiredTests {

    @TempDir
    Path dir;

    @Test
    void startWhenPostgresAndNoSecretsKeyThenRefusesSayingWhatToSetAndGeneratesNothing() {
        assumeTrue(TestDatabase.postgres(), "needs the PostgreSQL tier (-Droster.test.database=postgres)");
        Map<String, Object> properties = new LinkedHashMap<>(TestDatabase.shared());
        Path keyFile = dir.resolve("secrets.key");
        properties.put("roster.secrets.key-file", keyFile.toString());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        assertThatThrownBy(() -> new SpringApplicationBuilder(RosterApplication.class).run(args).close())
                .rootCause().isInstanceOf(SecretsKeyMissingException.class)
                .hasMessageContaining("Set ROSTER_SECRETS_KEY to the same base64 256-bit key on every instance");
        assertThat(Files.exists(keyFile)).isFalse();
    }
}
