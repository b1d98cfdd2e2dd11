package dev.hotfixlog.markdown;

import dev.hotfixlog.error.ValidationException;
import java.util.Locale;

/** The two Markdown exports of the log. */
public enum LogFormat {
    /** The seed page itself: active entries in full, completed ones (last 6 months) as one-liners, patterns. */
    LOG,
    /** Every record in full template form plus a labelled block with what the template has no label for. */
    FULL;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LogFormat parse(String field, String text) {
        String t = text == null || text.isBlank() ? "log" : text.trim().toLowerCase(Locale.ROOT);
        for (LogFormat f : values()) {
            if (f.json().equals(t)) {
                return f;
            }
        }
        throw ValidationException.of(field, "'" + text + "' is not a format; use log or full");
    }
}
