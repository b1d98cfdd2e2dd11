package dev.hotfixlog.time;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one reader of every time and duration that comes in: typed on the command line, in a web form, in a JSON
 * body, a query, an alert or deploy payload, a Markdown page. One grammar: {@code now}; a duration and
 * {@code ago} ({@code 10 min ago}, {@code 2h ago}); ISO-8601 with a zone ({@code Z}, {@code +02:00},
 * {@code +0200}) or without one (read as UTC), with or without seconds, a space instead of the {@code T}, a bare
 * date. Durations as ISO ({@code PT1H30M}) or words ({@code 45 min}, {@code 1h 30m}, {@code 2 hours}). Every time
 * is within the years -9999 to 9999 (what epoch milliseconds, the pages, the Markdown log and
 * {@code datetime-local} all hold) and kept to the millisecond, which is what the database stores; anything else
 * is a {@link ValidationException} naming the field, never another exception.
 */
public final class TimeText {
    // Compiled once: an import parses thousands of times (String.matches and replaceFirst compile every call).
    private static final Pattern SPACE_FOR_T = Pattern.compile("^([+-]?\\d{4,9}-\\d{2}-\\d{2})[ ](\\d)");
    private static final Pattern WITH_OFFSET = Pattern.compile(".*T.*[+-]\\d{2}:?\\d{2}$");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern DURATION_PART = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)[[:space:]]*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\\b");
    private static final Pattern DURATION_WHOLE = Pattern.compile(
            "^(?:[[:space:]]*\\d+(?:[.,]\\d+)?[[:space:]]*(?:d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\\b"
                    + "(?:[[:space:]]*(?:,|and)[[:space:]]*)?)+[[:space:]]*$");
    /** Longer than any time or duration anyone writes; the patterns above never see more (a sane bound). */
    private static final int LONGEST_TEXT = 100;

    private TimeText() {}

    /**
     * The times the log keeps: years -9999 to 9999, which epoch milliseconds and every page can hold, and which
     * logs of earlier releases may hold (a year typed as -0001 comes back as -0001).
     */
    public static final Instant EARLIEST = Instant.parse("-9999-01-01T00:00:00Z");
    /** The end of the year 1: Go's zero time and what is near it are a machine's "not set". */
    private static final Instant GO_ZERO_END = Instant.parse("0002-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    /** No hotfix, follow-up or incident lasts longer than this; a longer duration is a typo. */
    public static final Duration LONGEST = Duration.ofDays(366L * 100);

    /**
     * A time in the whole grammar, {@code now} and {@code … ago} read against {@code now}; a null {@code now}
     * (a payload a machine sent, a record's own stamps) refuses them with a 422.
     */
    public static Instant parseInstant(String field, String text, Instant now) {
        String t = text == null ? "" : text.strip();
        if (t.length() > LONGEST_TEXT) {
            throw notATime(field, t);
        }
        Instant canonical = CanonicalInstant.parse(t);
        if (canonical != null) {
            return bounded(field, t, canonical);
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("now") || lower.endsWith(" ago")) {
            if (now == null) {
                throw ValidationException.of(
                        field, "'" + t + "' is relative; write the time itself, like " + "2026-10-04T02:17:00Z");
            }
            Instant at = lower.equals("now") ? now : now.minus(parseDuration(field, t.substring(0, t.length() - 4)));
            return bounded(field, t, at.truncatedTo(ChronoUnit.MILLIS));
        }
        return bounded(field, t, parseAnyInstant(field, t));
    }

    /** A time written out (no {@code now}, no {@code ago}): what a machine sends and a record stores. */
    public static Instant parseInstant(String field, String text) {
        return parseInstant(field, text, null);
    }

    /**
     * A time a machine sent (an alert's, a deploy's): as {@link #parseInstant(String, String)}, except that a time
     * in the year 1 is none. Go's zero time, {@code 0001-01-01T00:00:00Z}, is what Go senders (Alertmanager, Argo CD,
     * Grafana) write for "not set"; taken for a time, it put a deploy in the year 1.
     */
    public static Instant parseMachineInstant(String field, String text) {
        Instant at = parseInstant(field, text);
        return at.isBefore(GO_ZERO_END) ? null : at;
    }

    /** A calendar date, {@code 2026-10-04}, within the same years. */
    public static LocalDate parseDate(String field, String text) {
        String t = text == null ? "" : text.strip();
        try {
            LocalDate d = t.length() > LONGEST_TEXT ? null : LocalDate.parse(t);
            if (d != null && d.getYear() >= -9999 && d.getYear() <= 9999) {
                return d;
            }
        } catch (DateTimeException e) {
            // refused below, like a date out of range
        }
        throw ValidationException.of(
                field, "'" + cut(t) + "' is not a date from -9999-01-01 to 9999-12-31; write " + "yyyy-mm-dd");
    }

    /** The instant itself when it is within the years -9999 to 9999; a 422 naming the field otherwise. */
    public static Instant bounded(String field, String text, Instant at) {
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw ValidationException.of(field, "'" + cut(text) + "' is outside the years -9999 to 9999");
        }
        return at;
    }

    private static Instant parseAnyInstant(String field, String t) {
        if (t.isEmpty()) {
            throw ValidationException.of(field, "is empty; expected a time like 2026-10-04T02:17:00Z");
        }
        String iso = SPACE_FOR_T.matcher(t).replaceFirst("$1T$2");
        try {
            if (iso.endsWith("Z") || iso.endsWith("z")) {
                return OffsetDateTime.parse(iso.substring(0, iso.length() - 1) + "Z")
                        .toInstant()
                        .truncatedTo(ChronoUnit.MILLIS);
            }
            if (WITH_OFFSET.matcher(iso).matches()) {
                return OffsetDateTime.parse(OFFSET_WITHOUT_COLON.matcher(iso).replaceFirst("$1:$2"))
                        .toInstant()
                        .truncatedTo(ChronoUnit.MILLIS);
            }
            if (iso.contains("T")) {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            }
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | ArithmeticException e) { // unparsable, or beyond what java.time holds
            throw notATime(field, t);
        }
    }

    private static ValidationException notATime(String field, String t) {
        return ValidationException.of(
                field,
                "'" + cut(t) + "' is not a time; expected ISO-8601 like "
                        + "2026-10-04T02:17:00Z (a time without a zone is read as UTC), now, or 10 min ago");
    }

    /** What an error quotes of a text: enough to recognise it, never a whole pasted page. */
    private static String cut(String t) {
        return t.length() <= LONGEST_TEXT ? t : t.substring(0, LONGEST_TEXT) + "…";
    }

    public static Duration parseDuration(String field, String text) {
        String t = text == null ? "" : text.trim();
        if (t.length() > LONGEST_TEXT) {
            throw badDuration(field, t);
        }
        if (t.regionMatches(true, 0, "P", 0, 1)) {
            try {
                return bounded(field, t, Duration.parse(t.toUpperCase(Locale.ROOT)));
            } catch (DateTimeException | ArithmeticException e) {
                throw badDuration(field, t);
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (!DURATION_WHOLE.matcher(lower).matches()) {
            throw badDuration(field, t);
        }
        Matcher m = DURATION_PART.matcher(lower);
        double seconds = 0;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1).replace(',', '.'));
            seconds += n * unitSeconds(m.group(2));
        }
        if (!(seconds <= LONGEST.getSeconds())) {
            throw tooLong(field, t);
        }
        return Duration.ofSeconds(Math.round(seconds));
    }

    private static Duration bounded(String field, String t, Duration d) {
        if (d.isNegative() || d.compareTo(LONGEST) > 0) {
            throw d.isNegative() ? badDuration(field, t) : tooLong(field, t);
        }
        return d;
    }

    private static ValidationException tooLong(String field, String t) {
        return ValidationException.of(field, "'" + cut(t) + "' is longer than 100 years; write the duration it took");
    }

    private static long unitSeconds(String unit) {
        switch (unit.charAt(0)) {
            case 'd':
                return 86_400;
            case 'h':
                return 3_600;
            case 'm':
                return 60;
            default:
                return 1;
        }
    }

    private static ValidationException badDuration(String field, String t) {
        return ValidationException.of(
                field, "'" + cut(t) + "' is not a duration; write e.g. 45 min, 1h 30m, 2 hours " + "or PT1H30M");
    }

    /** "1 hour 10 minutes", "38 minutes", "25 seconds": how a person writes a duration down. */
    public static String human(Duration d) {
        return d == null ? "" : words(d, false);
    }

    /** Like {@link #human} but exact to the second ("2 days 3 seconds"), so that it reads back the same. */
    public static String exact(Duration d) {
        return words(d, true);
    }

    private static String words(Duration d, boolean exact) {
        long s = d.getSeconds();
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        long days = s / 86_400;
        long hours = (s % 86_400) / 3_600;
        long minutes = (s % 3_600) / 60;
        long secs = s % 60;
        StringBuilder b = new StringBuilder(sign);
        append(b, days, "day");
        append(b, hours, "hour");
        append(b, minutes, "minute");
        if (exact || days == 0 && hours == 0 && (minutes == 0 || secs != 0)) {
            append(b, secs, "second");
        }
        return b.length() == sign.length() ? "0 minutes" : b.toString();
    }

    private static void append(StringBuilder b, long n, String unit) {
        if (n == 0) {
            return;
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
            b.append(' ');
        }
        b.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
    }
}
