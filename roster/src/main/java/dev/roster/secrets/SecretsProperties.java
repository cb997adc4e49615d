package dev.roster.secrets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * {@code roster.secrets.*}: {@code ROSTER_SECRETS_KEY} is the current key (base64, 256 bits);
 * {@code ROSTER_SECRETS_OLD_KEYS} lists retired keys still needed to read older values. Without a
 * key, one is generated into {@code key-file} (fine for the demo, not for several instances).
 */
@Validated
@ConfigurationProperties("roster.secrets")
public record SecretsProperties(String key, @DefaultValue List<String> oldKeys,
        @NotBlank @DefaultValue("./data/secrets.key") String keyFile) {
}
