package dev.roster.scim.protocol;

/**
 * An attribute path as SCIM writes it: an optional schema URN, an attribute and an optional
 * sub-attribute ({@code name.givenName},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}), spelled as the
 * client wrote it. Attribute names are case-insensitive (RFC 7643 §2.1): use {@link #is} to compare,
 * and look them up in JSON ignoring case.
 */
public record AttributePath(String schema, String attribute, String subAttribute) {

    /** True when this path names {@code attribute} (no sub-attribute), ignoring case. */
    public boolean is(String name) {
        return subAttribute == null && attribute.equalsIgnoreCase(name);
    }

    /** Parses {@code [URN ":"] ATTRNAME ["." subAttr]}; the URN is everything up to the last colon. */
    public static AttributePath parse(String text) {
        String rest = text;
        String schema = null;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            schema = text.substring(0, colon);
            rest = text.substring(colon + 1);
            if (!schema.regionMatches(true, 0, "urn:", 0, 4)) {
                throw new ScimException.InvalidPath("\"" + text + "\" is not an attribute path");
            }
        }
        int dot = rest.indexOf('.');
        String attribute = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        if (!validName(attribute) || (sub != null && !validName(sub))) {
            throw new ScimException.InvalidPath("\"" + text + "\" is not an attribute path");
        }
        return new AttributePath(schema, attribute, sub);
    }

    /** RFC 7643 §2.1: ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA; "$ref" too. */
    private static boolean validName(String name) {
        if (name.equals("$ref")) {
            return true;
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
    }

    public AttributePath withSubAttribute(String sub) {
        return new AttributePath(schema, attribute, sub);
    }

    @Override
    public String toString() {
        return (schema == null ? "" : schema + ":") + attribute + (subAttribute == null ? "" : "." + subAttribute);
    }
}
