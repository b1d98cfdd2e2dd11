package dev.hotfixlog.migrate;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.hotfixlog.error.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the record log's refusals of an import back to the items they name: an item's line is its place among the
 * page's candidates, so a refused source record can be skipped with the log's own reason and the page stored again.
 */
final class RefusalLines {
    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final Pattern RECORD_ID = Pattern.compile("^HOTFIX-\\d+ ");

    private RefusalLines() {}

    /** Errors that each name an item's line ("line 3"), by that line; null when any names something else. */
    static Map<Integer, String> byLine(List<FieldError> errors) {
        Map<Integer, String> out = new HashMap<>();
        for (FieldError e : errors) {
            Matcher m = LINE.matcher(e.field());
            if (!m.matches()) {
                return null;
            }
            out.merge(
                    Integer.parseInt(m.group(1)),
                    RECORD_ID.matcher(e.message()).replaceFirst(""),
                    (a, b) -> a + "; " + b);
        }
        return out.isEmpty() ? null : out;
    }
}
