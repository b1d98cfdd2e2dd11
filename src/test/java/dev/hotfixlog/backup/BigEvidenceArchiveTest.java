package dev.hotfixlog.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.attachment.Attachment;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.attachment.Upload;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A log holding more evidence than the commands' heap: 16 distinct 9 MB files (144 MB). {@code hotfix backup} and
 * {@code restore} (into the other kind of database) each run as a process with {@code -Xmx128m}, and {@code copy},
 * which is both at once in one process, with {@code -Xmx192m}. The archive's work holds a few files at a time,
 * never a table of them (before: PostgreSQL's driver held a fetch of 1,000 rows, the backup's reading thread ran
 * up to 2,048 rows ahead, the restore read 500 rows a batch, and a file's line was a string, a character buffer
 * and two byte copies at once; run against that code, the backup died of OutOfMemoryError on both databases).
 */
class BigEvidenceArchiveTest {
    private static final int FILES = 16;
    private static final int FILE_BYTES = 9 << 20;

    @BothDatabases
    void moreEvidenceThanHeap_backsUpRestoresAndCopies(TestDb source) throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T03:00:00Z");
        Random random = new Random(21);
        List<Attachment> kept = new ArrayList<>();
        byte[] last = null;
        try (source;
                App app = App.local(source.config(), clock)) {
            for (int h = 0; h < 2; h++) {
                app.hotfixes()
                        .create(
                                MergePatch.of(Json.object()
                                        .put("title", "heap dump " + h)
                                        .put("severity", "high")),
                                "priya");
            }
            for (int i = 0; i < FILES; i++) {
                byte[] pdf = new byte[FILE_BYTES];
                random.nextBytes(pdf);
                System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
                kept.add(app.attachments()
                        .add(
                                Owner.parse("HOTFIX-00" + (1 + i % 2)),
                                new Upload("dump-" + i + ".pdf", null, pdf),
                                "priya"));
                last = pdf;
            }
            Path archive = source.dataDir().resolve("big.archive");
            Result backup = run(source, "backup", "--out", archive.toString());
            assertThat(backup.code).as(backup.said).isZero();
            assertThat(Files.size(archive)).isGreaterThan((long) FILES * FILE_BYTES);

            try (TestDb restored = source.isPostgres() ? TestDb.sqlite() : TestDb.postgres();
                    TestDb copied = source.isPostgres() ? TestDb.sqlite() : TestDb.postgres()) {
                Result restore = run(restored, "restore", archive.toString());
                assertThat(restore.code).as(restore.said).isZero();
                assertThat(restore.said).contains("verified against the archive's manifest");
                try (App there = App.local(restored.config(), clock)) {
                    assertThat(there.attachments()
                                    .content(kept.get(FILES - 1).id())
                                    .bytes())
                            .isEqualTo(last);
                }
                Map<String, String> env = Map.of(
                        "HOTFIX_DB_URL",
                        source.url(),
                        "HOTFIX_DATA_DIR",
                        source.dataDir().toString(),
                        "HOTFIX_LOG_LEVEL",
                        "WARN");
                Result copy = run(env, "-Xmx192m", "copy", "--to", copied.url());
                assertThat(copy.code).as(copy.said).isZero();
                assertThat(copy.said).contains("verified equal");
            }
        }
    }

    private record Result(int code, String said) {}

    private static Result run(TestDb db, String... args) throws Exception {
        return run(
                Map.of(
                        "HOTFIX_DB_URL",
                        db.url(),
                        "HOTFIX_DATA_DIR",
                        db.dataDir().toString(),
                        "HOTFIX_LOG_LEVEL",
                        "WARN"),
                "-Xmx128m",
                args);
    }

    private static Result run(Map<String, String> env, String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.javaCommand(List.of(heap)));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("hotfix-big-evidence-", ".out");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", args)).isTrue();
        String said = Files.readString(out);
        Files.delete(out);
        return new Result(p.exitValue(), said);
    }
}
