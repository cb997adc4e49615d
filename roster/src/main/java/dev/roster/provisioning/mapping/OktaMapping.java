package dev.roster.provisioning.mapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.roster.directory.CustomField;
import dev.roster.okta.OktaUser;

/**
 * The field mapping: a pure function from an Okta user and the account's settings to the
 * person's fields. No database, no Okta calls; every rule has a unit test.
 */
public final class OktaMapping {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");

    private OktaMapping() {
    }

    public static MappedPerson map(OktaUser user, MappingSettings settings) {
        Map<StandardField, String> fields = new EnumMap<>(StandardField.class);
        List<String> problems = new ArrayList<>();
        for (StandardField field : StandardField.values()) {
            if (!settings.enabled(field) || field == StandardField.MANAGER) {
                continue;
            }
            String value = switch (field) {
                case AVATAR -> user.text(settings.avatarAttribute());
                case LANGUAGE -> language(user);
                default -> user.text(field.oktaAttribute());
            };
            value = value == null ? null : value.strip();
            String problem = problem(field, value);
            if (problem == null) {
                fields.put(field, value);
            } else {
                problems.add(problem);
            }
        }
        String managerRef = null;
        String managerName = null;
        if (settings.enabled(StandardField.MANAGER)) {
            managerRef = user.text("managerId");
            managerName = user.text("manager");
        }
        Map<String, String> custom = new HashMap<>();
        for (CustomField field : settings.customFields()) {
            String attribute = settings.customMappings().get(field.key());
            if (attribute == null) {
                continue;
            }
            Object raw = user.profile().get(attribute);
            if (raw == null || (raw instanceof String s && s.isBlank())) {
                custom.put(field.key(), null);
                continue;
            }
            try {
                custom.put(field.key(), field.canonical(raw instanceof List<?> list ? String.join(", ",
                        list.stream().map(String::valueOf).toList()) : raw));
            } catch (IllegalArgumentException e) {
                problems.add(field.label() + " (from Okta's " + attribute + "): " + e.getMessage());
            }
        }
        String login = user.text("login");
        return new MappedPerson(user.id(), login == null ? null : login.toLowerCase(java.util.Locale.ROOT),
                user.text("employeeNumber"), fields, managerRef, managerName, custom, problems);
    }

    /** {@code preferredLanguage} (a BCP 47 tag) wins; else the {@code locale}, written as a tag. */
    static String language(OktaUser user) {
        String preferred = user.text("preferredLanguage");
        if (preferred != null) {
            return preferred;
        }
        String locale = user.text("locale");
        return locale == null ? null : locale.replace('_', '-');
    }

    private static String problem(StandardField field, String value) {
        if (value == null) {
            return field == StandardField.EMAIL ? "email: Okta has no email for this user" : null;
        }
        if (value.length() > field.maxLength()) {
            return field.wireName() + ": longer than " + field.maxLength() + " characters; kept the previous value";
        }
        if (field == StandardField.EMAIL && !EMAIL.matcher(value).matches()) {
            return "email: \"" + value + "\" is not an email address";
        }
        if (field == StandardField.AVATAR && !HTTP_URL.matcher(value).matches()) {
            return "avatar: not an http(s) URL; kept the previous value";
        }
        return null;
    }
}
