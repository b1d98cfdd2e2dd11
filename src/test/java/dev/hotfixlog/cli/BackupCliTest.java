package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code hotfix backup}, {@code verify} and {@code restore}: an archive written whole, checked, restored once. */
class BackupCliTest {
    @Test
    void backupVerifyRestore_andACutShortArchiveOrAFullLogAreRefused() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-03T03:00:00Z");
        try (TestDb from = TestDb.sqlite(); TestDb to = TestDb.sqlite()) {
            CliRunner source = new CliRunner(Map.of("HOTFIX_DB_URL", from.url(), "HOTFIX_DATA_DIR",
                    from.dataDir().toString(), "HOTFIX_ACTOR", "priya"), clock);
            assertThat(source.run("new", "--title", "Checkout 502", "--severity", "critical").code()).isZero();
            Path file = from.dataDir().resolve("log.archive");
            CliRunner.Result backup = source.run("backup", "--out", file.toString());
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(backup.out()).startsWith("backup: ").contains("schema version ").endsWith(file + "\n");
            assertThat(Files.exists(file.resolveSibling("log.archive.partial"))).isFalse();
            assertThat(source.run("verify", file.toString()).out()).startsWith("ok: ");

            byte[] whole = Files.readAllBytes(file);
            Path cut = from.dataDir().resolve("cut.archive");
            Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
            CliRunner.Result refused = source.run("verify", cut.toString());
            assertThat(refused.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err()).contains("archive");

            CliRunner target = new CliRunner(Map.of("HOTFIX_DB_URL", to.url(), "HOTFIX_DATA_DIR",
                    to.dataDir().toString(), "HOTFIX_ACTOR", "jonas"), clock);
            CliRunner.Result restored = target.run("restore", file.toString());
            assertThat(restored.code()).as(restored.err()).isZero();
            assertThat(restored.out()).startsWith("restored: ").contains("verified");
            assertThat(target.run("show", "1").out()).contains("Checkout 502");
            CliRunner.Result again = target.run("restore", file.toString());
            assertThat(again.code()).isEqualTo(ExitCodes.CONFLICT);
            assertThat(again.err()).contains("not empty");
        }
    }
}
