package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code hotfix backup}, {@code verify} and {@code restore}: an archive written whole, checked, restored once. */
class BackupCliTest {
    @Test
    void backupVerifyRestore_andACutShortArchiveOrAFullLogAreRefused() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T03:00:00Z");
        try (TestDb from = TestDb.sqlite();
                TestDb to = TestDb.sqlite()) {
            CliRunner source = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            from.url(),
                            "HOTFIX_DATA_DIR",
                            from.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "priya"),
                    clock);
            assertThat(source.run("new", "--title", "Checkout 502", "--severity", "critical")
                            .code())
                    .isZero();
            Path file = from.dataDir().resolve("log.archive");
            CliRunner.Result backup = source.run("backup", "--out", file.toString());
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(backup.out())
                    .startsWith("backup: ")
                    .contains("schema version ")
                    .endsWith(file + "\n");
            assertThat(Files.exists(file.resolveSibling("log.archive.partial"))).isFalse();
            assertThat(source.run("verify", file.toString()).out()).startsWith("ok: ");

            byte[] whole = Files.readAllBytes(file);
            Path cut = from.dataDir().resolve("cut.archive");
            Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
            CliRunner.Result refused = source.run("verify", cut.toString());
            assertThat(refused.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err()).contains("archive");

            CliRunner target = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            to.url(),
                            "HOTFIX_DATA_DIR",
                            to.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "jonas"),
                    clock);
            CliRunner.Result restored = target.run("restore", file.toString());
            assertThat(restored.code()).as(restored.err()).isZero();
            assertThat(restored.out()).startsWith("restored: ").contains("verified");
            assertThat(target.run("show", "1").out()).contains("Checkout 502");
            CliRunner.Result again = target.run("restore", file.toString());
            assertThat(again.code()).isEqualTo(ExitCodes.CONFLICT);
            assertThat(again.err()).contains("not empty");
        }
    }

    @Test
    void aBackupIntoAFolderThatIsNotThere_orAnArchiveThatIsNot_isBadInputNamingIt() throws Exception {
        try (TestDb db = TestDb.sqlite()) {
            CliRunner cli = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString()),
                    MutableClock.at("2026-12-03T03:00:00Z"));
            Path nowhere = db.dataDir().resolve("no-such-folder").resolve("log.archive");
            CliRunner.Result backup = cli.run("backup", "--out", nowhere.toString());
            assertThat(backup.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(backup.err())
                    .isEqualTo("error: --out: cannot write " + nowhere + ": its folder does not exist\n");
            assertThat(Files.exists(nowhere.getParent())).isFalse();

            CliRunner.Result missing =
                    cli.run("verify", db.dataDir().resolve("missing.archive").toString());
            assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(missing.err())
                    .isEqualTo("error: FILE: " + db.dataDir().resolve("missing.archive") + " does not exist\n");
            CliRunner.Result folder = cli.run("restore", db.dataDir().toString());
            assertThat(folder.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(folder.err()).doesNotContain("unexpected").contains("error: ");
        }
    }

    /** {@code hotfix backup --out - | hotfix restore -}: one process's archive streamed into another's log. */
    @Test
    void aBackupPipedIntoARestore_arrivesWhole() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T03:00:00Z");
        try (TestDb from = TestDb.sqlite();
                TestDb to = TestDb.postgres()) {
            Map<String, String> source = Map.of(
                    "HOTFIX_DB_URL",
                    from.url(),
                    "HOTFIX_DATA_DIR",
                    from.dataDir().toString(),
                    "HOTFIX_LOG_LEVEL",
                    "WARN");
            assertThat(new CliRunner(source, clock)
                            .run("new", "--title", "Checkout 502", "--severity", "critical")
                            .code())
                    .isZero();
            Process backup = start(source, "backup", "--out", "-");
            Process restore = start(
                    Map.of(
                            "HOTFIX_DB_URL",
                            to.url(),
                            "HOTFIX_DATA_DIR",
                            to.dataDir().toString(),
                            "HOTFIX_LOG_LEVEL",
                            "WARN"),
                    "restore",
                    "-");
            try (var archive = backup.getInputStream();
                    var into = restore.getOutputStream()) {
                archive.transferTo(into);
            }
            String backupSaid = new String(backup.getErrorStream().readAllBytes());
            String restoreSaid = new String(restore.getInputStream().readAllBytes())
                    + new String(restore.getErrorStream().readAllBytes());
            assertThat(backup.waitFor()).as(backupSaid).isZero();
            assertThat(backupSaid).startsWith("backup: ").contains("-> standard output");
            assertThat(restore.waitFor()).as(restoreSaid).isZero();
            assertThat(restoreSaid).startsWith("restored: ").contains("verified");
            CliRunner target = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            to.url(),
                            "HOTFIX_DATA_DIR",
                            to.dataDir().toString()),
                    clock);
            assertThat(target.run("show", "1").out()).contains("Checkout 502");
        }
    }

    private static Process start(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(ServerProcess.javaCommand(List.of()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb.start();
    }
}
