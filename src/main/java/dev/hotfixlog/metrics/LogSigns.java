package dev.hotfixlog.metrics;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * The warning signs a team wrote on its log page ("Evictions per second → over 1000 for 5 minutes"), as the
 * Markdown feature keeps them. {@code App} hands them in; metrics does not read that feature's tables. Each is
 * watched under a name made from its words, so a monitoring system can report its value through
 * {@code PUT /api/v1/signals/{name}}.
 */
@FunctionalInterface
public interface LogSigns {
    LogSigns NONE = List::of;

    /** One sign as written: the metric or behaviour, and when to act (may be null). */
    record Written(String signal, String threshold) {}

    List<Written> written();

    /** The name a written sign is watched under: its words, lower case, joined by '-' ("evictions-per-second"). */
    static String nameOf(String signal) {
        StringBuilder words = new StringBuilder();
        signal.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                words.appendCodePoint(c);
            } else if (words.length() > 0 && words.charAt(words.length() - 1) != '-') {
                words.append('-');
            }
        });
        String slug = words.length() > 0 && words.charAt(words.length() - 1) == '-'
                ? words.substring(0, words.length() - 1)
                : words.toString();
        return slug.length() > 100 ? slug.substring(0, 100) : slug.isEmpty() ? "sign" : slug;
    }

    Pattern NUMBER = Pattern.compile("(-?\\d+(?:[.,]\\d+)?)");
    Pattern BELOW = Pattern.compile("(?i)\\b(below|under|less than|fewer than|drops?|falls?)\\b|<");

    /** The first number the threshold names, or NaN. */
    static double thresholdOf(String threshold) {
        Matcher m = threshold == null ? null : NUMBER.matcher(threshold);
        return m != null && m.find() ? Double.parseDouble(m.group(1).replace(',', '.')) : Double.NaN;
    }

    static String directionOf(String threshold) {
        return threshold != null && BELOW.matcher(threshold).find() ? "below" : "above";
    }
}
