package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code hotfix attach}, {@code attachments} and {@code attachment get|delete}, straight on the database and
 * through a server (the remote client sends the same multipart the page does): the same answers both ways.
 */
class AttachCliTest {
    @BothDatabases
    void evidenceIsAttachedListedFetchedAndDeleted_theSameLocallyAndThroughAServer(TestDb db) throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T02:20:00Z");
        Path dir = Files.createTempDirectory("attach-cli-");
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(5, 5, 0xFF0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Files.write(dir.resolve("graph.png"), png.toByteArray());
        Files.writeString(
                dir.resolve("crash.log"),
                "02:17:01 ERROR pool exhausted\n02:17:02 auth ghp_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn\n");
        Files.write(dir.resolve("notes.zip"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6});
        try (db) {
            Map<String, String> local = Map.of(
                    "HOTFIX_DB_URL", db.url(), "HOTFIX_DATA_DIR", db.dataDir().toString(), "HOTFIX_ACTOR", "priya");
            CliRunner direct = new CliRunner(local, clock);
            assertThat(direct.run(
                                    "new",
                                    "--title",
                                    "Checkout 502",
                                    "--severity",
                                    "critical",
                                    "--prod-down",
                                    "yes",
                                    "--can-wait",
                                    "no")
                            .code())
                    .isZero();
            String localRun = script(direct, dir, "1", "2");
            try (RunningServer s = new RunningServer(db.config(), clock)) {
                CliRunner remote = new CliRunner(
                        Map.of("HOTFIX_SERVER", s.url(), "HOTFIX_TOKEN", TestDb.ADMIN_TOKEN, "HOTFIX_ACTOR", "priya"),
                        clock);
                String remoteRun = script(remote, dir, "3", "4");
                assertThat(remoteRun
                                .replace(" 3 ", " 1 ")
                                .replace(" 4 ", " 2 ")
                                .replaceAll("(?m)^3$", "1")
                                .replaceAll("(?m)^4$", "2")
                                .replace("deleted 4", "deleted 2")
                                .replace("admin", "priya"))
                        .isEqualTo(localRun.replace("admin", "priya"));
            }
            assertThat(Files.readAllBytes(dir.resolve("copy-1.png"))).isEqualTo(png.toByteArray());
            assertThat(Files.readAllBytes(dir.resolve("copy-3.png"))).isEqualTo(png.toByteArray());
        }
    }

    /** One responder's turn at the evidence; what the CLI printed, as one text. */
    private static String script(CliRunner cli, Path dir, String png, String log) {
        StringBuilder out = new StringBuilder();
        CliRunner.Result attached = cli.run(
                "attach",
                "HOTFIX-001",
                dir.resolve("graph.png").toString(),
                dir.resolve("crash.log").toString(),
                "--note",
                "5xx at 02:17");
        assertThat(attached.code()).as(attached.err()).isZero();
        assertThat(attached.out())
                .startsWith(png + "\n  attached graph.png (png,")
                .contains("\n" + log + "\n  attached crash.log (text,");
        out.append(attached.out());
        CliRunner.Result listed = cli.run("attachments", "HOTFIX-001");
        assertThat(listed.out()).contains("graph.png  — 5xx at 02:17").contains("crash.log");
        CliRunner.Result got = cli.run(
                "attachment",
                "get",
                png,
                "--out",
                dir.resolve("copy-" + png + ".png").toString());
        assertThat(got.code()).as(got.err()).isZero();
        CliRunner.Result text = cli.run(
                "attachment",
                "get",
                log,
                "--out",
                dir.resolve("copy-" + log + ".log").toString());
        assertThat(text.code()).isZero();
        try {
            assertThat(Files.readString(dir.resolve("copy-" + log + ".log"), StandardCharsets.UTF_8))
                    .contains("pool exhausted")
                    .doesNotContain("ghp_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliRunner.Result deleted = cli.run("attachment", "delete", log, "--reason", "pasted by mistake");
        assertThat(deleted.code()).as(deleted.err()).isZero();
        out.append(deleted.out());
        assertThat(cli.run("attachments", "HOTFIX-001").out()).doesNotContain("crash.log");
        assertThat(cli.run("attachments", "HOTFIX-001", "--deleted").out())
                .contains("crash.log  (deleted by priya: pasted by mistake)");
        CliRunner.Result missing =
                cli.run("attach", "HOTFIX-001", dir.resolve("nope.png").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("nope.png does not exist");
        CliRunner.Result zip =
                cli.run("attach", "HOTFIX-001", dir.resolve("notes.zip").toString());
        assertThat(zip.code()).isNotZero();
        assertThat(zip.err()).contains("ZIP");
        out.append(zip.code()).append(' ').append(zip.err());
        return out.toString();
    }

    @BothDatabases
    void aFullExport_writesTheEvidenceBesideThePage_andAnImportReadsItBack_orRefusesATamperedFile(TestDb db)
            throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T02:20:00Z");
        Path dir = Files.createTempDirectory("attach-export-");
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0x00FF00);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Files.write(dir.resolve("graph.png"), png.toByteArray());
        try (db;
                TestDb other = TestDb.sqlite();
                TestDb third = TestDb.sqlite()) {
            CliRunner source = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "priya"),
                    clock);
            source.run(
                    "new",
                    "--title",
                    "Checkout 502",
                    "--severity",
                    "critical",
                    "--prod-down",
                    "yes",
                    "--can-wait",
                    "no");
            source.run("set", "HOTFIX-001", "riskAccepted=Pinning off; no load test");
            assertThat(source.run(
                                    "attach",
                                    "HOTFIX-001",
                                    dir.resolve("graph.png").toString(),
                                    "--note",
                                    "5xx")
                            .code())
                    .isZero();
            Path page = dir.resolve("out").resolve("log.md");
            Files.createDirectories(page.getParent());
            CliRunner.Result exported = source.run("export", "--format", "full", "--out", page.toString());
            assertThat(exported.code()).as(exported.err()).isZero();
            assertThat(exported.err()).contains("and 1 attachments in");
            String text = Files.readString(page);
            assertThat(text).contains("## Risk Register", "Pinning off; no load test", "](attachments/");
            Path file;
            try (var files = Files.list(page.getParent().resolve("attachments"))) {
                file = files.findFirst().orElseThrow();
            }
            assertThat(Files.readAllBytes(file)).isEqualTo(png.toByteArray());

            CliRunner target = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            other.url(),
                            "HOTFIX_DATA_DIR",
                            other.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "jonas"),
                    clock);
            CliRunner.Result imported = target.run("import", page.toString());
            assertThat(imported.code()).as(imported.err()).isZero();
            assertThat(target.run("attachments", "HOTFIX-001").out()).contains("graph.png  — 5xx");
            assertThat(target.run("risks").out()).contains("Pinning off; no load test");

            // A file changed beside the page is not the one the page names: refused, naming it; nothing imported.
            Files.write(file, "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
            CliRunner fresh = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            third.url(),
                            "HOTFIX_DATA_DIR",
                            third.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "jonas"),
                    clock);
            CliRunner.Result refused = fresh.run("import", page.toString());
            assertThat(refused.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err())
                    .contains(page.getParent().relativize(file).toString().replace('\\', '/'))
                    .contains("is not the file the page names");
            assertThat(fresh.run("list").out()).doesNotContain("HOTFIX-001");
        }
    }
}
