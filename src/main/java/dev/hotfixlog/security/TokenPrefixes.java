package dev.hotfixlog.security;

import java.util.List;

/**
 * The prefixes that say "what follows is a token" when a path part or parameter value begins with one: generic
 * words in any case ({@code tk_}, {@code TOKEN-}, {@code key_}), since no vendor owns them and people write them
 * as they like; vendors' own prefixes in the case the vendor issues them ({@code shpat_}, {@code dop_v1_}), since
 * theirs are case-sensitive. Too short or too common to look for in prose; at the start of a part of an address,
 * before a long random tail, they name a credential.
 */
final class TokenPrefixes {
    /** The least tail after a prefix: 16 random letters and digits are 80 bits or more. */
    static final int TAIL_MIN_CHARS = 16;
    /** The least distinct characters in a tail: 16 random hex digits have about 10, a word far fewer. */
    static final int TAIL_MIN_DISTINCT = 8;
    /** Generic words, each followed by {@code _} or {@code -}, in any case. */
    private static final List<String> ANY_CASE = List.of(
            "tk", "tok", "token", "key", "apikey", "api_key", "secret", "sk", "rk", "pat", "sess", "session", "auth",
            "bearer");
    /**
     * Vendors' prefixes, separator included, in the vendor's case: Shopify, DigitalOcean, Supabase, Docker Hub,
     * PlanetScale, Linear, Grafana, Render, Sentry, Postman, Hugging Face. The same vendors are found in prose by
     * their own patterns in {@link Detectors}, each in the format the vendor publishes.
     */
    private static final List<String> EXACT = List.of(
            "shpat_",
            "shpss_",
            "shpca_",
            "shppa_",
            "dop_v1_",
            "doo_v1_",
            "dor_v1_",
            "sbp_",
            "dckr_pat_",
            "pscale_tkn_",
            "pscale_pw_",
            "lin_api_",
            "glsa_",
            "glc_",
            "rnd_",
            "sntrys_",
            "sntryu_",
            "PMAK-",
            "hf_");

    private TokenPrefixes() {}

    /** Where the tail after a known prefix begins in {@code [from, to)}, or -1 when it begins with none. */
    static int tailStart(String text, int from, int to) {
        int best = -1;
        for (String p : ANY_CASE) {
            int sep = from + p.length();
            if (sep < to
                    && (text.charAt(sep) == '_' || text.charAt(sep) == '-')
                    && text.regionMatches(true, from, p, 0, p.length())) {
                best = Math.max(best, sep + 1);
            }
        }
        for (String p : EXACT) {
            if (from + p.length() <= to && text.startsWith(p, from)) {
                best = Math.max(best, from + p.length());
            }
        }
        return best;
    }
}
