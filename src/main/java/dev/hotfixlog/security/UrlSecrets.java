package dev.hotfixlog.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Secrets carried by an address rather than beside it: a query or fragment parameter named for a credential
 * ({@code ?token=…}, {@code &sig=…}, {@code #access_token=…}), the last part of an incoming-webhook path
 * ({@code /services/T…/B…/…} on any host), and any path part or parameter value that reads as random (at least
 * {@link #RANDOM_MIN_CHARS} characters mixing upper case, lower case and digits, with many distinct ones), or
 * that is a token's prefix and a long random tail in one case ({@code /v1/tk_3f9a8b7c6d5e4f3a2b1c0d9e/events},
 * {@link TokenPrefixes}). Git SHAs, UUIDs and ordinary names are lower case or readable, so they are kept.
 *
 * <p>Scanned by hand, once over the text: each address is read from its {@code ://} to its first white space
 * or delimiter, and never again.
 */
final class UrlSecrets {
    static final String KIND = "secret-in-url";
    /** A path part or value this long, mixing cases and digits, is a token (a 24-character base62 id is 142 bits). */
    static final int RANDOM_MIN_CHARS = 24;
    /** The least distinct characters per {@link #RANDOM_MIN_CHARS} of a random token; words repeat letters. */
    private static final double DISTINCT_MIN_SHARE = 0.5;

    private static final Set<String> SECRET_NAMES = Set.of(
            "token",
            "access_token",
            "refresh_token",
            "id_token",
            "auth",
            "auth_token",
            "authtoken",
            "apikey",
            "api_key",
            "api-key",
            "key",
            "secret",
            "client_secret",
            "password",
            "passwd",
            "pwd",
            "pass",
            "sig",
            "signature",
            "session",
            "sessionid",
            "private_token",
            "x-amz-signature",
            "x-amz-security-token",
            "x-amz-credential",
            "x-goog-signature",
            "x-goog-credential",
            "code_verifier");
    private static final String ENDS_ADDRESS = "\"'<>()[]{}|\\^`";
    private static final String MASK_START = "[REDACTED:";
    /** A webhook's key after {@code /hooks/}, or a key given as an address's user: Mattermost's are 26. */
    private static final int HOOK_KEY_MIN_CHARS = 20;
    /** The longest mask, {@code [REDACTED:} and a detector's kind and {@code ]}: a bound on the look for its end. */
    private static final int MASK_MAX_CHARS = 64;

    private UrlSecrets() {}

    static List<Span> spans(String text) {
        List<Span> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int scheme = text.indexOf("://", from);
            if (scheme < 0) {
                return out;
            }
            int start = scheme + 3;
            int end = start;
            while (end < text.length()) {
                int masked = maskedEnd(text, end);
                if (masked > end) {
                    end = masked; // a secret already masked inside the address, such as its key id: read on past it
                } else if (endsAddress(text.charAt(end))) {
                    break;
                } else {
                    end++;
                }
            }
            scan(text, start, end, out);
            from = end;
        }
    }

    /** Past a {@code [REDACTED:kind]} starting at {@code at}, or {@code at} when none starts there. */
    private static int maskedEnd(String text, int at) {
        if (text.charAt(at) != '[' || !text.startsWith(MASK_START, at)) {
            return at;
        }
        for (int k = at + MASK_START.length(), limit = Math.min(text.length(), at + MASK_MAX_CHARS); k < limit; k++) {
            if (text.charAt(k) == ']') {
                return k + 1;
            }
        }
        return at;
    }

    private static boolean endsAddress(char c) {
        return Character.isWhitespace(c) || ENDS_ADDRESS.indexOf(c) >= 0;
    }

    /** One address without its scheme: host, then path parts, then parameters of the query and fragment. */
    private static void scan(String text, int start, int end, List<Span> out) {
        int pathStart = start;
        int at = -1;
        while (pathStart < end && "/?#".indexOf(text.charAt(pathStart)) < 0) {
            if (text.charAt(pathStart) == '@') {
                at = pathStart;
            }
            pathStart++;
        }
        if (at > start && isKeyShape(text, start, at)) {
            out.add(new Span(start, at, KIND)); // a key as the user, as in a Sentry DSN (https://<key>@o1.ingest…)
        }
        int pathEnd = pathStart;
        while (pathEnd < end && "?#".indexOf(text.charAt(pathEnd)) < 0) {
            pathEnd++;
        }
        int[] starts = new int[4]; // the last four parts, a ring: a webhook's token is read with the three before it
        int[] ends = new int[4];
        for (int k = pathStart, p = 0; k < pathEnd; p++) {
            int next = k + 1;
            while (next < pathEnd && text.charAt(next) != '/') {
                next++;
            }
            starts[p & 3] = k + 1;
            ends[p & 3] = next;
            int colon = k + 1;
            while (colon < next && text.charAt(colon) != ':') {
                colon++;
            }
            if (isRandom(text, k + 1, next)
                    || isPrefixedToken(text, k + 1, next)
                    || p >= 3 && isWebhookToken(text, starts, ends, p)
                    || p >= 1 && isHookKey(text, starts[(p - 1) & 3], ends[(p - 1) & 3], k + 1, next)) {
                out.add(new Span(k + 1, next, KIND));
            } else if (colon < next && isRandom(text, colon + 1, next)) {
                out.add(new Span(colon + 1, next, KIND)); // bot<id>:<token>, as in Telegram's bot addresses
            }
            k = next;
        }
        for (int k = pathEnd; k < end; ) {
            int next = k + 1;
            while (next < end && "&;#".indexOf(text.charAt(next)) < 0) {
                next++;
            }
            int eq = k + 1;
            while (eq < next && text.charAt(eq) != '=') {
                eq++;
            }
            if (eq < next) {
                String name = text.substring(k + 1, eq).toLowerCase(Locale.ROOT);
                boolean named = SECRET_NAMES.contains(name)
                        || name.endsWith("token")
                        || name.endsWith("secret")
                        || name.endsWith("password")
                        || name.endsWith("signature")
                        || name.endsWith("apikey");
                if (next - eq > 3
                        && !text.startsWith("[REDACTED", eq + 1)
                        && (named || isRandom(text, eq + 1, next) || isPrefixedToken(text, eq + 1, next))) {
                    out.add(new Span(eq + 1, next, KIND));
                }
            }
            k = next;
        }
    }

    /**
     * The part after a {@code hooks}, {@code webhook} or {@code webhooks} part, shaped as a key: Mattermost's and
     * others' incoming-webhook key, often lower case only ({@code /hooks/abc123…}), which {@link #isRandom} misses.
     */
    private static boolean isHookKey(String text, int prevStart, int prevEnd, int from, int to) {
        int length = prevEnd - prevStart;
        boolean hooks = length == 5 && text.regionMatches(true, prevStart, "hooks", 0, 5)
                || length == 8 && text.regionMatches(true, prevStart, "webhooks", 0, 8)
                || length == 7 && text.regionMatches(true, prevStart, "webhook", 0, 7);
        return hooks && isKeyShape(text, from, to);
    }

    /**
     * At least {@link #HOOK_KEY_MIN_CHARS} ASCII letters and digits, with both: a key, not a word or a number. A
     * user name with a password ({@code user:pw}) has a colon, and is the password detector's.
     */
    private static boolean isKeyShape(String text, int from, int to) {
        if (to - from < HOOK_KEY_MIN_CHARS) {
            return false;
        }
        boolean digit = false;
        boolean letter = false;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            boolean d = c >= '0' && c <= '9';
            boolean l = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!d && !l) {
                return false;
            }
            digit |= d;
            letter |= l;
        }
        return digit && letter;
    }

    /** The last part of {@code …/services/T…/B…/secret}: Slack's incoming-webhook shape, which others copy. */
    private static boolean isWebhookToken(String text, int[] starts, int[] ends, int p) {
        int services = (p - 3) & 3;
        return ends[p & 3] > starts[p & 3]
                && ends[services] - starts[services] == "services".length()
                && text.regionMatches(true, starts[services], "services", 0, "services".length())
                && startsWith(text, starts[(p - 2) & 3], ends[(p - 2) & 3], 'T')
                && startsWith(text, starts[(p - 1) & 3], ends[(p - 1) & 3], 'B');
    }

    private static boolean startsWith(String text, int start, int end, char c) {
        return end > start && text.charAt(start) == c;
    }

    /**
     * A token's prefix ({@link TokenPrefixes}), then a tail of letters and digits only, long enough, with both and
     * few repeats: a slug ({@code token-based-auth}) has separators or no digits, a UUID has dashes.
     */
    static boolean isPrefixedToken(String text, int from, int to) {
        int tail = TokenPrefixes.tailStart(text, from, to);
        if (tail < 0 || to - tail < TokenPrefixes.TAIL_MIN_CHARS) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        boolean[] seen = new boolean[128];
        int distinct = 0;
        for (int k = tail; k < to; k++) {
            char c = text.charAt(k);
            boolean l = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean d = c >= '0' && c <= '9';
            if (!l && !d) {
                return false;
            }
            letter |= l;
            digit |= d;
            if (!seen[c]) {
                seen[c] = true;
                distinct++;
            }
        }
        return letter && digit && distinct >= TokenPrefixes.TAIL_MIN_DISTINCT;
    }

    /** Token characters only, long enough, upper and lower case and digits, and few repeats. */
    static boolean isRandom(String text, int from, int to) {
        if (to - from < RANDOM_MIN_CHARS) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean[] seen = new boolean[128];
        int distinct = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            boolean u = c >= 'A' && c <= 'Z';
            boolean l = c >= 'a' && c <= 'z';
            boolean d = c >= '0' && c <= '9';
            if (!(u || l || d || c == '_' || c == '-' || c == '+' || c == '=' || c == '~')) {
                return false;
            }
            upper |= u;
            lower |= l;
            digit |= d;
            if (!seen[c]) {
                seen[c] = true;
                distinct++;
            }
        }
        return upper && lower && digit && distinct >= DISTINCT_MIN_SHARE * RANDOM_MIN_CHARS;
    }
}
