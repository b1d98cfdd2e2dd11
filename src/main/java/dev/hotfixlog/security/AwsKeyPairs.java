package dev.hotfixlog.security;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.List;

/**
 * An AWS secret access key pasted without its name, next to its key id: {@code AKIA… wJalr…} on one line, two
 * columns of a CSV, or the two lines {@code aws configure list} prints. A bare run of exactly 40 base64
 * characters mixing upper and lower case within {@link #WINDOW_CHARS} of a key id is taken for its secret; a git
 * SHA (40 lower-case hex digits) is not.
 */
final class AwsKeyPairs {
    static final String KIND = "aws-secret-access-key";
    static final int WINDOW_CHARS = 200;
    private static final int SECRET_CHARS = 40;

    private AwsKeyPairs() {}

    /** The spans of such secrets, in order and apart. Each character is looked at a bounded number of times. */
    static List<Span> secretsNearKeyIds(String text) {
        List<Span> out = new ArrayList<>();
        Matcher id = Detectors.AWS_ACCESS_KEY_ID.matcher(text);
        int scanned = 0;
        while (id.find()) {
            int k = Math.max(scanned, Math.max(0, id.start() - WINDOW_CHARS));
            if (k > 0 && k < text.length() && KeyMaterial.isBase64(text.charAt(k - 1))) {
                k = KeyMaterial.base64RunEnd(text, k); // a run begun before the window, or already looked at
            }
            for (int limit = Math.min(text.length(), id.end() + WINDOW_CHARS); k < limit; k++) {
                int end = KeyMaterial.base64RunEnd(text, k);
                if (end - k >= SECRET_CHARS && mixedCase(text, k, end)) {
                    out.add(new Span(k, end, KIND));
                }
                k = end;
            }
            scanned = Math.max(scanned, k);
        }
        return out;
    }

    /**
     * A secret access key pasted alone, with no key id or name near it: a run of exactly 40 base64 characters
     * that reads as random (at least {@link #BARE_LEAST_EACH} upper-case and lower-case letters and a digit; not a
     * path: no more than {@link #BARE_MOST_SLASHES} slashes, none at either end or doubled; not words: see
     * {@link #BARE_MOST_IN_WORDS}). A git SHA (lower-case hex), a camel-case name or a path does not.
     */
    static List<Span> bareSecrets(String text) {
        List<Span> out = new ArrayList<>();
        int k = 0;
        while (k < text.length()) {
            if (!KeyMaterial.isBase64(text.charAt(k))) {
                k++;
                continue;
            }
            int end = KeyMaterial.base64RunEnd(text, k);
            if (end - k == SECRET_CHARS && readsAsRandom(text, k, end)) {
                out.add(new Span(k, end, KIND));
            }
            k = end;
        }
        return out;
    }

    static final int BARE_LEAST_EACH = 3;
    static final int BARE_MOST_SLASHES = 3;

    private static boolean readsAsRandom(String text, int from, int to) {
        int upper = 0;
        int lower = 0;
        int digits = 0;
        int slashes = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            upper += c >= 'A' && c <= 'Z' ? 1 : 0;
            lower += c >= 'a' && c <= 'z' ? 1 : 0;
            digits += c >= '0' && c <= '9' ? 1 : 0;
            slashes += c == '/' ? 1 : 0;
        }
        boolean pathLike = text.charAt(from) == '/'
                || text.charAt(to - 1) == '/'
                || text.substring(from, to).contains("//");
        return upper >= BARE_LEAST_EACH
                && lower >= BARE_LEAST_EACH
                && digits >= 1
                && slashes <= BARE_MOST_SLASHES
                && !pathLike
                && inWords(text, from, to) <= BARE_MOST_IN_WORDS;
    }

    /**
     * Of 200,000 random 40-character keys, 1.4 % have more than 12 lower-case letters in runs of four or more;
     * a camel-case name or a path has 20 or more ({@code getHotfixRecordByIdentifierAndVersion2V3}: 25).
     */
    static final int BARE_MOST_IN_WORDS = 12;

    /** How many lower-case letters stand in runs of four or more: how much of the run reads as words. */
    private static int inWords(String text, int from, int to) {
        int total = 0;
        int run = 0;
        for (int k = from; k <= to; k++) {
            if (k < to && text.charAt(k) >= 'a' && text.charAt(k) <= 'z') {
                run++;
            } else {
                total += run >= 4 ? run : 0;
                run = 0;
            }
        }
        return total;
    }

    private static boolean mixedCase(String text, int from, int to) {
        boolean upper = false;
        boolean lower = false;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
        }
        return upper && lower;
    }
}
