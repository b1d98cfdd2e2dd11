package dev.hotfixlog.markdown;

import dev.hotfixlog.error.FieldError;
import java.util.Arrays;
import java.util.List;

/**
 * A page's lines as the readers walk them ({@link LogReader}, {@link EntryReader}), and the errors found on them,
 * each naming its line: one place that numbers lines from 1 and finds where a code block closes.
 */
final class PageLines {
    final String[] lines;
    private final List<FieldError> errors;

    PageLines(String[] lines, List<FieldError> errors) {
        this.lines = lines;
        this.errors = errors;
    }

    void error(int index, String message) {
        errors.add(new FieldError("line " + (index + 1), message));
    }

    /** How many errors the reading has found so far: an entry with one of its own is not kept. */
    int errorCount() {
        return errors.size();
    }

    List<FieldError> errors() {
        return errors;
    }

    /** Lines {@code [from, to)}, {@code to} cut at the page's end, joined with {@code \n}. */
    String joined(int from, int to) {
        return String.join("\n", Arrays.asList(lines).subList(from, Math.min(to, lines.length)));
    }

    /** The index of the line that closes the fence opened at {@code open} (or the last line, unclosed). */
    int fenceEnd(int open) {
        String fence = ValueText.fenceMarks(lines[open].strip());
        for (int k = open + 1; k < lines.length; k++) {
            if (ValueText.closes(lines[k], fence)) {
                return k;
            }
        }
        error(open, "this code block is never closed (a line of " + fence + " is missing)");
        return lines.length;
    }
}
