package dev.hotfixlog.markdown;

import dev.hotfixlog.hotfix.PageTimeline;
import dev.hotfixlog.text.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A record's "#### Timeline" section, kept verbatim with its page, read as lines of {time, text} for the record's
 * JSON. A line is a list item ("- 02:17 paged", "* **2026-10-04 02:31** — fixed"); the time is what it starts
 * with when that reads as a clock time or a date and time, as written; scanned by hand.
 */
final class TimelineLines {
    private TimelineLines() {}

    static List<PageTimeline.Line> of(List<UnplacedText> extras) {
        List<PageTimeline.Line> out = new ArrayList<>();
        for (UnplacedText e : extras) {
            String[] lines = Split.on(e.text(), "\n", -1);
            if (e.section() != null || !isTimelineHeading(lines[0])) {
                continue;
            }
            for (int i = 1; i < lines.length; i++) {
                String item = listItem(lines[i]);
                if (item != null && !item.isBlank()) {
                    out.add(line(item));
                }
            }
        }
        return out;
    }

    private static boolean isTimelineHeading(String line) {
        String h = line.replace("#", "").strip().toLowerCase(Locale.ROOT);
        return line.startsWith("####")
                && (h.equals("timeline") || h.startsWith("timeline ") || h.endsWith(" timeline"));
    }

    /** The item's text without its marker ("- ", "* ", "+ ", "1. "), or null when the line is not an item. */
    private static String listItem(String line) {
        String t = line.strip();
        if (t.length() > 1 && "-*+".indexOf(t.charAt(0)) >= 0 && t.charAt(1) == ' ') {
            return t.substring(2).strip();
        }
        int k = 0;
        while (k < t.length() && Character.isDigit(t.charAt(k))) {
            k++;
        }
        return k > 0 && k + 1 < t.length() && t.charAt(k) == '.' && t.charAt(k + 1) == ' '
                ? t.substring(k + 2).strip()
                : null;
    }

    private static PageTimeline.Line line(String item) {
        boolean bold = item.startsWith("**");
        String rest = bold ? item.substring(2) : item;
        int end = timeEnd(rest);
        if (end < 0 || (bold && !rest.startsWith("**", end))) {
            return new PageTimeline.Line(null, item);
        }
        String time = rest.substring(0, end);
        String text = rest.substring(end + (bold ? 2 : 0)).strip();
        int k = 0;
        while (k < text.length() && "-–—:|".indexOf(text.charAt(k)) >= 0) {
            k++;
        }
        return new PageTimeline.Line(time, text.substring(k).strip());
    }

    /** Where a leading "HH:MM[:SS]" or "YYYY-MM-DD HH:MM[:SS]" (with an optional " UTC" or "Z") ends, or -1. */
    private static int timeEnd(String s) {
        int k = 0;
        if (digits(s, 0, 4)
                && s.startsWith("-", 4)
                && digits(s, 5, 2)
                && s.startsWith("-", 7)
                && digits(s, 8, 2)
                && s.length() > 10
                && (s.charAt(10) == ' ' || s.charAt(10) == 'T')) {
            k = 11;
        }
        int h = digits(s, k, 2) ? 2 : digits(s, k, 1) ? 1 : 0;
        if (h == 0 || !s.startsWith(":", k + h) || !digits(s, k + h + 1, 2)) {
            return -1;
        }
        k += h + 3;
        if (s.startsWith(":", k) && digits(s, k + 1, 2)) {
            k += 3;
        }
        if (s.startsWith("Z", k)) {
            k++;
        } else if (s.startsWith(" UTC", k)) {
            k += 4;
        }
        return k < s.length() && Character.isLetterOrDigit(s.charAt(k)) ? -1 : k;
    }

    private static boolean digits(String s, int from, int n) {
        if (from + n > s.length()) {
            return false;
        }
        for (int i = from; i < from + n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
