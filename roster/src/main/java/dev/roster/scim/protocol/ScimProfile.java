package dev.roster.scim.protocol;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * What Roster keeps of a SCIM User, read from its document by the standard table's rules: names,
 * the work (else primary, else first) email — or the userName when it is an address —, title as the
 * job title, {@code honorificPrefix} as the title, {@code preferredLanguage} (else {@code locale}),
 * the work address's locality, the photo, the enterprise extension's department (the primary team)
 * and manager (the override, by SCIM id). A pure function of the document; each rule has a test.
 */
public record ScimProfile(String email, String title, String firstName, String lastName, String avatarUrl,
        String jobTitle, String language, String location, String department, String managerId, boolean active) {

    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static ScimProfile of(JsonNode user) {
        JsonNode name = Json.get(user, "name");
        JsonNode enterprise = Json.get(user, ENTERPRISE);
        JsonNode manager = Json.get(enterprise, "manager");
        String email = text(pick(Json.get(user, "emails"), "work"), "value");
        if (email == null) {
            String userName = text(user, "userName");
            email = userName != null && userName.contains("@") ? userName : null;
        }
        if (email == null || !email.contains("@")) {
            throw new ScimException.InvalidValue("a user needs an email address: emails[].value, or a userName"
                    + " that is one");
        }
        String language = text(user, "preferredLanguage");
        Boolean active = Json.bool(Json.get(user, "active"));
        return new ScimProfile(
                limit("email", email.strip().toLowerCase(Locale.ROOT), 320),
                limit("name.honorificPrefix", text(name, "honorificPrefix"), 100),
                limit("name.givenName", text(name, "givenName"), 200),
                limit("name.familyName", text(name, "familyName"), 200),
                limit("photos", text(pick(Json.get(user, "photos"), "photo"), "value"), 2048),
                limit("title", text(user, "title"), 200),
                limit("preferredLanguage", language != null ? language : text(user, "locale"), 35),
                limit("addresses.locality", text(pick(Json.get(user, "addresses"), "work"), "locality"), 200),
                limit("department", text(enterprise, "department"), 200),
                manager == null ? null : manager.isString() ? blankToNull(manager.asString()) : text(manager, "value"),
                active == null || active);
    }

    /** A SCIM boolean, or Entra ID's "True"/"False"; null when it is neither. */
    public static Boolean bool(JsonNode value) {
        return Json.bool(value);
    }

    /** The value of {@code type}, else the primary one, else the first; null when there is none. */
    private static JsonNode pick(JsonNode values, String type) {
        if (values == null || !values.isArray() || values.isEmpty()) {
            return null;
        }
        for (JsonNode value : values) {
            if (type.equalsIgnoreCase(text(value, "type"))) {
                return value;
            }
        }
        for (JsonNode value : values) {
            if (Boolean.TRUE.equals(Json.bool(Json.get(value, "primary")))) {
                return value;
            }
        }
        return values.get(0);
    }

    private static String text(JsonNode object, String name) {
        JsonNode value = Json.get(object, name);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        return blankToNull(value.isString() ? value.asString() : value.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String limit(String attribute, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ScimException.InvalidValue("\"" + attribute + "\" is longer than " + max + " characters");
        }
        return value;
    }
}
