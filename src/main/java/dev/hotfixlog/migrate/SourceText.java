package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Reading a tool's JSON the way every tool's mapping reads it: a missing or empty value is null, never "". */
public final class SourceText {
    private SourceText() {}

    /**
     * An http(s) address with no space in it: what {@code (?i)https?://\\S+} said, by hand, ASCII-only in its
     * case (RE2/J's case folding would take a long s for an s).
     */
    public static boolean isHttpAddress(String s) {
        String start = s.substring(0, Math.min(8, s.length())).toLowerCase(Locale.ROOT);
        int scheme = start.startsWith("https://") ? 8 : start.startsWith("http://") ? 7 : -1;
        if (scheme < 0 || s.length() == scheme) {
            return false;
        }
        for (int k = scheme; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** A field's text, stripped; null when it is missing, null, empty or not a plain value. */
    public static String text(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** An ISO-8601 time with an offset or a Z; null for anything else (an unreadable time is not invented). */
    public static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Unix seconds, when positive. */
    public static Instant seconds(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.canConvertToLong() && v.asLong() > 0 ? Instant.ofEpochSecond(v.asLong()) : null;
    }

    /** The first value that is not null. */
    @SafeVarargs
    public static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Null for an empty list, so {@link #first} passes it by. */
    public static List<String> nonEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }

    /** The values that are given and not blank. */
    public static List<String> list(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    /** The parts that are given, joined; null when none is. */
    public static String join(String sep, String... parts) {
        List<String> l = list(parts);
        return l.isEmpty() ? null : String.join(sep, l);
    }

    /** The tool's notes as one text, each with who wrote it and when: {@code [who, when] text}. */
    public static String notes(JsonNode notes, String textField, Function<JsonNode, String> who, String atField) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : notes) {
            String t = text(n, textField);
            if (t == null) {
                continue;
            }
            String by = who.apply(n);
            String at = text(n, atField);
            out.add((by != null || at != null
                            ? "[" + (by == null ? "" : by) + (by != null && at != null ? ", " : "")
                                    + (at == null ? "" : at) + "] "
                            : "")
                    + t);
        }
        return out.isEmpty() ? null : String.join("\n\n", out);
    }
}
