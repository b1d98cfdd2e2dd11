package dev.hotfixlog.hotfix;

import dev.hotfixlog.error.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The template's three severities, with its labels and colours, and {@link #NOT_STATED}: a record imported from a
 * log entry that gave none (a completed one-line entry) says so instead of carrying a severity nobody chose. Only
 * an import makes one; declaring and editing take one of the three ({@link #parse} knows no other), and setting a
 * stated severity back to nothing is refused. Stored as NULL and written to JSON as {@code null}; last in the
 * order, after the lowest severity.
 */
public enum Severity {
    CRITICAL("Critical", "🔴"),
    HIGH("High", "🟡"),
    MEDIUM("Medium", "🔵"),
    NOT_STATED("not stated", "");

    private static final List<Severity> STATED = List.of(CRITICAL, HIGH, MEDIUM);

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

    /** The API's spelling: {@code critical}, {@code high}, {@code medium}; null when not stated. */
    public String json() {
        return this == NOT_STATED ? null : name().toLowerCase(Locale.ROOT);
    }

    public boolean isStated() {
        return this != NOT_STATED;
    }

    /** The three a person chooses from, worst first. */
    public static List<Severity> stated() {
        return STATED;
    }

    /** A stored or served value: the API's spelling, or null (or nothing) for a record that states none. */
    public static Severity stored(String field, String text) {
        return text == null || text.isBlank() ? NOT_STATED : parse(field, text);
    }

    /** What a person gave: one of the three stated severities, anything else refused naming {@code field}. */
    public static Severity parse(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Severity s : STATED) {
            if (s.json().equals(t)) {
                return s;
            }
        }
        throw ValidationException.of(field, "'" + text + "' is not a severity; use one of " + choices());
    }

    public static String choices() {
        return STATED.stream().map(Severity::json).collect(Collectors.joining(", "));
    }
}
