package dev.roster.accounts;

import java.time.Instant;
import java.util.UUID;

/** A customer account (tenant). The key names it in URLs, like a subdomain would. */
public record Account(UUID id, String key, String name, Instant createdAt) {
}
