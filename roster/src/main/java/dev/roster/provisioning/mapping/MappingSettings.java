package dev.roster.provisioning.mapping;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.roster.directory.CustomField;

/**
 * An account's mapping: which standard rows apply, where the avatar comes from, and which Okta
 * attribute fills which custom field.
 *
 * @param customMappings custom field key → Okta profile attribute
 * @param customFields   the account's custom field definitions, for type conversion
 */
public record MappingSettings(Set<StandardField> disabled, String avatarAttribute, Map<String, String> customMappings,
        List<CustomField> customFields) {

    public static final String DEFAULT_AVATAR_ATTRIBUTE = "avatarUrl";

    public MappingSettings {
        disabled = disabled.isEmpty() ? EnumSet.noneOf(StandardField.class) : EnumSet.copyOf(disabled);
        disabled.remove(StandardField.EMAIL);
        customMappings = Map.copyOf(customMappings);
        customFields = List.copyOf(customFields);
    }

    public static MappingSettings defaults() {
        return new MappingSettings(Set.of(), DEFAULT_AVATAR_ATTRIBUTE, Map.of(), List.of());
    }

    public boolean enabled(StandardField field) {
        return !disabled.contains(field);
    }
}
