package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Every command that creates something prints the new thing's id first, alone on its line, so a script reads it
 * with {@code head -1} (as {@code hotfix new} always did); {@code incoming declare} is in {@code IncomingCliTest},
 * which has the server its alert comes from.
 */
class CreatedIdFirstCliTest {
    private static final String T0 = "2026-10-04T02:17:00Z";

    @BothDatabases
    void everyCreatingCommand_printsTheNewId_aloneOnTheFirstLine(TestDb db) throws Exception {
        try (db) {
            MutableClock clock = MutableClock.at(T0);
            CliRunner cli = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "tester"),
                    clock);
            Path log = db.dataDir().resolve("crash.log");
            Files.createDirectories(log.getParent());
            Files.writeString(log, "02:17 pool exhausted\n", StandardCharsets.UTF_8);
            String[][] table = {
                {"HOTFIX-001", "new", "--title", "Checkout 502", "--severity", "high"},
                {"1", "deploy", "--system", "payments", "--version", "1.4.2"},
                {"1", "attach", "HOTFIX-001", log.toString()},
                {"RISK-1", "risk", "add", "HOTFIX-001", "--statement", "Retry may double-charge"},
                {
                    "LESSON-001",
                    "lesson",
                    "new",
                    "--from",
                    "HOTFIX-001",
                    "operatingRule=Finalise status per container, not per batch."
                },
            };
            for (String[] row : table) {
                if (row[1].equals("lesson")) { // a lesson is written from a completed hotfix
                    assertThat(cli.run("mark", "1", "deployed").code()).isZero();
                    clock.advance(Duration.ofMinutes(20));
                    assertThat(cli.run("mark", "1", "resolved").code()).isZero();
                }
                CliRunner.Result r = cli.run(Arrays.copyOfRange(row, 1, row.length));
                assertThat(r.code()).as(r.err()).isZero();
                assertThat(r.out().lines().findFirst())
                        .as(String.join(" ", row))
                        .hasValue(row[0]);
            }
        }
    }
}
