package dev.roster.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Sign-in and bootstrap settings ({@code roster.access.*} and {@code roster.bootstrap.*} via
 * application.yml, where the fixed {@code ROSTER_BOOTSTRAP_*} variables are bound).
 */
@Validated
@ConfigurationProperties("roster.access")
public record AccessProperties(
        @Min(1) @DefaultValue("5") int maxFailedSignIns,
        @NotNull @DefaultValue("15m") Duration lockout,
        @Valid @NotNull @DefaultValue Bootstrap bootstrap) {

    /** The first account, its owner and an owner API token, applied only when the account does not exist. */
    public record Bootstrap(String account, String accountName, String ownerEmail, String ownerPassword,
            String apiToken) {

        public boolean requested() {
            return account != null && !account.isBlank();
        }
    }
}
