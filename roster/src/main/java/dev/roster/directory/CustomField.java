package dev.roster.directory;

import java.util.List;
import java.util.UUID;

/**
 * An account's own person attribute; values are checked against its type.
 *
 * @param visibleToEveryone members see it on everyone's page; otherwise only admins do (and each
 *                          person on their own profile)
 */
public record CustomField(UUID id, UUID accountId, String key, String label, CustomFieldType type, List<String> options,
        boolean visibleToEveryone) {

    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The canonical stored form of a raw value, or an {@link IllegalArgumentException} saying why not. */
    public String canonical(Object raw) {
        return type.canonical(raw, options);
    }
}
