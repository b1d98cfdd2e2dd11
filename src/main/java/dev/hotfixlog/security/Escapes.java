package dev.hotfixlog.security;

/**
 * The escapes a secret is pasted in when it went through an address, a web page or a JSON string on its way:
 * {@code %41} (percent-encoding), {@code &#65;}, {@code &#x41;} and a few named references ({@code &amp;},
 * {@code &commat;}), and {@code \\u0041} written out as text. Only an escape of a printable ASCII character counts
 * (and not of one that ends a secret):
 * the secrets looked for are ASCII, and ordinary text (a {@code 50%} or an {@code &} between words) has none, so
 * it takes no second reading ({@link Folding}).
 */
final class Escapes {
    /** Named references of the ASCII characters that keys and addresses are made of, and their characters. */
    private static final String[] NAMES = {
        "amp", "quot", "apos", "commat", "sol", "colon", "equals", "lowbar", "plus", "period", "quest", "excl",
        "dollar", "ast"
    };

    private static final String CHARACTERS = "&\"'@/:=_+.?!$*";
    /**
     * The printable characters that an escape is not read as: those that end a secret (space, comma, semicolon,
     * angle brackets) or begin another escape. Read, they could cut a secret short in the folded reading, which
     * is the only reading of ASCII text; left as escapes, they are read as the text as pasted has them.
     */
    private static final String NOT_DECODED = " ,;<>#%\\`";
    /** The longest name, and {@code &#x7E;} as the longest numeric reference worth reading. */
    private static final int LONGEST_NAME = 6;

    private Escapes() {}

    /** How long the escape at {@code at} is, or 0 when none begins there. */
    static int length(String text, int at) {
        char c = text.charAt(at);
        if (c == '%') {
            return printable(hex(text, at + 1, 2)) ? 3 : 0;
        }
        if (c == '\\') {
            return at + 1 < text.length() && text.charAt(at + 1) == 'u' && printable(hex(text, at + 2, 4)) ? 6 : 0;
        }
        if (c == '&') {
            return reference(text, at) > 0 ? referenceEnd(text, at) - at : 0;
        }
        return 0;
    }

    /** The character the escape at {@code at} stands for: call only where {@link #length} is not 0. */
    static char decoded(String text, int at) {
        char c = text.charAt(at);
        return (char) (c == '%' ? hex(text, at + 1, 2) : c == '\\' ? hex(text, at + 2, 4) : reference(text, at));
    }

    private static boolean printable(int c) {
        return c > 0x20 && c < 0x7F && NOT_DECODED.indexOf(c) < 0;
    }

    /** The value of {@code digits} hex digits at {@code from}, or -1. */
    private static int hex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(text.charAt(k), 16);
            if (d < 0 || text.charAt(k) >= 0x80) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** The printable ASCII character of the reference at {@code at} ({@code &…;}), or -1. */
    private static int reference(String text, int at) {
        int end = referenceEnd(text, at);
        if (end < 0) {
            return -1;
        }
        int value = -1;
        if (text.charAt(at + 1) == '#') {
            boolean hexadecimal = text.charAt(at + 2) == 'x' || text.charAt(at + 2) == 'X';
            int from = at + (hexadecimal ? 3 : 2);
            if (end - 1 == from) {
                return -1;
            }
            value = 0;
            for (int k = from; k < end - 1; k++) {
                int d = text.charAt(k) < 0x80 ? Character.digit(text.charAt(k), hexadecimal ? 16 : 10) : -1;
                if (d < 0) {
                    return -1;
                }
                value = value * (hexadecimal ? 16 : 10) + d;
            }
        } else {
            for (int n = 0; n < NAMES.length; n++) {
                if (NAMES[n].length() == end - 1 - (at + 1) && text.startsWith(NAMES[n], at + 1)) {
                    value = CHARACTERS.charAt(n);
                }
            }
        }
        return printable(value) ? value : -1;
    }

    /** The end of a reference's {@code ;} within a few characters of {@code at}, or -1. */
    private static int referenceEnd(String text, int at) {
        int limit = Math.min(text.length(), at + 2 + LONGEST_NAME + 1);
        for (int k = at + 1; k < limit; k++) {
            char c = text.charAt(k);
            if (c == ';') {
                return k > at + 1 ? k + 1 : -1;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && k == at + 1)) {
                return -1;
            }
        }
        return -1;
    }
}
