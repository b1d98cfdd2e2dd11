package dev.hotfixlog.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Multipart;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A picture with a page after its end (a polyglot) of every kind shown inline: stored as the image alone, and an
 * image whose bytes are more than the image (one stored before its kind was scrubbed) served as a download.
 */
class PolyglotTest {
    private static final byte[] PAGE = "<html><body><script>fetch('/api/v1/tokens',{method:'POST'})</script></body>"
            .getBytes(StandardCharsets.US_ASCII);

    /** A minimal WebP: its RIFF container with one lossless chunk (the scrubber walks chunks, decodes nothing). */
    static byte[] webp() {
        byte[] data = {0x2F, 0, 0, 0, 0, 0x07, 0, 0, 0x10, 0x07};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        le32(out, 4 + 8 + data.length);
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        le32(out, data.length);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
        out.write((v >> 16) & 0xFF);
        out.write((v >> 24) & 0xFF);
    }

    static Map<FileType, byte[]> images() {
        Map<FileType, byte[]> out = new LinkedHashMap<>();
        out.put(FileType.PNG, Evidence.png(3));
        out.put(FileType.JPEG, Scrubber.scrub(FileType.JPEG, Evidence.jpeg(3))); // ImageIO writes a JFIF APP0 only
        out.put(FileType.GIF, Evidence.encode(Evidence.picture(120, 80, 3), "gif"));
        out.put(FileType.WEBP, webp());
        return out;
    }

    static byte[] withPage(byte[] image) {
        byte[] out = Arrays.copyOf(image, image.length + PAGE.length);
        System.arraycopy(PAGE, 0, out, image.length, PAGE.length);
        return out;
    }

    @Test
    void anImageWithAPageAfterItsEnd_isServedAsADownload_theImageAloneInline() {
        images().forEach((type, image) -> {
            Attachment a = new Attachment(
                    1,
                    Owner.parse("HOTFIX-001"),
                    "graph",
                    null,
                    type,
                    image.length,
                    "0",
                    null,
                    "priya",
                    Instant.EPOCH,
                    null,
                    null,
                    null);
            assertThat(AttachmentRoutes.disposition(a, withPage(image)))
                    .as(type.json())
                    .startsWith("attachment;");
            assertThat(AttachmentRoutes.disposition(a, image)).as(type.json()).startsWith("inline;");
        });
    }

    @BothDatabases
    void everyInlineImageKind_withAPageAfterItsEnd_isStoredAsTheImageAlone(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-12-03T02:17:00Z"))) {
            assertThat(s.http()
                            .post("/api/v1/hotfixes", "{\"title\":\"Checkout 502\",\"severity\":\"high\"}")
                            .status())
                    .isEqualTo(201);
            Multipart files = new Multipart(s.url(), TestDb.ADMIN_TOKEN);
            images().forEach((type, image) -> {
                Multipart.Answer up = files.upload(
                        "/api/v1/hotfixes/HOTFIX-001/attachments", "graph.html", "text/html", withPage(image), null);
                assertThat(up.status()).as(type.json() + ": " + up.text()).isEqualTo(201);
                JsonNode a = Json.parseObject(up.text()).path("items").get(0);
                assertThat(a.path("type").asText()).isEqualTo(type.json());
                Multipart.Answer served =
                        files.get("/api/v1/attachments/" + a.path("id").asLong() + "/content");
                assertThat(served.body()).as(type.json()).isEqualTo(image);
                assertThat(served.header("Content-Disposition")).as(type.json()).startsWith("inline;");
            });
        }
    }
}
