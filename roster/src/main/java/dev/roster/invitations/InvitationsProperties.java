package dev.roster.invitations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Invitation emails ({@code roster.invitations.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from             the sender, e.g. {@code Roster <no-reply@roster.example.com>}
 * @param tokenValidity    how long an accept link works
 * @param maxAttempts      tries of one email before it is given up (the error stays on the person)
 * @param retryDelay       wait before the first retry; each further retry waits twice as long
 * @param dispatchInterval how often an instance looks for provisioned people whose invitation is pending
 */
@Validated
@ConfigurationProperties("roster.invitations")
public record InvitationsProperties(
        @NotBlank @DefaultValue("Roster <roster@localhost>") String from,
        @NotNull @DefaultValue("7d") Duration tokenValidity,
        @Min(1) @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("30s") Duration retryDelay,
        @NotNull @DefaultValue("10s") Duration dispatchInterval) {
}
