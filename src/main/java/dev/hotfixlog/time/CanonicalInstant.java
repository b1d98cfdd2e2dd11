package dev.hotfixlog.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one spelling of a time this log writes itself, {@code 2026-10-04T02:17:00Z} or {@code …:00.123Z} (up to nine
 * digits of a second), read without a formatter. Every record read back from the JSON of an edit is full of them,
 * and {@code OffsetDateTime.parse} costs more than the rest of reading the record (issue 32's edit profile). Anything
 * else (another offset, no seconds, a space for the T, a bad date) is left to {@link TimeText}'s full reading.
 */
final class CanonicalInstant {
    private static final int SHORTEST = "2026-10-04T02:17:00Z".length();
    private static final int LONGEST = "2026-10-04T02:17:00.123456789Z".length();

    private CanonicalInstant() {}

    /** The instant, truncated to milliseconds as every stored time is; null if {@code t} is not in that spelling. */
    static Instant parse(String t) {
        int n = t.length();
        if (n < SHORTEST
                || n > LONGEST
                || n == SHORTEST + 1
                || t.charAt(n - 1) != 'Z'
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':'
                || (n > SHORTEST && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int places = n > SHORTEST ? n - 1 - 20 : 0;
        int kept = Math.min(places, 3);
        int millis = kept == 0 ? 0 : digits(t, 20, 20 + kept);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || minute < 0
                || second < 0
                || millis < 0
                || (places > kept && digits(t, 20 + kept, n - 1) < 0)) {
            return null;
        }
        for (int k = kept; k < 3; k++) {
            millis *= 10;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written by {@code t[from, to)}, all ASCII digits; -1 otherwise. */
    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
