package dev.roster.scim.protocol;

import java.util.Locale;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2). {@link FilterParser} builds it; the store translates it
 * into a query. Comparison values are {@code String}, {@code Boolean}, {@code java.math.BigDecimal}
 * or null, as the filter wrote them.
 */
public sealed interface Filter {

    enum Operator {
        EQ, NE, CO, SW, EW, GT, GE, LT, LE;

        static Operator parse(String word) {
            try {
                return valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** {@code attrPath op value}. */
    record Compare(AttributePath path, Operator operator, Object value) implements Filter {
    }

    /** {@code attrPath pr}: the attribute has a value. */
    record Present(AttributePath path) implements Filter {
    }

    record And(Filter left, Filter right) implements Filter {
    }

    record Or(Filter left, Filter right) implements Filter {
    }

    record Not(Filter filter) implements Filter {
    }

    /** {@code emails[type eq "work" and value co "@acme.com"]}: some value of a multi-valued attribute matches. */
    record ValuePath(AttributePath path, Filter filter) implements Filter {
    }
}
