package dev.hotfixlog.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which detectors a text can need, from the lower-case ASCII words of which every match of a detector contains
 * one: a text without any of them is not searched by that detector (most text has none, and an import of
 * thousands of records runs every detector over every field). One pass over the text, no lower-cased copy.
 */
final class Hints {
    /** A hint word and the detectors (as bits of their index) that need it. */
    private record Hint(String word, long detectors) {}

    /** Hint words by their first two characters, lower-cased, as {@code first << 7 | second}. */
    private final Hint[][] byStart;

    Hints(List<Detectors.Detector> detectors) {
        if (detectors.size() > Long.SIZE) {
            throw new IllegalStateException("detectors are bits of a long: at most 64, there are " + detectors.size());
        }
        Map<String, Long> detectorsByWord = new LinkedHashMap<>();
        for (int d = 0; d < detectors.size(); d++) {
            for (String word : detectors.get(d).hints()) {
                if (word.length() < 2
                        || !word.equals(word.toLowerCase(Locale.ROOT))
                        || !word.chars().allMatch(c -> c < 128)) {
                    throw new IllegalStateException("a hint is two or more lower-case ASCII characters: " + word);
                }
                detectorsByWord.merge(word, 1L << d, (a, b) -> a | b);
            }
        }
        Hint[][] index = new Hint[128 * 128][];
        detectorsByWord.forEach((word, bits) -> {
            int key = word.charAt(0) << 7 | word.charAt(1);
            Hint[] before = index[key] == null ? new Hint[0] : index[key];
            Hint[] after = Arrays.copyOf(before, before.length + 1);
            after[before.length] = new Hint(word, bits);
            index[key] = after;
        });
        this.byStart = index;
    }

    /** The detectors (as bits) whose hint words {@code text} contains, ignoring ASCII case. */
    long candidates(String text) {
        long found = 0;
        for (int i = 0, last = text.length() - 1; i < last; i++) {
            int first = lowerAscii(text.charAt(i));
            int second = lowerAscii(text.charAt(i + 1));
            if ((first | second) >= 128) {
                continue;
            }
            Hint[] hints = byStart[first << 7 | second];
            if (hints == null) {
                continue;
            }
            for (Hint h : hints) {
                if ((found & h.detectors()) != h.detectors()
                        && text.regionMatches(true, i, h.word(), 0, h.word().length())) {
                    found |= h.detectors();
                }
            }
        }
        return found;
    }

    private static int lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
}
