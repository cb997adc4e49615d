package dev.roster.okta;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * An Okta user as the Management API returns it: id ({@code 00u…}), status and profile. Profile
 * values are strings, numbers, booleans or string lists, as Okta's attribute types allow.
 */
public record OktaUser(String id, String status, Map<String, Object> profile, Instant lastUpdated) {

    public OktaUser {
        profile = profile == null ? Map.of() : profile;
    }

    /** A profile attribute as text: lists joined by ", ", blank as null. */
    public String text(String attribute) {
        Object value = profile.get(attribute);
        if (value == null) {
            return null;
        }
        String text = value instanceof Collection<?> list
                ? String.join(", ", list.stream().map(String::valueOf).toList()) : value.toString();
        return text.isBlank() ? null : text;
    }

    /** Okta's statuses in which the user no longer counts as present. */
    public boolean gone() {
        return "DEPROVISIONED".equals(status) || "SUSPENDED".equals(status);
    }
}
