package dev.roster.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.roster.common.InvalidInputException;
import dev.roster.common.InvalidInputException.FieldProblem;
import dev.roster.common.NotFoundException;
import dev.roster.directory.internal.CustomFieldRepository;

/** An account's custom fields: their definitions, and checking values against them. */
@Service
public class CustomFields {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    private final CustomFieldRepository repository;
    private final Clock clock;

    CustomFields(CustomFieldRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public List<CustomField> all(UUID accountId) {
        return repository.findAll(accountId);
    }

    /** A field that only admins see on other people's pages. */
    public CustomField create(UUID accountId, String key, String label, String type, List<String> options) {
        return create(accountId, key, label, type, options, false);
    }

    @Transactional
    public CustomField create(UUID accountId, String key, String label, String type, List<String> options,
            boolean visibleToEveryone) {
        List<FieldProblem> problems = new ArrayList<>();
        if (key == null || !KEY.matcher(key).matches()) {
            problems.add(new FieldProblem("key", "use a letter, then letters, digits or _ (at most 64)"));
        } else if (all(accountId).stream().anyMatch(f -> f.key().equalsIgnoreCase(key))) {
            problems.add(new FieldProblem("key", "is already used by another custom field"));
        }
        if (label == null || label.isBlank() || label.length() > 200) {
            problems.add(new FieldProblem("label", "must be 1-200 characters"));
        }
        CustomFieldType fieldType = null;
        try {
            fieldType = CustomFieldType.fromWire(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("type", "must be text, number, date, boolean or one_of"));
        }
        List<String> cleanOptions = options == null ? List.of()
                : options.stream().map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
        if (fieldType == CustomFieldType.ONE_OF && cleanOptions.isEmpty()) {
            problems.add(new FieldProblem("options", "a one-of list needs at least one option"));
        }
        if (cleanOptions.stream().anyMatch(o -> o.length() > 200) || cleanOptions.size() > 100) {
            problems.add(new FieldProblem("options", "at most 100 options of at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CustomField field = new CustomField(UUID.randomUUID(), accountId, key, label.strip(), fieldType,
                fieldType == CustomFieldType.ONE_OF ? cleanOptions : List.of(), visibleToEveryone);
        repository.insert(field, Instant.now(clock));
        return field;
    }

    /** Shows the field to everyone in the account on every person's page, or to admins only. */
    @Transactional
    public void setVisibility(UUID accountId, UUID fieldId, boolean visibleToEveryone) {
        if (!repository.setVisibility(accountId, fieldId, visibleToEveryone)) {
            throw new NotFoundException("No such custom field.");
        }
    }

    /**
     * The stored values after applying raw input to the current ones: a null raw value clears the
     * field. Unknown keys and values that do not fit the type are reported per field.
     */
    public Map<String, String> apply(UUID accountId, Map<String, String> current, Map<String, Object> raw) {
        Map<String, CustomField> fields = byKey(accountId);
        Map<String, String> result = new LinkedHashMap<>(current);
        List<FieldProblem> problems = new ArrayList<>();
        raw.forEach((key, value) -> {
            CustomField field = fields.get(key);
            if (field == null) {
                problems.add(new FieldProblem("customFields." + key, "is not a custom field of this account"));
            } else if (value == null || (value instanceof String s && s.isBlank())) {
                result.remove(key);
            } else {
                try {
                    result.put(key, field.canonical(value));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("customFields." + key, e.getMessage()));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return result;
    }

    /** Stored values as JSON-ready objects (numbers and booleans typed), for fields still defined. */
    public Map<String, Object> toJson(UUID accountId, Map<String, String> values) {
        Map<String, CustomField> fields = byKey(accountId);
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            CustomField field = fields.get(key);
            json.put(key, field == null ? value : field.type().toJson(value));
        });
        return json;
    }

    private Map<String, CustomField> byKey(UUID accountId) {
        return all(accountId).stream().collect(Collectors.toMap(CustomField::key, Function.identity()));
    }
}
