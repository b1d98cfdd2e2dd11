package dev.hotfixlog.lesson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The lower-case English words (SCOWL's american-english list, as Debian ships it; see english-words.NOTICE):
 * what tells a colleague's name that is also a word ("Grant", "Page", "root") from the word.
 */
final class Words {
    private final Set<String> words;

    Words(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    boolean contains(String lowerCaseWord) {
        return words.contains(lowerCaseWord);
    }

    /** Read from the jar on first use (only the site needs it), then shared: it never changes. */
    static Words english() {
        return English.WORDS;
    }

    private static final class English {
        static final Words WORDS = load();

        private static Words load() {
            try (InputStream in = Words.class.getResourceAsStream("/lesson/english-words.txt.gz")) {
                if (in == null) {
                    throw new IllegalStateException("lesson/english-words.txt.gz is missing from the jar");
                }
                Set<String> out = new HashSet<>(100_000);
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (!line.isEmpty()) {
                            out.add(line);
                        }
                    }
                }
                return new Words(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the English word list", e);
            }
        }
    }
}
