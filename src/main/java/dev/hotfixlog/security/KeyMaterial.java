package dev.hotfixlog.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds private-key material the way people paste it at 3 AM: a whole PEM block, a block whose END line was not
 * copied, or key body lines without their BEGIN line. Scanned by hand, once over the text: a regular expression
 * for "BEGIN, then anything up to END" goes quadratic when END never comes.
 *
 * <p>Without an END line, only the lines that look like key body are taken (the rest of the BEGIN line when it
 * is base64, then whole base64 lines): the ordinary text after a half-pasted key stays readable.
 */
final class KeyMaterial {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String PRIVATE_KEY = "PRIVATE KEY-----";
    /** A PEM body line is 64 characters (OpenSSH's 70); a bare run of base64 this long is key material. */
    static final int BARE_RUN_MIN_CHARS = 60;
    /** The longest header a PEM label makes ("-----BEGIN ENCRYPTED PRIVATE KEY-----" and its kin). */
    private static final int HEADER_MAX_CHARS = 80;

    private KeyMaterial() {
    }

    /** The spans {@code [start, end)} of PEM private-key blocks, whole or cut short, in order and apart. */
    static List<int[]> pemBlocks(String text) {
        List<int[]> out = new ArrayList<>();
        int nextEnd = -2; // the next END marker at or after the cursor; -2: not looked for yet, -1: none
        int notBody = -1; // the first character at or after the cursor that cannot be key body (-1: not looked for)
        int i = 0;
        while (i < text.length()) {
            int begin = text.indexOf(BEGIN, i);
            if (begin < 0) {
                break;
            }
            int headerEnd = privateKeyHeaderEnd(text, begin);
            if (headerEnd < 0) {
                i = begin + BEGIN.length();
                continue;
            }
            if (nextEnd != -1 && nextEnd < headerEnd) {
                nextEnd = text.indexOf(END, headerEnd);
            }
            // Both found once and reused by every header before them: the scan stays linear in the text.
            if (notBody < headerEnd) {
                notBody = firstNotBody(text, headerEnd);
            }
            int blockEnd = nextEnd >= 0 && notBody >= nextEnd ? endLineEnd(text, nextEnd) : -1;
            int to = blockEnd >= 0 ? blockEnd : bodyLinesEnd(text, headerEnd);
            out.add(new int[] {begin, to});
            i = to;
        }
        return out;
    }

    /**
     * The spans of bare key material: runs of {@link #BARE_RUN_MIN_CHARS} or more base64 characters that mix
     * upper case, lower case and digits (hex digests, ids and ordinary words never do), such as a key's body
     * line pasted without its BEGIN line.
     */
    static List<int[]> bareRuns(String text) {
        List<int[]> out = new ArrayList<>();
        int k = 0;
        while (k < text.length()) {
            if (!isBase64(text.charAt(k))) {
                k++;
                continue;
            }
            int end = base64RunEnd(text, k);
            if (end - k >= BARE_RUN_MIN_CHARS && mixed(text, k, end)) {
                out.add(new int[] {k, end});
            }
            k = end;
        }
        return out;
    }

    /** Where "-----BEGIN … PRIVATE KEY-----" that starts at {@code at} ends, or -1 if it is another label. */
    private static int privateKeyHeaderEnd(String text, int at) {
        int limit = Math.min(text.length(), at + HEADER_MAX_CHARS);
        for (int k = at + BEGIN.length(); k < limit; k++) {
            char c = text.charAt(k);
            if (text.startsWith(PRIVATE_KEY, k)) {
                return k + PRIVATE_KEY.length();
            }
            if (!(c == ' ' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return -1;
            }
        }
        return -1;
    }

    /** The first character from {@code from} that is not key body (base64, white space, PEM headers). */
    private static int firstNotBody(String text, int from) {
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!(isBase64(c) || Character.isWhitespace(c) || c == ':' || c == ',' || c == '-')) {
                return k;
            }
        }
        return text.length();
    }

    /** The end of the END line at {@code end} when it closes a private key, else -1. */
    private static int endLineEnd(String text, int end) {
        int limit = Math.min(text.length(), end + HEADER_MAX_CHARS);
        for (int k = end + END.length(); k < limit; k++) {
            if (text.startsWith(PRIVATE_KEY, k)) {
                return k + PRIVATE_KEY.length();
            }
        }
        return -1;
    }

    /** Without a usable END: the base64 tokens left on the BEGIN line, then every whole line of base64. */
    private static int bodyLinesEnd(String text, int from) {
        int n = text.length();
        int k = from;
        while (k < n && text.charAt(k) != '\n') {
            char c = text.charAt(k);
            if (!(isBase64(c) || c == ' ' || c == '\t' || c == '\r')) {
                return trimmedEnd(text, from, k);
            }
            k++;
        }
        int taken = trimmedEnd(text, from, k);
        while (k < n) {
            int lineStart = k + 1;
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? n : lineEnd;
            if (!isBodyLine(text, lineStart, lineEnd)) {
                break;
            }
            taken = trimmedEnd(text, lineStart, lineEnd);
            k = lineEnd;
        }
        return taken;
    }

    private static boolean isBodyLine(String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (!isBase64(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int trimmedEnd(String text, int from, int to) {
        int end = to;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean mixed(String text, int from, int to) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return upper && lower && digit;
    }

    /** The end of the run of base64 characters that starts at {@code from}. */
    static int base64RunEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isBase64(text.charAt(end))) {
            end++;
        }
        return end;
    }

    static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                || c == '=';
    }
}
