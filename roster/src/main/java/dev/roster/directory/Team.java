package dev.roster.directory;

import java.util.UUID;

/** A team of one account; its manager is the default manager of the people whose primary team it is. */
public record Team(UUID id, UUID accountId, String name, UUID managerId) {
}
