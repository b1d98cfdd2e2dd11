package dev.hotfixlog.markdown;

import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How one value is written on a label line, and read back. A value that survives the trip on one line is
 * written inline, as people write it; anything else (several lines, code, leading spaces, a value that looks
 * like a placeholder) goes into a fenced block right under its label, byte for byte.
 */
final class Values {
    /** A whole value in square brackets is the template's unfilled placeholder ({@code [Best guess at cause]}). */
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\[[^\\[\\]]*\\]$");
    private static final Pattern FENCE_OPEN = Pattern.compile("^(~{3,}|`{3,})[^`~]*$");
    // "uuuu", the proleptic year, not "yyyy" (year of era): year -1 is written -0001 and reads back as -1, where
    // "yyyy" wrote 0002 (2 BC) and the record came back a year 2.
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private Values() {
    }

    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\[\\]]*\\]");
    private static final Pattern CONNECTIVES = Pattern.compile("(?i)\\b(for|with)\\b");

    static boolean isPlaceholder(String v) {
        if (v == null) {
            return false;
        }
        String t = v.strip();
        return t.startsWith("[") && t.endsWith("]") && PLACEHOLDER.matcher(t).matches();
    }

    /**
     * True for a follow-up description that is only the template's placeholders and its connecting words, like
     * {@code for [Date] with [People]}: an unfilled line.
     */
    static boolean isUnfilledFollowUp(String desc) {
        if (desc.indexOf('[') < 0) {
            return desc.isBlank();
        }
        String rest = BRACKETED.matcher(desc).replaceAll("");
        return CONNECTIVES.matcher(rest).replaceAll("").isBlank();
    }

    /** The inline text as read: trailing hard-break spaces and surrounding blanks are not part of it. */
    static String inline(String raw) {
        String v = raw.strip();
        return v.isEmpty() || isPlaceholder(v) ? null : v;
    }

    static boolean fitsInline(String v) {
        return v != null && !v.isEmpty() && v.equals(v.strip()) && v.indexOf('\n') < 0 && v.indexOf('\r') < 0
                && !isPlaceholder(v) && !FENCE_OPEN.matcher(v).matches() && !v.endsWith("\\");
    }

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

    /** A value squeezed onto one line (its line breaks become spaces), for the places only a line fits. */
    static String oneLine(String v) {
        return LINE_BREAKS.matcher(v.strip()).replaceAll(" ");
    }

    static boolean isFenceOpen(String line) {
        return FENCE_OPEN.matcher(line).matches();
    }

    /** A fence longer than any run of its character inside the value, so no line of the value can close it. */
    static String fence(String v) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            run = v.charAt(i) == '~' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "~".repeat(Math.max(3, longest + 1));
    }

    static boolean closes(String line, String open) {
        String t = line.stripTrailing();
        char c = open.charAt(0);
        if (t.length() < open.length()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    /** Systems on one line, split on commas that are not inside brackets or backticks. */
    static List<String> splitList(String v) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean code = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '`') {
                code = !code;
            } else if (!code && (c == '(' || c == '[')) {
                depth++;
            } else if (!code && (c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (!code && depth == 0 && c == ',') {
                add(out, cur);
                continue;
            }
            cur.append(c);
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    static boolean listFitsInline(List<String> items) {
        return !items.isEmpty() && items.stream().allMatch(Values::fitsInline)
                && splitList(String.join(", ", items)).equals(items);
    }

    /** A time as the template writes it (UTC), with seconds and milliseconds only when there are some. */
    static String time(Instant i) {
        if (i.getNano() != 0) {
            return MILLIS.format(i);
        }
        return i.getEpochSecond() % 60 != 0 ? SECONDS.format(i) : MINUTES.format(i);
    }

    /** "1 hour 10 minutes", "38 minutes", "2 days 3 seconds": exact to the second, read back by TimeText. */
    static String duration(Duration d) {
        return TimeText.exact(d);
    }
}
