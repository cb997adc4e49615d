package dev.roster.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The types a custom field can have. Each turns a raw value (from a form, JSON or Okta) into one
 * canonical string for storage, or refuses it with a message a person can act on.
 */
public enum CustomFieldType {

    TEXT {
        @Override
        String canonicalOf(String value, List<String> options) {
            if (value.length() > MAX_TEXT) {
                throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
            }
            return value;
        }
    },
    NUMBER {
        @Override
        String canonicalOf(String value, List<String> options) {
            try {
                BigDecimal number = new BigDecimal(value.strip());
                return number.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number, got \"" + abbreviate(value) + "\"");
            }
        }

        @Override
        public Object toJson(String canonical) {
            return new BigDecimal(canonical);
        }
    },
    DATE {
        @Override
        String canonicalOf(String value, List<String> options) {
            String text = value.strip();
            try {
                // Okta often holds timestamps where a date is meant; the date part is what counts.
                return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text)
                        .toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a date like 2026-01-31, got \"" + abbreviate(value) + "\"");
            }
        }
    },
    BOOLEAN {
        @Override
        String canonicalOf(String value, List<String> options) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> "true";
                case "false", "no", "0" -> "false";
                default -> throw new IllegalArgumentException("must be true or false, got \"" + abbreviate(value) + "\"");
            };
        }

        @Override
        public Object toJson(String canonical) {
            return Boolean.valueOf(canonical);
        }
    },
    ONE_OF {
        @Override
        String canonicalOf(String value, List<String> options) {
            return options.stream()
                    .filter(option -> option.equalsIgnoreCase(value.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "must be one of " + String.join(", ", options) + ", got \"" + abbreviate(value) + "\""));
        }
    };

    static final int MAX_TEXT = 2000;

    abstract String canonicalOf(String value, List<String> options);

    /** Canonical form of a raw value: strings, numbers and booleans are accepted as input. */
    public String canonical(Object raw, List<String> options) {
        if (raw == null) {
            throw new IllegalArgumentException("is missing");
        }
        if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
            throw new IllegalArgumentException("must be a single value, not a list or object");
        }
        return canonicalOf(raw instanceof BigDecimal decimal ? decimal.toPlainString() : raw.toString(), options);
    }

    /** How a stored value appears in JSON: numbers and booleans as themselves, the rest as strings. */
    public Object toJson(String canonical) {
        return canonical;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CustomFieldType fromWire(String value) {
        for (CustomFieldType type : values()) {
            if (type.wireName().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown type " + value);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
