package dev.roster.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the pages write an instant (templates call {@code @pageTimes} through the {@code when} and
 * {@code ago} fragments): the exact instant in {@code datetime} and {@code title}, and readable text
 * in UTC that {@code local-time.js} rewrites in the viewer's own time zone.
 */
@Component("pageTimes")
public class PageTimes {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.UK).withZone(ZoneOffset.UTC);

    /** The exact instant, as ISO 8601; empty for none. */
    public String iso(Object at) {
        Instant instant = instant(at);
        return instant == null ? "" : instant.toString();
    }

    /** The instant to the minute in UTC, for a browser without scripts. */
    public String text(Object at) {
        Instant instant = instant(at);
        return instant == null ? "" : READABLE.format(instant.truncatedTo(ChronoUnit.MINUTES));
    }

    private static Instant instant(Object at) {
        if (at instanceof Instant instant) {
            return instant;
        }
        if (at instanceof Date date) {
            return date.toInstant();
        }
        if (at instanceof java.time.temporal.TemporalAccessor temporal) {
            return Instant.from(temporal);
        }
        return null;
    }
}
