package dev.hotfixlog.chat.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The time a chat's {@code alerted|deployed|resolved ID [time]} stamps: the log's one grammar
 * ({@link TimeText}), and a clock time {@code 02:17} or {@code 2:17}, which people type from a graph or a pager
 * and which the log's grammar has no rule for: the most recent such time in UTC, today or yesterday. A stamp is of
 * something that happened, so a time more than five minutes ahead of the server's clock (a typo, a wrong zone) is
 * refused: stored, it would sit in the future and block the stamps that must follow it.
 */
final class StampTime {
    /** What a server's clock and a person's may differ by. */
    static final Duration AHEAD = Duration.ofMinutes(5);

    private static final Pattern CLOCK = Pattern.compile("^([01]?[0-9]|2[0-3]):([0-5][0-9])$");
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private StampTime() {}

    /** {@code text} read at {@code now}; a 422 naming {@code field} for a time it cannot take. */
    static Instant read(String field, String text, Instant now) {
        Matcher m = CLOCK.matcher(text.strip());
        Instant at;
        if (m.matches()) {
            LocalTime t = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            at = now.atZone(ZoneOffset.UTC).with(t).toInstant();
            if (at.isAfter(now)) {
                at = at.minus(Duration.ofDays(1));
            }
        } else {
            at = TimeText.parseInstant(field, text, now);
        }
        if (at.isAfter(now.plus(AHEAD))) {
            throw ValidationException.of(
                    field,
                    "'" + text.strip() + "' is " + shown(at) + ", ahead of the server's clock (" + shown(now)
                            + "); stamp a time that has happened (a clock time like 02:17 is read as UTC)");
        }
        return at;
    }

    /** A time as the answers say it: {@code 2026-12-07 02:17 UTC}. */
    static String shown(Instant at) {
        return SHOWN.format(at) + " UTC";
    }
}
