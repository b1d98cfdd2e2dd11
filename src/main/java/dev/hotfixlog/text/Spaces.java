package dev.hotfixlog.text;

/**
 * Whitespace folded by hand, in one pass: the one way a text becomes a single line (a table cell, a comparison
 * key). A regular expression would do the same, but every pattern over user text runs on a linear-time engine or
 * is a scanner like this one (issue 31), and this one needs no engine at all.
 */
public final class Spaces {
    private Spaces() {}

    /**
     * {@code text} with every run of whitespace ({@link Character#isWhitespace}) replaced by one space and none at
     * either end; {@code null} stays {@code null}.
     */
    public static String collapse(CharSequence text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #collapse} cut to at most {@code max} characters, an ellipsis standing for the rest. */
    public static String cut(CharSequence text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a cell holds at least one character, not " + max);
        }
        String one = collapse(text);
        return one == null || one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
