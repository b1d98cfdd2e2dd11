package dev.hotfixlog.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * A page's lines with the line break each one ended with ({@code \n}, {@code \r\n}, {@code \r} or none at the
 * end), split exactly as {@link LogReader} splits them, so a line the reader names by its index can be written
 * back byte for byte.
 */
final class SourceLines {
    private static final String BOM = "\uFEFF";
    private final String bom;
    private final List<String> lines = new ArrayList<>();
    private final List<String> ends = new ArrayList<>();

    SourceLines(String text) {
        bom = text.startsWith(BOM) ? BOM : "";
        String t = text.substring(bom.length());
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r') {
                boolean crlf = c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n';
                lines.add(t.substring(start, i));
                ends.add(crlf ? "\r\n" : String.valueOf(c));
                i += crlf ? 1 : 0;
                start = i + 1;
            }
        }
        lines.add(t.substring(start));
        ends.add("");
    }

    int size() {
        return lines.size();
    }

    String prefix() {
        return bom;
    }

    String line(int k) {
        return lines.get(k);
    }

    /** Line {@code k} with its own line break. */
    String written(int k) {
        return lines.get(k) + ends.get(k);
    }

    /** The line break the page uses around line {@code k}: its own, or the one before when it has none. */
    String lineBreak(int k) {
        for (int i = Math.min(k, size() - 1); i >= 0; i--) {
            if (!ends.get(i).isEmpty()) {
                return ends.get(i);
            }
        }
        return "\n";
    }
}
