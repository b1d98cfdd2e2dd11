package dev.hotfixlog.metrics;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.time.TimeText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The period [from, to) and the time zone its months and quarters are counted in. Dates alone are midnight in
 * that zone; a missing {@code from} is twelve months before {@code to}, a missing {@code to} is now. A period is
 * at most {@value #MAX_YEARS} years long.
 */
public record MetricsQuery(Instant from, Instant to, ZoneId zone) {
    /**
     * The longest period: its months and the as many before them (the types' comparison) are each a tally. Without
     * a bound any viewer could ask for 2,000 years ({@code from=0001-01}) and keep both cores busy for minutes; 20
     * years, 480 months, take about a second uncached on a team's log and 0.2 s kept (docs/PERFORMANCE.md).
     */
    public static final int MAX_YEARS = 20;

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    public MetricsQuery {
        if (!from.isBefore(to)) {
            throw ValidationException.of("from", "must be before to (" + to + "), was " + from);
        }
        // Counted from the start of the month 20 years back, so "from the same day (or month) 20 years ago" to now is
        // within the bound, not a few hours past it.
        ZonedDateTime earliest = ZonedDateTime.ofInstant(to, zone)
                .minusYears(MAX_YEARS)
                .withDayOfMonth(1)
                .toLocalDate()
                .atStartOfDay(zone);
        if (from.isBefore(earliest.toInstant())) {
            String tooLong = "the period from " + from + " to " + to + " is longer than " + MAX_YEARS
                    + " years; ask for at most " + MAX_YEARS + " years at a time";
            throw new ValidationException(List.of(new FieldError("from", tooLong), new FieldError("to", tooLong)));
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
        Instant end = to == null || to.isBlank() ? now.truncatedTo(ChronoUnit.SECONDS) : instant("to", to, z, now);
        Instant start = from == null || from.isBlank()
                ? ZonedDateTime.ofInstant(end, z).minusMonths(12).toInstant()
                : instant("from", from, z, now);
        return new MetricsQuery(start, end, z);
    }

    /** A day or a month at its start in the asked zone; anything else is {@link TimeText}'s grammar. */
    private static Instant instant(String field, String text, ZoneId zone, Instant now) {
        String t = text.strip();
        try {
            if (DAY.matcher(t).matches()) {
                return TimeText.bounded(
                        field, t, LocalDate.parse(t).atStartOfDay(zone).toInstant());
            }
            if (MONTH.matcher(t).matches()) {
                return TimeText.bounded(
                        field, t, YearMonth.parse(t).atDay(1).atStartOfDay(zone).toInstant());
            }
        } catch (DateTimeException e) { // 2026-13, 2026-02-30
            throw ValidationException.of(
                    field, "'" + text + "' is not a date; use 2026-10, 2026-10-01 or " + "2026-10-01T00:00:00Z");
        }
        return TimeText.parseInstant(field, t, now);
    }
}
