package dev.hotfixlog.migrate;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML as the plain text a hotfix's fields hold: Morgue keeps a postmortem's texts as its editor's HTML. Parsed by
 * jsoup (an HTML5 parser: entities decoded, broken markup read as a browser reads it, linear in the input); what
 * is never shown (scripts, styles, comments) is dropped; paragraphs, headings and list items become lines; a link
 * keeps its text and its address. A text with no markup at all is taken as it is. Only the first
 * {@link #MAX_HTML_CHARS} are read: the parser slows past linear on deep nesting (measured: 4× nested table cells
 * took 9× as long), and no field holds more than 20,000 characters anyway; the whole text stays in the kept source
 * document.
 */
final class HtmlText {
    static final int MAX_HTML_CHARS = 100_000;
    static final String REST = "… (the rest is in the source document)";
    private static final String DROPPED =
            "script, style, noscript, template, head, title, iframe, object, embed, " + "svg, math, select, textarea";
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "header",
            "footer",
            "aside",
            "nav",
            "main",
            "blockquote",
            "pre",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "dl",
            "table",
            "hr",
            "figure",
            "figcaption",
            "address",
            "form",
            "fieldset",
            "details",
            "summary");
    private static final Set<String> LINES = Set.of("li", "dt", "dd", "tr", "caption");

    private HtmlText() {}

    /** The text of {@code html} (null stays null); a text without {@code <} or {@code &} is returned as it is. */
    static String plain(String html) {
        if (html == null || html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html;
        }
        boolean whole = html.length() <= MAX_HTML_CHARS;
        Element body = Jsoup.parseBodyFragment(whole ? html : html.substring(0, MAX_HTML_CHARS))
                .body();
        body.select(DROPPED).remove();
        Writer w = new Writer();
        NodeTraversor.traverse(w, body);
        return whole ? w.text() : w.text() + "\n\n" + REST;
    }

    /** Walks the tree once, writing text with collapsed spaces (kept inside {@code pre}) and line breaks. */
    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private boolean space;
        private int pre;
        private int linkStart = -1;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(t.getWholeText());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    lineBreak();
                } else if (BLOCKS.contains(tag)) {
                    paragraph();
                } else if (LINES.contains(tag)) {
                    line();
                    if (tag.equals("li")) {
                        out.append("- ");
                    }
                } else if (tag.equals("td") || tag.equals("th")) {
                    space = true;
                } else if (tag.equals("a")) {
                    linkStart = out.length();
                } else if (tag.equals("img") && !e.attr("alt").isBlank()) {
                    text("[" + e.attr("alt") + "]");
                }
                if (tag.equals("pre")) {
                    pre++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            String tag = e.normalName();
            if (BLOCKS.contains(tag)) {
                paragraph();
            } else if (tag.equals("a")) {
                link(e.attr("href").strip());
            }
            if (tag.equals("pre")) {
                pre--;
            }
        }

        /** A link's address after its text, when it is a web or mail address and not the text itself. */
        private void link(String href) {
            String l = href.toLowerCase(Locale.ROOT);
            boolean shown = l.startsWith("http://") || l.startsWith("https://") || l.startsWith("mailto:");
            String label = linkStart < 0 || linkStart > out.length()
                    ? ""
                    : out.substring(linkStart).strip();
            linkStart = -1;
            if (shown && !label.equals(href)) {
                text(label.isEmpty() ? href : " (" + href + ")");
            }
        }

        private void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (pre > 0) {
                    out.append(c);
                } else if (Character.isWhitespace(c) || c == '\u00a0') {
                    space = true;
                } else {
                    if (space && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                        out.append(' ');
                    }
                    space = false;
                    out.append(c);
                }
            }
        }

        /** A new line unless one has just begun: list items and rows each on their own line. */
        private void line() {
            trimSpaces();
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        /** A {@code <br>}: a new line, and a blank one for two of them, never more. */
        private void lineBreak() {
            trimSpaces();
            if (out.length() < 2 || out.charAt(out.length() - 1) != '\n' || out.charAt(out.length() - 2) != '\n') {
                out.append('\n');
            }
        }

        private void paragraph() {
            trimSpaces();
            if (out.isEmpty()) {
                return;
            }
            int newlines = 0;
            for (int i = out.length() - 1; i >= 0 && newlines < 2 && out.charAt(i) == '\n'; i--) {
                newlines++;
            }
            out.append("\n".repeat(2 - newlines));
        }

        private void trimSpaces() {
            space = false;
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        String text() {
            int start = 0;
            int end = out.length();
            while (start < end && Character.isWhitespace(out.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            return out.substring(start, end);
        }
    }
}
