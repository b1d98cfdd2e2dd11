package dev.hotfixlog.search;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Words out of free text, for a query no user input can turn into query syntax. */
final class Terms {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Words too common to say what a hotfix is about (similarity only; a search keeps every word typed). */
    private static final Set<String> STOP = Set.of(
            "the",
            "a",
            "an",
            "and",
            "or",
            "of",
            "to",
            "in",
            "on",
            "at",
            "for",
            "with",
            "by",
            "from",
            "is",
            "was",
            "were",
            "be",
            "been",
            "are",
            "it",
            "its",
            "this",
            "that",
            "after",
            "before",
            "when",
            "then",
            "we",
            "our",
            "us",
            "not",
            "no",
            "but",
            "as",
            "into",
            "out",
            "up",
            "all",
            "any",
            "some",
            "each",
            "every",
            "so",
            "if",
            "had",
            "has",
            "have",
            "did",
            "do",
            "does",
            "which",
            "who",
            "what",
            "there",
            "their",
            "they",
            "them",
            "than",
            "too",
            "very",
            "can",
            "could",
            "would",
            "should",
            "will",
            "just",
            "only",
            "also",
            "about",
            "over",
            "under",
            "again",
            "once",
            "while",
            "during",
            "hotfix",
            "issue",
            "problem",
            "fix",
            "fixed",
            "production",
            "prod",
            "users",
            "user");

    private static final int MAX_TERMS = 32;

    private Terms() {}

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text == null ? "" : text);
        while (m.find() && out.size() < MAX_TERMS) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * The first {@code max} distinct words of texts that say what something is about, for an any-of query; texts
     * in the order they say most.
     */
    static List<String> significant(int max, String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            Matcher m = WORD.matcher(t == null ? "" : t);
            while (m.find() && out.size() < max) {
                String w = m.group().toLowerCase(Locale.ROOT);
                // Past 40 letters a "word" is a hash, a token or a blob from a pasted log: it names nothing.
                if (w.length() >= 3
                        && w.length() <= 40
                        && !STOP.contains(w)
                        && !w.chars().allMatch(Character::isDigit)) {
                    out.add(w);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
