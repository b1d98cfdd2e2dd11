package dev.hotfixlog.markdown;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The shapes of a log's lines, as the reader and the writer both need them: where a label's block ends, a code
 * fence's close, a thematic break, a label line. Linear in the line's length by construction (no expression that
 * recurses per character).
 */
final class LineShapes {
    static final Pattern CHECKBOX = Pattern.compile("^[[:space:]]*[-*+][[:space:]]+\\[([ xX])\\][[:space:]]*(.*)$");
    static final Pattern BOLD_START = Pattern.compile("^\\*\\*([^*]+)\\*\\*(.*)$");

    private LineShapes() {}

    private static final Pattern ORDERED_ITEM = Pattern.compile("^[[:space:]]*\\d{1,9}[.)][[:space:]]+.*");

    /**
     * Where the block that continues a label's value ends, looking from {@code from} (the line after the label
     * line): blank lines, closed code blocks, indented lines and list items, up to the last of them that is not
     * blank; {@code from} when nothing continues it. A list item that is a label or one of the template's
     * follow-up checkboxes is not a continuation. The writer asks the same question, so what it writes in place
     * reads back the same.
     */
    static int blockEnd(String[] lines, int from) {
        int end = from;
        int k = from;
        while (k < lines.length) {
            String line = lines[k];
            if (line.isBlank()) {
                k++;
            } else if (ValueText.isFenceOpen(line)) {
                int close = closingFence(lines, k);
                if (close < 0) {
                    break;
                }
                k = close + 1;
                end = k;
            } else if (isIndented(line) || isContinuingItem(line)) {
                k++;
                end = k;
            } else {
                break;
            }
        }
        return end;
    }

    static boolean isIndented(String line) {
        return line.startsWith("    ") || line.startsWith("\t");
    }

    static boolean isContinuingItem(String line) {
        if (!LabelLine.isListItem(line) && !ORDERED_ITEM.matcher(line).matches()) {
            return false;
        }
        Matcher box = line.indexOf('[') >= 0 ? CHECKBOX.matcher(line) : null;
        if (box != null && box.matches()) {
            String text = box.group(2);
            Matcher b = BOLD_START.matcher(text);
            if (EntryValues.followUpKind(b.matches() ? b.group(1) : text) != null) {
                return false;
            }
        }
        LabelLine lm = labelMatch(line);
        return lm == null || Label.find(lm.name()) == null;
    }

    /** The closing line of the fence opened at {@code open}, or -1 when it is never closed. */
    static int closingFence(String[] lines, int open) {
        String fence = ValueText.fenceMarks(lines[open].strip());
        for (int k = open + 1; k < lines.length; k++) {
            if (ValueText.closes(lines[k], fence)) {
                return k;
            }
        }
        return -1;
    }

    static boolean isRule(String line) {
        int i = 0;
        while (i < line.length() && i < 4 && line.charAt(i) == ' ') {
            i++;
        }
        if (i >= line.length()) {
            return false;
        }
        char c = line.charAt(i);
        // Counted by hand: the expression ^\s{0,3}([-*_])(\s*\1){2,}\s*$ (a thematic break) recursed per
        // character and overflowed the stack on a line of 5,000 dashes.
        return (c == '-' || c == '*' || c == '_') && onlyThisAndSpaces(line, c) && count(line, c) >= 3;
    }

    static int count(String line, char c) {
        int n = 0;
        for (int k = 0; k < line.length(); k++) {
            n += line.charAt(k) == c ? 1 : 0;
        }
        return n;
    }

    /**
     * What a rule needs before its expression is tried: nothing but {@code c} and white space. Every bold label
     * line starts with {@code *}, and this spares them the expression.
     */
    static boolean onlyThisAndSpaces(String line, char c) {
        for (int k = 0; k < line.length(); k++) {
            char x = line.charAt(k);
            if (x != c && !Character.isWhitespace(x)) {
                return false;
            }
        }
        return true;
    }

    /** The line as a label's name and the rest of the line, or null: a bold label the template knows, else plain. */
    static LabelLine labelMatch(String line) {
        if (line.indexOf(':') < 0) {
            return null;
        }
        LabelLine bold = LabelLine.bold(line);
        if (bold != null && Label.find(bold.name()) != null) {
            return bold;
        }
        return LabelLine.plain(line);
    }
}
