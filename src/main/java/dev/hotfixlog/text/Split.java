package dev.hotfixlog.text;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link String#split} on a literal separator, by hand: String's own takes a regular expression, and no pattern
 * over user text runs on a backtracking engine (issue 31), so main code never calls it. Same answers as
 * {@code s.split(Pattern.quote(separator), limit)}: no separator gives {@code {s}}; a positive limit caps the
 * parts, the last holding the rest; limit 0 drops trailing empty parts; a negative one keeps them.
 */
public final class Split {
    private Split() {}

    /** {@code s.split(separator)}: trailing empty parts dropped. */
    public static String[] on(String s, String separator) {
        return on(s, separator, 0);
    }

    /** {@code s.split(separator, limit)} with {@code separator} taken literally. */
    public static String[] on(String s, String separator, int limit) {
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("an empty separator splits nothing");
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        int next;
        while ((limit <= 0 || parts.size() < limit - 1) && (next = s.indexOf(separator, from)) >= 0) {
            parts.add(s.substring(from, next));
            from = next + separator.length();
        }
        if (from == 0) {
            return new String[] {s};
        }
        parts.add(s.substring(from));
        int size = parts.size();
        while (limit == 0 && size > 0 && parts.get(size - 1).isEmpty()) {
            size--;
        }
        return parts.subList(0, size).toArray(new String[0]);
    }
}
