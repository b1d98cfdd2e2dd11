package dev.hotfixlog.metrics;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.time.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The period [from, to) and the time zone its months and quarters are counted in. Dates alone are midnight in
 * that zone; a missing {@code from} is twelve months before {@code to}, a missing {@code to} is now.
 */
public record MetricsQuery(Instant from, Instant to, ZoneId zone) {
    public MetricsQuery {
        if (!from.isBefore(to)) {
            throw ValidationException.of("from", "must be before to (" + to + "), was " + from);
        }
    }

    public static MetricsQuery parse(String from, String to, String zone, Instant now) {
        ZoneId z;
        try {
            z = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        } catch (RuntimeException e) {
            throw ValidationException.of("zone", "'" + zone + "' is not a time zone; use e.g. UTC or Europe/Berlin");
        }
        // "Now" to the second: a period people read and type back in, not a clock reading.
        Instant end = to == null || to.isBlank() ? now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                : instant("to", to, z, now);
        Instant start = from == null || from.isBlank() ? ZonedDateTime.ofInstant(end, z).minusMonths(12).toInstant()
                : instant("from", from, z, now);
        return new MetricsQuery(start, end, z);
    }

    /** A day or a month at its start in the asked zone; anything else is {@link TimeText}'s grammar. */
    private static Instant instant(String field, String text, ZoneId zone, Instant now) {
        String t = text.strip();
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return TimeText.bounded(field, t, java.time.LocalDate.parse(t).atStartOfDay(zone).toInstant());
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return TimeText.bounded(field, t,
                        java.time.YearMonth.parse(t).atDay(1).atStartOfDay(zone).toInstant());
            }
        } catch (java.time.DateTimeException e) { // 2026-13, 2026-02-30
            throw ValidationException.of(field, "'" + text + "' is not a date; use 2026-10, 2026-10-01 or "
                    + "2026-10-01T00:00:00Z");
        }
        return TimeText.parseInstant(field, t, now);
    }
}
