package dev.roster.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/** Demo mode ({@code roster.demo.*}; {@code ROSTER_DEMO=true} switches it on). */
@Validated
@ConfigurationProperties("roster.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("demo") String account,
        @NotBlank @DefaultValue("owner@demo.example") String ownerEmail,
        @NotBlank @DefaultValue("roster-demo") String ownerPassword) {
}
