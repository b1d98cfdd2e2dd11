package dev.hotfixlog.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.backup.Manifest;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attachments live in the database, so a backup carries their bytes: backed up on one database kind and restored
 * into the other, every attachment's bytes come back equal (BLOB ↔ bytea, base64 in the archive), and the two
 * logs' manifests match table by table.
 */
class AttachmentArchiveTest {
    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aBackupCarriesEveryAttachmentsBytes_intoTheOtherDatabaseKind(String from) {
        MutableClock clock = MutableClock.at("2026-12-03T02:17:00Z");
        byte[] png = Evidence.png(11);
        byte[] log = "02:17:01 ERROR upstream 502\n\u00e9\u65e5\n".getBytes(StandardCharsets.UTF_8);
        try (TestDb a = from.equals("sqlite") ? TestDb.sqlite() : TestDb.postgres();
                TestDb b = from.equals("sqlite") ? TestDb.postgres() : TestDb.sqlite();
                App source = App.local(a.config(), clock)) {
            source.hotfixes()
                    .create(
                            MergePatch.of(
                                    Json.object().put("title", "Checkout 502").put("severity", "high")),
                            "priya");
            Attachment image =
                    source.attachments().add(Owner.parse("HOTFIX-001"), new Upload("graph.png", "5xx", png), "priya");
            Attachment text =
                    source.attachments().add(Owner.parse("HOTFIX-001"), new Upload("pod.log", null, log), "priya");
            Attachment gone = source.attachments()
                    .add(
                            Owner.parse("HOTFIX-001"),
                            new Upload("old.log", null, "bye\n".getBytes(StandardCharsets.UTF_8)),
                            "priya");
            source.attachments().delete(gone.id(), "pasted by mistake", "priya");
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            Manifest made = source.backups().backup(archive);
            try (App target = App.local(b.config(), clock)) {
                Manifest restored = target.backups().restore(new ByteArrayInputStream(archive.toByteArray()));
                assertThat(restored.tables()).isEqualTo(made.tables());
                assertThat(target.attachments().content(image.id()).bytes()).isEqualTo(png);
                assertThat(target.attachments().content(text.id()).bytes()).isEqualTo(log);
                assertThat(target.attachments().get(gone.id()).deleteReason()).isEqualTo("pasted by mistake");
                // New evidence on the restored log gets a fresh id.
                Attachment next = target.attachments()
                        .add(Owner.parse("HOTFIX-001"), new Upload("again.png", null, Evidence.png(12)), "jonas");
                assertThat(next.id()).isGreaterThan(gone.id());
            }
        }
    }
}
