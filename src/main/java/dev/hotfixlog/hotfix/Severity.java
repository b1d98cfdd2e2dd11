package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The template's three severities, with its labels and colours. */
public enum Severity {
    CRITICAL("Critical", "🔴"),
    HIGH("High", "🟡"),
    MEDIUM("Medium", "🔵");

    private final String label;
    private final String emoji;

    Severity(String label, String emoji) {
        this.label = label;
        this.emoji = emoji;
    }

    public String label() {
        return label;
    }

    public String emoji() {
        return emoji;
    }

    /** The API's spelling: {@code critical}, {@code high}, {@code medium}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.json().equals(t)) {
                return s;
            }
        }
        throw ValidationException.of(field, "'" + text + "' is not a severity; use one of " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(Severity::json).collect(Collectors.joining(", "));
    }
}
