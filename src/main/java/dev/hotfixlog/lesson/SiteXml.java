package dev.hotfixlog.lesson;

import static dev.hotfixlog.web.Markup.escape;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The field notes' Atom feed (RFC 4287) and sitemap (sitemaps.org 0.9): small enough to write by hand. */
final class SiteXml {
    private static final int FEED_ENTRIES = 50;

    private SiteXml() {}

    static String feed(String base, List<FieldNotes.SiteLesson> lessons) {
        List<FieldNotes.SiteLesson> newest = lessons.stream()
                .sorted(Comparator.comparing(FieldNotes.SiteLesson::updated).reversed())
                .limit(FEED_ENTRIES)
                .toList();
        Instant updated = newest.isEmpty() ? Instant.EPOCH : newest.get(0).updated();
        StringBuilder x = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("  <title>Lessons from production</title>\n");
        x.append("  <subtitle>Field notes from real systems: what actually held at 3 AM.</subtitle>\n");
        x.append("  <id>").append(escape(base)).append("</id>\n");
        x.append("  <link rel=\"self\" href=\"").append(escape(base)).append("feed.xml\"/>\n");
        x.append("  <link href=\"").append(escape(base)).append("\"/>\n");
        x.append("  <updated>").append(time(updated)).append("</updated>\n");
        // Atom needs an author; the notes are the team's, and name no one.
        x.append("  <author><name>Field notes</name></author>\n");
        for (FieldNotes.SiteLesson l : newest) {
            x.append("  <entry>\n");
            x.append("    <title>").append(escape(l.title())).append("</title>\n");
            x.append("    <id>").append(escape(base + l.path())).append("</id>\n");
            x.append("    <link href=\"").append(escape(base + l.path())).append("\"/>\n");
            x.append("    <updated>").append(time(l.updated())).append("</updated>\n");
            if (l.summary() != null) {
                x.append("    <summary>").append(escape(l.summary())).append("</summary>\n");
            }
            if (l.category() != null) {
                x.append("    <category term=\"").append(escape(l.category())).append("\"/>\n");
            }
            x.append("  </entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    static String sitemap(String base, List<FieldNotes.SiteLesson> lessons, Collection<String> categoryPaths) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        x.append("  <url><loc>").append(escape(base)).append("</loc></url>\n");
        for (FieldNotes.SiteLesson l : lessons) {
            x.append("  <url><loc>")
                    .append(escape(base + l.path()))
                    .append("</loc><lastmod>")
                    .append(time(l.updated()))
                    .append("</lastmod></url>\n");
        }
        for (String c : categoryPaths) {
            x.append("  <url><loc>").append(escape(base + c)).append("</loc></url>\n");
        }
        return x.append("</urlset>\n").toString();
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
