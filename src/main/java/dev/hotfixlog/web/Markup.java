package dev.hotfixlog.web;

/**
 * Escaping for text put into HTML or XML by hand, in text or in a quoted attribute alike. The markup the
 * templates do not write (SVG charts, the field-notes site's feeds and sitemap, search snippets) escapes here,
 * so the places cannot drift apart. Characters XML 1.0 forbids are dropped: a control character pasted from a
 * terminal would otherwise make a feed or a chart unreadable.
 */
public final class Markup {
    private Markup() {}

    /** {@code text} escaped; empty for null. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (allowedInXml(c)) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }
}
