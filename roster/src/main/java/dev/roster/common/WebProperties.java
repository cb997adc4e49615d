package dev.roster.common;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * The HTTP edge ({@code roster.web.*}).
 *
 * @param publicUrl how Okta and browsers reach Roster (e.g. {@code https://roster.example.com});
 *                  when unset, taken from each request (honouring X-Forwarded-* headers)
 */
@Validated
@ConfigurationProperties("roster.web")
public record WebProperties(@NotNull @DefaultValue("10MB") DataSize maxBodyBytes, URI publicUrl) {
}
