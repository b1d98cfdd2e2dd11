package dev.hotfixlog.cli;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.time.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** Reads the short answers a responder types: yes/no and "when". */
final class AnswerParser {
    private AnswerParser() {}

    static Boolean yesNo(String field, String text) {
        if (text == null) {
            return null;
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "true" -> {
                return true;
            }
            case "n", "no", "false" -> {
                return false;
            }
            default -> throw ValidationException.of(field, "'" + text + "' is not yes or no");
        }
    }

    /** "now", "10 min ago", "2026-10-04 02:17" (UTC), or any ISO-8601 time: {@link TimeText}'s grammar. */
    static Instant when(String field, String text, Clock clock) {
        return TimeText.parseInstant(field, text, clock.instant());
    }
}
