package dev.roster.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** Limits at the HTTP edge ({@code roster.web.*}). */
@Validated
@ConfigurationProperties("roster.web")
public record WebLimitsProperties(@NotNull @DefaultValue("4MB") DataSize maxBodyBytes) {
}
