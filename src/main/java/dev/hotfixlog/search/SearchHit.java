package dev.hotfixlog.search;

import dev.hotfixlog.web.Markup;
import java.time.Instant;

/**
 * One result. {@code snippet} is the best-matching stretch of text with each match between {@link #MARK_START}
 * and {@link #MARK_END} (the pages turn them into {@code <mark>}, the CLI into brackets); {@code rule} is the
 * operating rule of the hotfix or lesson, what a responder most needs from a similar past fix. {@code score}:
 * higher is better, comparable within one answer only.
 */
public record SearchHit(
        String kind,
        String id,
        String title,
        String snippet,
        String rule,
        double score,
        String severity,
        String category,
        Instant at) {
    public static final char MARK_START = '\u0002';
    public static final char MARK_END = '\u0003';

    /** The snippet as HTML: the text escaped, the matches in {@code <mark>}. */
    public String snippetHtml() {
        return markup(snippet);
    }

    public String titleHtml() {
        return markup(title);
    }

    static String markup(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 32);
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == MARK_START || c == MARK_END) {
                b.append(Markup.escape(text.substring(from, i))).append(c == MARK_START ? "<mark>" : "</mark>");
                from = i + 1;
            }
        }
        return b.append(Markup.escape(text.substring(from))).toString();
    }

    /** The snippet for a terminal: matches in [brackets]. */
    public String snippetText() {
        return snippet == null ? "" : snippet.replace(MARK_START, '[').replace(MARK_END, ']');
    }
}
