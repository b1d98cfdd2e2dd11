package dev.hotfixlog.markdown;

import com.google.re2j.Pattern;
import dev.hotfixlog.text.Split;
import dev.hotfixlog.time.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one value is written on a label line, and read back. A value that survives the trip on one line is
 * written inline, as people write it; anything else (several lines, code, leading spaces, a value that looks
 * like a placeholder) goes into a fenced block right under its label, byte for byte.
 */
final class ValueText {
    private static final Pattern FENCE_OPEN = Pattern.compile("^(~{3,}|`{3,})[^`~]*$");
    // "uuuu", the proleptic year, not "yyyy" (year of era): year -1 is written -0001 and reads back as -1, where
    // "yyyy" wrote 0002 (2 BC) and the record came back a year 2.
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private ValueText() {}

    /** The words the template puts between its placeholders ({@code for [Date] with [People]}). */
    private static final Set<String> CONNECTIVES =
            Set.of("for", "with", "and", "or", "-", "–", "—", "|", ":", "/", "e.g.", "e.g.,");

    /**
     * The one test of "left as the template had it", for every value the reader takes (a label's value, a title,
     * a follow-up's description, a row of the patterns): blank, or nothing but the template's bracketed
     * placeholders and the words between them, like {@code [Brief Description] - [Date]} or
     * {@code for [Date] with [People]}. A link ({@code [text](url)}) is a value. Scanned by hand, in one pass.
     */
    static boolean isUnfilled(String v) {
        String t = v == null ? "" : v.strip();
        if (t.indexOf('[') < 0) {
            return t.isEmpty();
        }
        StringBuilder between = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '[') {
                between.append(c);
                continue;
            }
            int close = t.indexOf(']', i + 1);
            int inner = close < 0 ? -1 : t.lastIndexOf('[', close);
            if (close < 0 || inner != i || (close + 1 < t.length() && t.charAt(close + 1) == '(')) {
                return false; // unclosed, nested, or a link: text someone wrote
            }
            between.append(' ');
            i = close;
        }
        for (String word : Split.on(between.toString(), " ")) {
            if (!word.isBlank() && !CONNECTIVES.contains(word.strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The inline text as read: trailing hard-break spaces and surrounding blanks are not part of it. */
    static String inline(String raw) {
        String v = raw.strip();
        return isUnfilled(v) ? null : v;
    }

    static boolean fitsInline(String v) {
        return v != null
                && !v.isEmpty()
                && v.equals(v.strip())
                && v.indexOf('\n') < 0
                && v.indexOf('\r') < 0
                && !isUnfilled(v)
                && !FENCE_OPEN.matcher(v).matches()
                && !v.endsWith("\\");
    }

    private static final Pattern LINE_BREAKS = Pattern.compile("[[:space:]]*[\\r\\n]+[[:space:]]*");

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

    /** The run of backticks and tildes a (stripped) fence line opens with: what its closing line repeats. */
    static String fenceMarks(String line) {
        int end = 0;
        while (end < line.length() && (line.charAt(end) == '`' || line.charAt(end) == '~')) {
            end++;
        }
        return line.substring(0, end);
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
        return !items.isEmpty()
                && items.stream().allMatch(ValueText::fitsInline)
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
