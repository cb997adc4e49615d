package dev.roster.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.InvalidInputException;
import dev.roster.common.InvalidInputException.FieldProblem;
import dev.roster.directory.CustomField;
import dev.roster.provisioning.internal.MappingSettingsRepository;
import dev.roster.provisioning.mapping.MappingSettings;
import dev.roster.provisioning.mapping.StandardField;

/** An account's field mapping: which standard rows apply and which Okta attribute fills which custom field. */
@Service
public class FieldMappings {

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    private final MappingSettingsRepository repository;
    private final Clock clock;

    FieldMappings(MappingSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The mapping as shown and edited: standard row → on/off, avatar attribute, custom field → Okta attribute. */
    public record Mapping(Map<String, Boolean> standard, String avatarAttribute, Map<String, String> custom) {
    }

    public Mapping get(UUID accountId) {
        return toMapping(repository.load(accountId));
    }

    @Transactional
    public Mapping save(UUID accountId, Mapping mapping) {
        MappingSettings current = repository.load(accountId);
        List<FieldProblem> problems = new ArrayList<>();
        Set<StandardField> disabled = EnumSet.noneOf(StandardField.class);
        disabled.addAll(current.disabled());
        if (mapping.standard() != null) {
            mapping.standard().forEach((name, on) -> {
                try {
                    StandardField field = StandardField.fromWire(name);
                    if (field == StandardField.EMAIL && Boolean.FALSE.equals(on)) {
                        problems.add(new FieldProblem("standard.email", "email is how people are matched; it stays on"));
                    } else if (Boolean.FALSE.equals(on)) {
                        disabled.add(field);
                    } else {
                        disabled.remove(field);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("standard." + name, "is not a standard field"));
                }
            });
        }
        String avatar = mapping.avatarAttribute() == null ? current.avatarAttribute() : mapping.avatarAttribute().strip();
        if (!ATTRIBUTE.matcher(avatar).matches()) {
            problems.add(new FieldProblem("avatarAttribute", "an Okta profile attribute name, like avatarUrl"));
        }
        Map<String, String> custom = mapping.custom() == null ? current.customMappings() : mapping.custom();
        Set<String> keys = new java.util.HashSet<>(current.customFields().stream().map(CustomField::key).toList());
        custom.forEach((fieldKey, attribute) -> {
            if (!keys.contains(fieldKey)) {
                problems.add(new FieldProblem("custom." + fieldKey, "is not a custom field of this account"));
            } else if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
                problems.add(new FieldProblem("custom." + fieldKey, "an Okta profile attribute name, like costCenter"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.save(accountId, disabled, avatar, custom, Instant.now(clock));
        return get(accountId);
    }

    private static Mapping toMapping(MappingSettings settings) {
        Map<String, Boolean> standard = new LinkedHashMap<>();
        for (StandardField field : StandardField.values()) {
            standard.put(field.wireName(), settings.enabled(field));
        }
        return new Mapping(standard, settings.avatarAttribute(), new LinkedHashMap<>(settings.customMappings()));
    }
}
