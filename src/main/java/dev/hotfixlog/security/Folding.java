package dev.hotfixlog.security;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text as the detectors should read it when a secret is disguised: each character whose NFKC compatibility form
 * is ASCII read as that form ({@code ＡＫＩＡ} reads {@code AKIA}, a no-break space a space, {@code ①} a 1) and
 * every invisible format character (Unicode category Cf: zero-width space and joiners, word joiner, BOM, soft
 * hyphen, tag characters) left out, with where each folded character came from, so that a secret found in the
 * folded text is masked in the text as pasted.
 *
 * <p>The secrets looked for are ASCII, so a character whose form is not ASCII is kept as it is: the folded text
 * is never more than a few times longer than the text ({@code ⒇} reads {@code (20)}), where NFKC itself can
 * make 18 characters of one. Each code point is folded on its own, and a per-character map keeps a mask from
 * covering more than the secret. One pass: linear.
 */
final class Folding {
    /** The full-width forms of ASCII {@code !} to {@code ~}, which NFKC maps to ASCII by this offset. */
    private static final int FULL_WIDTH_FIRST = 0xFF01;

    private static final int FULL_WIDTH_LAST = 0xFF5E;
    private static final int FULL_WIDTH_OFFSET = 0xFF01 - '!';
    /** How many code points' forms one fold remembers: text repeats its characters. */
    private static final int REMEMBERED = 256;

    private final String text;
    /** For each folded character, the first character of the code point it came from in the original. */
    private final int[] starts;
    /** For each folded character, the end of the code point it came from. */
    private final int[] ends;

    private Folding(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * Whether folding can change {@code text}: one pass that stops at ASCII text (most text), then the JDK's
     * NFKC quick check. Text without any such character is redacted exactly as before folding existed.
     */
    static boolean changes(String text) {
        boolean ascii = true;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if ((c == '%' || c == '&' || c == '\\') && Escapes.length(text, k) > 0) {
                return true;
            }
            if (c >= 0x80) {
                ascii = false;
                int cp = text.codePointAt(k);
                if (Character.getType(cp) == Character.FORMAT) {
                    return true;
                }
            }
        }
        return !ascii && !Normalizer.isNormalized(text, Normalizer.Form.NFKC);
    }

    /** Whether {@code text} is ASCII: only its escapes can fold. */
    static boolean ascii(String text) {
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static Folding of(String original) {
        int n = original.length();
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 16];
        int[] ends = new int[n + 16];
        int[] rememberedPoints = new int[REMEMBERED];
        String[] rememberedForms = new String[REMEMBERED];
        for (int k = 0; k < n; ) {
            int escape = Escapes.length(original, k);
            if (escape > 0) { // a character written as an escape reads as the character, masked as its escape
                if (out.length() + 1 > starts.length) {
                    starts = Arrays.copyOf(starts, 2 * starts.length);
                    ends = Arrays.copyOf(ends, starts.length);
                }
                starts[out.length()] = k;
                ends[out.length()] = k + escape;
                out.append(Escapes.decoded(original, k));
                k += escape;
                continue;
            }
            int cp = original.codePointAt(k);
            int next = k + Character.charCount(cp);
            if (Character.getType(cp) != Character.FORMAT) {
                int before = out.length();
                if (cp < 0x80 || keptByNfkc(cp)) {
                    out.append(original, k, next);
                } else if (cp >= FULL_WIDTH_FIRST && cp <= FULL_WIDTH_LAST) {
                    out.append((char) (cp - FULL_WIDTH_OFFSET)); // the common case, without a normalizer's string
                } else {
                    int slot = cp & (REMEMBERED - 1);
                    if (rememberedForms[slot] == null || rememberedPoints[slot] != cp) {
                        String form = Normalizer.normalize(original.substring(k, next), Normalizer.Form.NFKC);
                        rememberedPoints[slot] = cp;
                        rememberedForms[slot] =
                                form.chars().allMatch(c -> c < 0x80) ? form : original.substring(k, next);
                    }
                    out.append(rememberedForms[slot]);
                }
                if (out.length() > starts.length) {
                    starts = Arrays.copyOf(starts, Math.max(out.length(), 2 * starts.length));
                    ends = Arrays.copyOf(ends, starts.length);
                }
                for (int f = before; f < out.length(); f++) {
                    starts[f] = k;
                    ends[f] = next;
                }
            }
            k = next;
        }
        return new Folding(out.toString(), starts, ends);
    }

    /** Scripts whose letters NFKC keeps as they are, without asking it: CJK ideographs, kana, Hangul, emoji. */
    private static boolean keptByNfkc(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF
                || cp >= 0x3041 && cp <= 0x3096
                || cp >= 0x30A1 && cp <= 0x30FA
                || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0x1F300 && cp <= 0x1FAFF;
    }

    String text() {
        return text;
    }

    /**
     * The characters of the original that the folded characters {@code [start, end)} came from, the format
     * characters between them included: a secret split by a zero-width space is masked whole.
     */
    Span original(Span folded) {
        if (folded.end() <= folded.start()) {
            int at = folded.start() < text.length()
                    ? starts[folded.start()]
                    : folded.start() == 0 ? 0 : ends[text.length() - 1];
            return new Span(at, at, folded.kind());
        }
        return new Span(starts[folded.start()], ends[folded.end() - 1], folded.kind());
    }
}
