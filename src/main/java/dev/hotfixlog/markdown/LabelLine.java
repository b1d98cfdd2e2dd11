package dev.hotfixlog.markdown;

/**
 * A line read as a label and the rest of the line: {@code **Problem:** text} (bold) or {@code Problem: text}
 * (plain), either one possibly a list item. Scanned by hand: most lines of a page go through here, and the
 * regular expressions this replaces ({@link #BOLD}, {@link #PLAIN}) spent about a quarter of the page's reading
 * time running {@code (.*)$} over long values. {@code LabelLineProperties} checks that both read every line
 * the same way, so the expressions stay the definition.
 */
record LabelLine(String name, String rest) {
    /** The definition of a bold label line; {@link #bold} gives the same groups. */
    static final String BOLD = "^\\s*(?:[-*+]\\s+)?\\*\\*([^*]{1,60}?)\\s*:?\\s*\\*\\*:?[ \\t]?(.*)$";
    /** The definition of a plain label line; {@link #plain} gives the same groups. */
    static final String PLAIN = "^\\s*(?:[-*+]\\s+)?([A-Za-z][A-Za-z /()'-]{0,40}):[ \\t]?(.*)$";
    /** The definition of a list item; {@link #isListItem} says the same. */
    static final String LIST_ITEM = "^\\s*[-*+]\\s+(.*)$";

    private static final int LONGEST_BOLD_NAME = 60;
    private static final int LONGEST_PLAIN_NAME = 41;

    /** {@code **Name:** rest}, or null. */
    static LabelLine bold(String line) {
        int at = afterBullet(line, skipSpaces(line, 0));
        if (!line.startsWith("**", at)) {
            return null;
        }
        int from = at + 2;
        int close = line.indexOf('*', from);
        if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != '*' || close == from) {
            return null;
        }
        // The name is as short as it can be: spaces, one colon and spaces before the closing ** are not in it.
        int end = close;
        while (end > from && isSpace(line.charAt(end - 1))) {
            end--;
        }
        if (end > from && line.charAt(end - 1) == ':') {
            end--;
            while (end > from && isSpace(line.charAt(end - 1))) {
                end--;
            }
        }
        end = Math.max(end, from + 1);
        if (end - from > LONGEST_BOLD_NAME) {
            return null;
        }
        int restFrom = close + 2;
        if (restFrom < line.length() && line.charAt(restFrom) == ':') {
            restFrom++;
        }
        return withRest(line, line.substring(from, end), restFrom);
    }

    /** {@code Name: rest}, or null. */
    static LabelLine plain(String line) {
        int from = afterBullet(line, skipSpaces(line, 0));
        if (from >= line.length() || !isAsciiLetter(line.charAt(from))) {
            return null;
        }
        int end = from + 1;
        while (end < line.length() && isPlainNameChar(line.charAt(end))) {
            end++;
        }
        if (end - from > LONGEST_PLAIN_NAME || end >= line.length() || line.charAt(end) != ':') {
            return null;
        }
        return withRest(line, line.substring(from, end), end + 1);
    }

    static boolean isListItem(String line) {
        int at = skipSpaces(line, 0);
        int text = afterBullet(line, at);
        return text != at && !hasLineBreak(line, text);
    }

    /** {@code [ \t]?(.*)$} from {@code at}: one space or tab dropped, and no line break in what is left. */
    private static LabelLine withRest(String line, String name, int at) {
        int restFrom = at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t') ? at + 1 : at;
        return hasLineBreak(line, restFrom) ? null : new LabelLine(name, line.substring(restFrom));
    }

    /** Where the text starts after a list bullet and its spaces at {@code at}; {@code at} when there is none. */
    private static int afterBullet(String line, int at) {
        if (at + 1 < line.length() && isBullet(line.charAt(at)) && isSpace(line.charAt(at + 1))) {
            return skipSpaces(line, at + 1);
        }
        return at;
    }

    private static int skipSpaces(String line, int at) {
        while (at < line.length() && isSpace(line.charAt(at))) {
            at++;
        }
        return at;
    }

    /** What {@code .} does not match, so {@code (.*)$} fails on it. */
    private static boolean hasLineBreak(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** {@code \s} without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isBullet(char c) {
        return c == '-' || c == '*' || c == '+';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isPlainNameChar(char c) {
        return isAsciiLetter(c) || c == ' ' || c == '/' || c == '(' || c == ')' || c == '\'' || c == '-';
    }
}
