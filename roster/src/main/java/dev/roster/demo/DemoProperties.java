package dev.roster.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Demo mode ({@code roster.demo.*}; {@code ROSTER_DEMO=true} or {@code --demo} switches it on).
 *
 * @param oktaUsers how many people the embedded simulated Okta org has
 */
@Validated
@ConfigurationProperties("roster.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("demo") String account,
        @NotBlank @DefaultValue("owner@demo.example") String ownerEmail,
        @NotBlank @DefaultValue("roster-demo") String ownerPassword,
        @Min(1) @DefaultValue("200") int oktaUsers,
        @DefaultValue("0") int oktaPort) {
}
