package dev.hotfixlog.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.Sha256;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Multipart;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What a hostile or careless file becomes, through the real API on both databases: each is refused or neutralised,
 * and nothing refused is stored. The type comes from the bytes, never the name or the claimed Content-Type; every
 * file is served with Content-Disposition, nosniff and a sandboxing CSP; markup only as a download.
 */
class AttachmentSafetyTest {
    private static final Map<Setting, String> LIMITS =
            Map.of(Setting.ATTACH_MAX_FILE, "200000", Setting.ATTACH_MAX_RECORD, "300000");

    private static RunningServer server(TestDb db) {
        RunningServer s = new RunningServer(db.config(LIMITS), MutableClock.at("2026-12-03T02:17:00Z"));
        assertThat(s.http()
                        .post(
                                "/api/v1/hotfixes",
                                "{\"title\":\"Checkout 502 after the cert rotation\","
                                        + "\"severity\":\"critical\",\"owner\":\"Priya\"}")
                        .status())
                .isEqualTo(201);
        return s;
    }

    private static Multipart files(RunningServer s) {
        return new Multipart(s.url(), TestDb.ADMIN_TOKEN);
    }

    private static JsonNode one(Multipart.Answer a) {
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return Json.parseObject(a.text()).path("items").get(0);
    }

    @BothDatabases
    void anHtmlFileNamedPng_isMarkup_servedOnlyAsADownloadOfOpaqueBytes(TestDb db) {
        try (db;
                RunningServer s = server(db)) {
            byte[] html = "<!doctype html><html><body><script>fetch('/api/v1/tokens',{method:'POST'})</script>"
                    .getBytes(StandardCharsets.UTF_8);
            JsonNode a = one(
                    files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "graph.png", "image/png", html, null));
            assertThat(a.path("type").asText()).isEqualTo("markup");
            Multipart.Answer served =
                    files(s).get("/api/v1/attachments/" + a.path("id").asLong() + "/content");
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(served.header("Content-Disposition"))
                    .startsWith("attachment;")
                    .contains("filename=\"graph.png.txt\"");
            assertSafeHeaders(served);
            // The page route serves the same bytes the same way.
            Multipart.Answer page = files(s).get("/attachments/" + a.path("id").asLong());
            assertThat(page.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(page.header("Content-Disposition")).startsWith("attachment;");
        }
    }

    @BothDatabases
    void anSvgWithScript_andAPngWithHtmlAfterItsEnd_neverRenderAsPages(TestDb db) {
        try (db;
                RunningServer s = server(db)) {
            byte[] svg = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document"
                            + ".cookie)</script><rect width=\"10\" height=\"10\"/></svg>")
                    .getBytes(StandardCharsets.UTF_8);
            JsonNode a = one(files(s).upload(
                            "/api/v1/hotfixes/HOTFIX-001/attachments", "chart.svg", "image/svg+xml", svg, null));
            assertThat(a.path("type").asText()).isEqualTo("markup");
            Multipart.Answer served =
                    files(s).get("/api/v1/attachments/" + a.path("id").asLong() + "/content");
            assertThat(served.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(served.header("Content-Disposition")).startsWith("attachment;");
            assertSafeHeaders(served);

            // A real PNG with a page after its end (a polyglot): stored as the image alone.
            byte[] png = Evidence.png(1);
            byte[] tail = "<html><script>alert(1)</script></html>\n".getBytes(StandardCharsets.US_ASCII);
            byte[] polyglot = Arrays.copyOf(png, png.length + tail.length);
            System.arraycopy(tail, 0, polyglot, png.length, tail.length);
            JsonNode p = one(files(s).upload(
                            "/api/v1/hotfixes/HOTFIX-001/attachments", "graph.html", "text/html", polyglot, null));
            assertThat(p.path("type").asText()).isEqualTo("png");
            Multipart.Answer image =
                    files(s).get("/api/v1/attachments/" + p.path("id").asLong() + "/content");
            assertThat(image.header("Content-Type")).isEqualTo("image/png");
            assertThat(image.header("Content-Disposition"))
                    .startsWith("inline;")
                    .contains("graph.html.png");
            assertThat(image.body()).isEqualTo(png);
            assertSafeHeaders(image);
        }
    }

    @BothDatabases
    void filesOverTheLimits_areRefusedWith413_andNothingIsStored(TestDb db) {
        try (db;
                RunningServer s = server(db)) {
            byte[] big = "x".repeat(200_001).getBytes(StandardCharsets.US_ASCII);
            Multipart.Answer over =
                    files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "big.log", "text/plain", big, null);
            assertThat(over.status()).isEqualTo(413);
            assertThat(over.text()).contains("HOTFIX_ATTACH_MAX_FILE").contains("big.log");
            // The record's limit: 2 × 150 KB passes 300,000 bytes.
            byte[] part = "y".repeat(150_000).getBytes(StandardCharsets.US_ASCII);
            one(files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "one.log", "text/plain", part, null));
            byte[] other = "z".repeat(150_001).getBytes(StandardCharsets.US_ASCII);
            Multipart.Answer full =
                    files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "two.log", "text/plain", other, null);
            assertThat(full.status()).isEqualTo(413);
            assertThat(full.text()).contains("HOTFIX_ATTACH_MAX_RECORD");
            // A body far past the server's limit is cut off before it is parsed.
            byte[] huge = new byte[2_000_000];
            assertThat(files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "huge.log", "text/plain", huge, null)
                            .status())
                    .isEqualTo(413);
            // Binary of no allowed type: 415 naming the file.
            byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
            Multipart.Answer refused =
                    files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "report.png", "image/png", zip, null);
            assertThat(refused.status()).isEqualTo(415);
            assertThat(refused.text()).contains("file").contains("ZIP");
            assertThat(s.app().attachments().list(Owner.parse("HOTFIX-001"), true))
                    .extracting(Attachment::fileName)
                    .containsExactly("one.log");
            assertThat(contentRows(db)).isEqualTo(1);
        }
    }

    @BothDatabases
    void aJpegWithGpsExif_isStoredWithoutItsMetadata_andStillDraws(TestDb db) throws Exception {
        try (db;
                RunningServer s = server(db)) {
            byte[] photo = Evidence.jpegWithGps(3, "PhoneCo", "Pixel-Secret-9");
            assertThat(Evidence.contains(photo, "Exif")).isTrue();
            BufferedImage before = ImageIO.read(new ByteArrayInputStream(photo));
            JsonNode a = one(files(s).upload(
                            "/api/v1/hotfixes/HOTFIX-001/attachments",
                            "IMG_0042.jpg",
                            "image/jpeg",
                            photo,
                            "the dashboard on the on-call phone"));
            assertThat(a.path("type").asText()).isEqualTo("jpeg");
            byte[] stored = files(s).get("/api/v1/attachments/" + a.path("id").asLong() + "/content")
                    .body();
            assertThat(Evidence.contains(stored, "Exif")).isFalse();
            assertThat(Evidence.contains(stored, "PhoneCo")).isFalse();
            assertThat(Evidence.contains(stored, "Pixel-Secret-9")).isFalse();
            assertThat(stored.length).isLessThan(photo.length);
            BufferedImage after = ImageIO.read(new ByteArrayInputStream(stored));
            assertThat(after.getWidth()).isEqualTo(before.getWidth());
            assertThat(after.getRGB(60, 40)).isEqualTo(before.getRGB(60, 40));
            // A PNG's text chunks (an editor's "Author") go the same way.
            byte[] png = Evidence.pngWithText(4, "Author", "Priya Raman");
            JsonNode p = one(
                    files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "graph.png", "image/png", png, null));
            byte[] storedPng = files(s).get(
                            "/api/v1/attachments/" + p.path("id").asLong() + "/content")
                    .body();
            assertThat(Evidence.contains(storedPng, "Priya")).isFalse();
            assertThat(ImageIO.read(new ByteArrayInputStream(storedPng)).getRGB(10, 10))
                    .isEqualTo(ImageIO.read(new ByteArrayInputStream(png)).getRGB(10, 10));
            // A JPEG that does not hold together is refused, naming the file.
            byte[] cut = Arrays.copyOf(Evidence.jpeg(5), 300);
            Multipart.Answer broken =
                    files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "cut.jpg", "image/jpeg", cut, null);
            assertThat(broken.status()).isEqualTo(422);
            assertThat(broken.text()).contains("file").contains("JPEG");
        }
    }

    @BothDatabases
    void aLogWithATokenInIt_isStoredRedacted_andShowsItsFirstLines(TestDb db) {
        try (db;
                RunningServer s = server(db)) {
            String log = "2026-12-03T02:17:01Z ERROR checkout: upstream 502 from payments\n"
                    + "2026-12-03T02:17:02Z DEBUG retrying with Authorization: Bearer ghp_abcdefghijklmnopqrstuvwxyz0123456789\n"
                    + "\u001B[31m2026-12-03T02:17:03Z FATAL pool exhausted\u001B[0m\n";
            JsonNode a = one(files(s).upload(
                            "/api/v1/hotfixes/HOTFIX-001/attachments",
                            "checkout.log",
                            "application/octet-stream",
                            log.getBytes(StandardCharsets.UTF_8),
                            "the first errors"));
            assertThat(a.path("type").asText()).isEqualTo("text");
            assertThat(a.path("preview").asText())
                    .startsWith("2026-12-03T02:17:01Z ERROR checkout")
                    .contains("FATAL pool exhausted")
                    .doesNotContain("\u001B")
                    .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
            Multipart.Answer served =
                    files(s).get("/api/v1/attachments/" + a.path("id").asLong() + "/content");
            assertThat(served.header("Content-Type").replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
            assertThat(served.header("Content-Disposition")).startsWith("inline;");
            assertThat(served.text())
                    .contains("upstream 502")
                    .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
            assertThat(a.path("sha256").asText()).isEqualTo(Sha256.hex(served.body()));
            assertSafeHeaders(served);
        }
    }

    @BothDatabases
    void pathTraversalAndHeaderInjectionInTheName_areOnlyALabel(TestDb db) {
        try (db;
                RunningServer s = server(db)) {
            byte[] text = "just a log line\n".getBytes(StandardCharsets.UTF_8);
            JsonNode a = one(files(s).upload(
                            "/api/v1/hotfixes/HOTFIX-001/attachments",
                            "../../../etc/passwd",
                            "text/plain",
                            text,
                            null));
            assertThat(a.path("fileName").asText()).isEqualTo("passwd");
            JsonNode w = one(files(s).upload(
                            "/api/v1/hotfixes/HOTFIX-001/attachments",
                            "..\\\\..\\\\windows\\\\system32\\\\evil.log",
                            "text/plain",
                            text,
                            null));
            assertThat(w.path("fileName").asText()).isEqualTo("evil.log");
            JsonNode hidden =
                    one(files(s).upload("/api/v1/hotfixes/HOTFIX-001/attachments", "..", "text/plain", text, null));
            assertThat(hidden.path("fileName").asText()).isEqualTo("attachment");
            JsonNode bidi = one(files(s).upload(
                            "/api/v1/hotfixes/HOTFIX-001/attachments",
                            "report\u202Egnp.log",
                            "text/plain",
                            text,
                            null));
            assertThat(bidi.path("fileName").asText()).isEqualTo("reportgnp.log");
            Multipart.Answer served =
                    files(s).get("/api/v1/attachments/" + a.path("id").asLong() + "/content");
            assertThat(served.header("Content-Disposition"))
                    .isEqualTo("inline; filename=\"passwd.txt\"; " + "filename*=UTF-8''passwd.txt");
            // Same bytes four times: stored once.
            assertThat(contentRows(db)).isEqualTo(1);
            // Deleting one keeps the others' bytes; deleting all forgets them, and what existed stays listed.
            Multipart.Answer noReason =
                    files(s).delete("/api/v1/attachments/" + a.path("id").asLong());
            assertThat(noReason.status()).isEqualTo(422);
            assertThat(files(s).delete("/api/v1/attachments/" + a.path("id").asLong() + "?reason=pasted+by+mistake")
                            .status())
                    .isEqualTo(200);
            assertThat(files(s).get("/api/v1/attachments/" + w.path("id").asLong() + "/content")
                            .status())
                    .isEqualTo(200);
            assertThat(contentRows(db)).isEqualTo(1);
            assertThat(s.http()
                            .send("DELETE", "/api/v1/hotfixes/HOTFIX-001", null)
                            .status())
                    .isEqualTo(204);
            assertThat(contentRows(db)).isZero();
            JsonNode kept = Json.parseObject(
                    files(s).get("/api/v1/attachments/" + w.path("id").asLong()).text());
            assertThat(kept.path("deletedBy").asText()).isNotBlank();
            assertThat(kept.path("deleteReason").asText()).contains("HOTFIX-001 was deleted");
            assertThat(files(s).get("/api/v1/attachments/" + w.path("id").asLong() + "/content")
                            .status())
                    .isEqualTo(404);
        }
    }

    @BothDatabases
    void aDeletedLessonsEvidence_isNoLongerServed(TestDb db) {
        try (db;
                RunningServer s = server(db)) {
            var lesson = s.app()
                    .lessons()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", "Pin checks must survive rotation")
                                    .set(
                                            "cases",
                                            Json.mapper().createArrayNode().add("HOTFIX-001"))),
                            "priya");
            JsonNode a = one(files(s).upload(
                            "/api/v1/lessons/" + lesson.id() + "/attachments",
                            "graph.png",
                            "image/png",
                            Evidence.png(9),
                            null));
            assertThat(files(s).get("/attachments/" + a.path("id").asLong()).status())
                    .isEqualTo(200);
            s.app().lessons().delete(lesson.id(), "priya");
            assertThat(files(s).get("/attachments/" + a.path("id").asLong()).status())
                    .isEqualTo(404);
            assertThat(files(s).get("/api/v1/attachments/" + a.path("id").asLong() + "/content")
                            .status())
                    .isEqualTo(404);
        }
    }

    private static void assertSafeHeaders(Multipart.Answer served) {
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
        assertThat(served.header("Content-Disposition")).doesNotContain("\r").doesNotContain("\n");
    }

    private static long contentRows(TestDb db) {
        try (Connection c = DriverManager.getConnection(db.url());
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM attachment_content")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
