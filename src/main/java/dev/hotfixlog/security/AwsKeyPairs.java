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
