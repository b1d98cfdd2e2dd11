package dev.hotfixlog.markdown;

import java.util.HashMap;
import java.util.Map;

/**
 * Where one entry stood on the page it was read from, so an export can give its lines back as written and
 * rewrite only the lines of a field changed since ({@link FaithfulPage}).
 *
 * @param completed true when it stood under "Completed Hotfixes"
 * @param from      the index of its heading line
 * @param to        the index after its last line (its closing rule included)
 * @param fields    per field the lines holding its value, {@code [from, to)}: a label's field ({@code severity}),
 *                  {@code title} for the heading, {@code followUps.<kind>} for a checkbox; the one-line form's
 *                  line under each of its fields
 */
record EntryLines(boolean completed, int from, int to, Map<String, Span> fields) {
    static final EntryLines NONE = new EntryLines(false, 0, 0, Map.of());

    EntryLines {
        fields = Map.copyOf(fields);
    }

    /** Lines {@code [from, to)} of the page. */
    record Span(int from, int to) {}

    /** From the reader's working spans ({@code {from, to}}, the end moved on as a value continues). */
    static EntryLines of(boolean completed, int from, int to, Map<String, int[]> spans) {
        Map<String, Span> fields = new HashMap<>();
        spans.forEach((k, v) -> fields.put(k, new Span(v[0], v[1])));
        return new EntryLines(completed, from, to, fields);
    }
}
