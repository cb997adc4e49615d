package dev.roster.provisioning.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an Okta user maps to. Only enabled standard fields are present in {@code fields} (a null
 * value clears the field); fields whose Okta value was unusable are absent and named in
 * {@code problems}, so the rest of the person still syncs.
 *
 * @param managerRef   Okta's {@code managerId} (an id, login, email or employee number), or null
 * @param managerName  Okta's {@code manager} (display name), used only without a managerRef
 * @param custom       custom field key → canonical value (null clears)
 */
public record MappedPerson(String oktaId, String login, String employeeNumber, Map<StandardField, String> fields,
        String managerRef, String managerName, Map<String, String> custom, List<String> problems) {

    public MappedPerson {
        fields = fields.isEmpty() ? new EnumMap<>(StandardField.class) : new EnumMap<>(fields);
        custom = new TreeMap<>(custom);
        problems = List.copyOf(problems);
    }

    public String email() {
        return fields.get(StandardField.EMAIL);
    }

    public boolean has(StandardField field) {
        return fields.containsKey(field);
    }

    public String get(StandardField field) {
        return fields.get(field);
    }

    /** A fingerprint of everything mapped: equal fingerprints mean nothing to write. */
    public String fingerprint() {
        String canonical = oktaId + '\u0001' + login + '\u0001' + employeeNumber + '\u0001' + fields + '\u0001'
                + managerRef + '\u0001' + managerName + '\u0001' + custom;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
