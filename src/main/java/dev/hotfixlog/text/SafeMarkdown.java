package dev.hotfixlog.text;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The one way a person's Markdown becomes HTML: the lessons on the field-notes site and the record page's text
 * fields. Raw HTML in the text is escaped, never passed through (a {@code <script>} shows as text), and links and
 * images may point at the web, at a mail address or elsewhere on the site; nothing else (commonmark's default
 * sanitizer also lets {@code data:} through, which carries a whole page or script in a link).
 */
public final class SafeMarkdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .build();

    private SafeMarkdown() {}

    /** The text as HTML, or null for null. Both commonmark objects are immutable and safe to share. */
    public static String html(String markdown) {
        return markdown == null ? null : HTML.render(PARSER.parse(markdown));
    }
}
