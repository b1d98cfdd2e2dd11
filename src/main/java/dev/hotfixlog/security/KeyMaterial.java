package dev.hotfixlog.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds private-key material the way people paste it at 3 AM: a whole armored block (PEM's
 * {@code -----BEGIN … PRIVATE KEY-----}, OpenPGP's {@code PGP PRIVATE KEY BLOCK}, RFC 4716's
 * {@code ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----}), a block whose END line was not copied, a PuTTY key's
 * {@code Private-Lines:}, or key body lines without their BEGIN line. Scanned by hand, once over the text: a
 * regular expression for "BEGIN, then anything up to END" goes quadratic when END never comes.
 *
 * <p>A block's armor headers ({@code Version:}, {@code Comment:}, {@code Proc-Type:}) and the blank line after
 * them belong to it. Without an END line, only the lines that look like key body are taken (the rest of the BEGIN
 * line when it is base64, then whole base64 lines): the ordinary text after a half-pasted key stays readable. A
 * public block (a public key, a certificate, a signature) is not key material: its lines are not bare runs.
 */
final class KeyMaterial {
    private static final String BEGIN = "BEGIN ";
    private static final String END = "END ";
    /** The dashes before BEGIN or END: five in PEM and OpenPGP, four and a space in RFC 4716. */
    private static final int DASHES = 5;
    /** PuTTY's private part: a count of lines, then those lines of base64. */
    private static final String PUTTY_PRIVATE = "Private-Lines:";
    /** A PEM body line is 64 characters (OpenSSH's 70); a bare run of base64 this long is key material. */
    static final int BARE_RUN_MIN_CHARS = 60;
    /** The longest label a header has ("-----BEGIN SSH2 ENCRYPTED PRIVATE KEY ----" and its kin). */
    private static final int HEADER_MAX_CHARS = 80;

    private KeyMaterial() {}

    /** The spans {@code [start, end)} of private-key blocks, whole or cut short, in order and apart. */
    static List<int[]> pemBlocks(String text) {
        return blocks(text, true);
    }

    /**
     * The spans of armored blocks whose label names no private key (public keys, certificates, signatures): what
     * {@link #bareRuns} leaves alone.
     */
    static List<int[]> publicBlocks(String text) {
        return blocks(text, false);
    }

    private static List<int[]> blocks(String text, boolean secret) {
        List<int[]> out = new ArrayList<>();
        int nextEnd = -2; // the next END marker at or after the cursor; -2: not looked for yet, -1: none
        int notBody = -1; // the first character at or after the cursor that cannot be key body (-1: not looked for)
        int putty = secret ? -2 : -1; // the next PuTTY private part, as nextEnd
        int word = -2; // the next BEGIN marker's word, as nextEnd
        int i = 0;
        while (i < text.length()) {
            if (putty != -1 && putty < i) {
                putty = text.indexOf(PUTTY_PRIVATE, i);
            }
            if (word != -1 && word - DASHES < i) {
                word = marker(text, BEGIN, i);
            }
            if (putty >= 0 && (word < 0 || putty < word - DASHES)) {
                int to = Math.max(putty + PUTTY_PRIVATE.length(), bodyLinesEnd(text, putty + PUTTY_PRIVATE.length()));
                out.add(new int[] {putty, to});
                i = to;
                continue;
            }
            if (word < 0) {
                break;
            }
            int headerEnd = labelEnd(text, word + BEGIN.length(), secret);
            if (headerEnd < 0) {
                i = word + BEGIN.length();
                continue;
            }
            int bodyStart = armorHeadersEnd(text, headerEnd);
            if (nextEnd != -1 && nextEnd < bodyStart) {
                nextEnd = marker(text, END, bodyStart);
            }
            // Both found once and reused by every header before them: the scan stays linear in the text.
            if (notBody < bodyStart) {
                notBody = firstNotBody(text, bodyStart);
            }
            int blockEnd = nextEnd >= 0 && notBody >= nextEnd ? labelEnd(text, nextEnd + END.length(), secret) : -1;
            int to = blockEnd >= 0 ? blockEnd : bodyLinesEnd(text, bodyStart);
            out.add(new int[] {word - DASHES, to});
            i = to;
        }
        return out;
    }

    /**
     * The spans of bare key material: runs of {@link #BARE_RUN_MIN_CHARS} or more base64 characters that mix
     * upper case, lower case and digits (hex digests, ids and ordinary words never do), such as a key's body
     * line pasted without its BEGIN line; not the lines of a public block.
     */
    static List<int[]> bareRuns(String text) {
        List<int[]> out = new ArrayList<>();
        List<int[]> published = publicBlocks(text);
        int block = 0;
        int k = 0;
        while (k < text.length()) {
            while (block < published.size() && published.get(block)[1] <= k) {
                block++;
            }
            if (block < published.size() && published.get(block)[0] <= k) {
                k = published.get(block)[1];
                continue;
            }
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

    /**
     * Where the next {@code BEGIN } or {@code END } word of an armor line is, at or after {@code from} and with
     * its dashes after {@code from}, or -1.
     */
    private static int marker(String text, String word, int from) {
        for (int k = text.indexOf(word, from + DASHES); k >= 0; k = text.indexOf(word, k + 1)) {
            if (text.startsWith("-----", k - DASHES) || text.startsWith("---- ", k - DASHES)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The end of an armor line's label that starts at {@code at} and its closing dashes, when the label names a
     * private key ({@code secret}) or does not ({@code !secret}); else -1. A private key's label ends in
     * {@code PRIVATE KEY} or {@code SECRET KEY}, then perhaps {@code BLOCK}: {@code RSA PRIVATE KEY},
     * {@code ENCRYPTED PRIVATE KEY}, {@code OPENSSH PRIVATE KEY}, {@code PGP PRIVATE KEY BLOCK}, PGP 2's
     * {@code PGP SECRET KEY BLOCK}, {@code SSH2 ENCRYPTED PRIVATE KEY}.
     */
    private static int labelEnd(String text, int at, boolean secret) {
        int limit = Math.min(text.length(), at + HEADER_MAX_CHARS);
        int k = at;
        while (k < limit && (text.charAt(k) == ' ' || isUpperOrDigit(text.charAt(k)))) {
            k++;
        }
        int label = k;
        while (label > at && text.charAt(label - 1) == ' ') {
            label--;
        }
        int dashes = 0;
        while (k + dashes < text.length() && text.charAt(k + dashes) == '-') {
            dashes++;
        }
        if (label == at || dashes < DASHES - 1) {
            return -1;
        }
        int named = endsWith(text, at, label, " BLOCK") ? label - " BLOCK".length() : label;
        boolean isPrivate = endsWith(text, at, named, "PRIVATE KEY") || endsWith(text, at, named, "SECRET KEY");
        return isPrivate == secret ? k + dashes : -1;
    }

    private static boolean endsWith(String text, int from, int to, String suffix) {
        return to - from >= suffix.length() && text.startsWith(suffix, to - suffix.length());
    }

    private static boolean isUpperOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * After a BEGIN line that ends at its dashes: the end of the armor header lines under it ({@code Name: value},
     * a value continued by a trailing backslash), or {@code headerEnd} when there are none.
     */
    private static int armorHeadersEnd(String text, int headerEnd) {
        int k = headerEnd;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\r')) {
            k++;
        }
        if (k >= text.length() || text.charAt(k) != '\n') {
            return headerEnd;
        }
        int end = headerEnd;
        boolean continued = false;
        while (k < text.length()) {
            int lineStart = k + 1;
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (!continued && !isArmorHeader(text, lineStart, lineEnd)) {
                break;
            }
            end = trimmedEnd(text, lineStart, lineEnd);
            continued = end > lineStart && text.charAt(end - 1) == '\\';
            k = lineEnd;
        }
        return end;
    }

    /** {@code Name: value}: a letter, letters, digits and dashes, a colon and a space (or nothing after it). */
    private static boolean isArmorHeader(String text, int from, int to) {
        if (from >= to || !Character.isLetter(text.charAt(from))) {
            return false;
        }
        int k = from + 1;
        while (k < to && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '-')) {
            k++;
        }
        return k < to && text.charAt(k) == ':' && (k + 1 == to || text.charAt(k + 1) == ' ');
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
        boolean body = taken > from;
        while (k < n) {
            int lineStart = k + 1;
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? n : lineEnd;
            boolean blank = trimmedEnd(text, lineStart, lineEnd) == lineStart;
            if (!(blank && !body) && !isBodyLine(text, lineStart, lineEnd)) {
                break; // blank lines are skipped only before the body: the one after armor headers
            }
            if (!blank) {
                body = true;
                taken = trimmedEnd(text, lineStart, lineEnd);
            }
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
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=';
    }
}
