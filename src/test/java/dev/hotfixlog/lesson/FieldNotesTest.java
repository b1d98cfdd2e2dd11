package dev.hotfixlog.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.attachment.Attachment;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.attachment.Upload;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.Vnu;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** The field-notes site from the lessons of a small log: its pages, feed and sitemap, valid HTML, no people. */
public class FieldNotesTest {
    /** Three lessons in the words of seed 003, two published; the hotfixes carry owners and names. */
    public static void seedLessons(Http api) {
        LessonsTest.completedHotfix(api);
        api.post(
                "/api/v1/hotfixes",
                "{\"title\":\"Monitor showed standstill for 83 minutes\",\"severity\":\"high\","
                        + "\"owner\":\"Tomás Ortega <tomas.ortega@example.com>\",\"detectedAt\":\"2026-09-14T08:00:00Z\","
                        + "\"category\":\"Operational dashboard\"}");
        api.post(
                "/api/v1/hotfixes/HOTFIX-002/events",
                "{\"type\":\"resolved\",\"withoutDeploy\":true," + "\"at\":\"2026-09-14T09:23:00Z\"}");
        api.patch(
                "/api/v1/hotfixes/HOTFIX-002",
                "{\"steps\":{\"quickReview\":{\"done\":true,\"by\":\"Zoë Brandt\"}}}",
                "If-Match",
                "\""
                        + api.get("/api/v1/hotfixes/HOTFIX-002")
                                .json()
                                .path("version")
                                .asInt() + "\"");
        api.post(
                "/api/v1/hotfixes/HOTFIX-001/lesson",
                "{\"title\":\"Commit before async I/O: how a single enricher "
                        + "idled the entire PgBouncer pool\",\"summary\":\"A transaction waiting on an HTTP reply is invisible "
                        + "in the connection pool — but it holds the slot. Priya Raman found it; with twelve parallel daemons "
                        + "that's enough to push a whole backend to 502.\",\"bucket\":\"state-model\","
                        + "\"tags\":[\"pgbouncer\",\"transactions\"],\"published\":true}");
        api.post(
                "/api/v1/hotfixes/HOTFIX-002/lesson",
                "{\"title\":\"Batch finalisation per container: why the "
                        + "monitor showed nothing for 83 minutes\",\"summary\":\"A pipeline with N parallel sub-jobs finalises "
                        + "its status at the batch level. The fix: finalise per container, not per batch.\","
                        + "\"constraint\":\"Ask tomas.ortega@example.com or @zoe: the status is written `once per batch`.\","
                        + "\"signal\":\"The pipeline dashboard shows each container's status within 30 s.\","
                        + "\"boundary\":\"Pipeline team owns finalisation; the monitor only reads it.\","
                        + "\"operatingRule\":\"Finalise status per container, not per batch.\",\"bucket\":\"state-model\","
                        + "\"published\":true}");
        api.post("/api/v1/lessons", "{\"title\":\"Draft that is not ready\",\"cases\":[\"HOTFIX-001\"]}");
    }

    @BothDatabases
    void theSite_hasAnIndexLessonAndCategoryPages_aFeedAndASitemap_validHtml_andNoPerson(TestDb db) throws Exception {
        Path out = db.dataDir().resolve("field-notes");
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            seedLessons(s.http());
            // A lesson's evidence: a screenshot whose file name and note name people.
            BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            Attachment shot = s.app()
                    .attachments()
                    .add(
                            Owner.parse("LESSON-002"),
                            new Upload(
                                    "tomas-ortega-dashboard.png",
                                    "Tomás Ortega's dashboard at 09:23, mail zoe@example.com",
                                    png.toByteArray()),
                            "priya");
            FieldNotes.Report r = s.app().fieldNotes().build(out, "https://notes.example.com/");
            assertThat(r.lessons()).isEqualTo(2);
            assertThat(Files.readAllBytes(out.resolve("img/" + shot.sha256() + ".png")))
                    .isEqualTo(png.toByteArray());
            assertThat(r.categories()).isEqualTo(2);
        }
        String index = Files.readString(out.resolve("index.html"));
        assertThat(index)
                .contains("Lessons from production.")
                .contains("<a href=\"lessons/002-batch-finalisation-per-container-why-the-monitor-showed.html\">"
                        + "Batch finalisation per container: why the monitor showed nothing for 83 minutes</a>")
                .contains("The fix: finalise per container, not per batch.")
                .doesNotContain("Draft that is not ready")
                .doesNotContain("<script");
        String lesson = Files.readString(
                out.resolve("lessons/002-batch-finalisation-per-container-why-the-monitor-showed.html"));
        assertThat(lesson).containsPattern("<img src=\"\\.\\./img/[0-9a-f]{64}\\.png\" alt=\"[^\"]*dashboard at 09:23");
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .as("no person in a file name")
                    .noneMatch(n -> n.contains("tomas") || n.contains("ortega"));
        }
        assertThat(lesson)
                .contains("<code>once per batch</code>")
                .contains("HOTFIX-002")
                .contains("Monitor showed standstill for 83 minutes")
                .contains("resolved in 83 min")
                .contains("<a href=\"../categories/operational-dashboard.html\">Operational dashboard</a>");
        assertThat(Files.readString(out.resolve("categories/configuration-rollout.html")))
                .contains("Commit before async I/O");

        Document feed = xml(out.resolve("feed.xml"));
        assertThat(feed.getElementsByTagName("entry").getLength()).isEqualTo(2);
        assertThat(feed.getElementsByTagName("author").item(0).getTextContent()).isEqualTo("Field notes");
        Document sitemap = xml(out.resolve("sitemap.xml"));
        assertThat(sitemap.getElementsByTagName("loc").item(1).getTextContent())
                .startsWith("https://notes.example.com/lessons/");

        String all = everything(out);
        for (String person : List.of("Priya", "Raman", "Tomás", "Ortega", "tomas.ortega", "Zoë", "Brandt", "@zoe")) {
            assertThat(all).as(person).doesNotContainIgnoringCase(person);
        }
        assertThat(lesson).contains("Ask [e-mail removed] or someone");
        assertThat(index).contains("Commit before async I/O").contains("someone found it");

        List<Path> html;
        try (Stream<Path> files = Files.walk(out)) {
            html = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(html).hasSize(5);
        assertThat(Vnu.errors(html)).as("the Nu HTML Checker").isEmpty();
        Path broken = out.resolveSibling("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html lang=en><title>x</title><p><div></span>");
        assertThat(Vnu.errors(List.of(broken)))
                .as("the checker finds what is wrong")
                .contains("Stray end tag");
    }

    @BothDatabases
    void aDirectoryWithOtherFiles_isNotOverwritten_butAnEarlierSiteIsReplaced(TestDb db) throws Exception {
        Path out = db.dataDir().resolve("notes");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "precious");
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            seedLessons(s.http());
            assertThatThrownBy(() -> s.app().fieldNotes().build(out, null))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("is not empty");
            assertThatThrownBy(() -> s.app().fieldNotes().build(db.dataDir().resolve("x"), "ftp://no"))
                    .hasMessageContaining("baseUrl");
            Path site = db.dataDir().resolve("site");
            s.app().fieldNotes().build(site, null);
            s.http().patch("/api/v1/lessons/LESSON-002", "{\"published\":false}", "If-Match", "\"1\"");
            assertThat(s.app().fieldNotes().build(site, null).lessons()).isEqualTo(1);
            try (Stream<Path> files = Files.list(site.resolve("lessons"))) {
                assertThat(files.toList())
                        .as("the unpublished lesson's page is gone")
                        .hasSize(1);
            }
        }
    }

    @BothDatabases
    void theSite_linksOnlyToTheWebMailAndItself_neverToDataOrScriptUrls(TestDb db) throws Exception {
        Path out = db.dataDir().resolve("links");
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            LessonsTest.completedHotfix(s.http());
            s.http()
                    .post(
                            "/api/v1/hotfixes/HOTFIX-001/lesson",
                            "{\"constraint\":\"See [the runbook](https://wiki.example"
                                    + ".com/rb), [mail](mailto:sre@example.com), [home](../index.html), [bad](data:text/html;base64,"
                                    + "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==), [worse](javascript:alert(1)), ![img](data:image/svg+xml,x)"
                                    + " and [vb](vbscript:x).\",\"bucket\":\"state-model\",\"published\":true}");
            s.app().fieldNotes().build(out, "https://notes.example.com/");
        }
        String site = everything(out);
        assertThat(site)
                .contains("href=\"https://wiki.example.com/rb\"")
                .contains("href=\"../index.html\"")
                .doesNotContain("href=\"data:")
                .doesNotContain("src=\"data:")
                .doesNotContain("href=\"javascript:")
                .doesNotContain("href=\"vbscript:");
    }

    static String everything(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                // Images are read byte for byte (a name in their metadata would show), the rest as UTF-8 text.
                boolean image = p.getParent().getFileName().toString().equals("img");
                sb.append(Files.readString(p, image ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    }
}
