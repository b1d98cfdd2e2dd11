package dev.hotfixlog.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.Setting;
import dev.hotfixlog.bench.MetricsBenchmark;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.TestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's copy at size: a log of 100,000 hotfixes (with their systems and follow-ups) and every other kind of
 * row (lessons, revisions, audit, outbox, team fields, deploys, incoming alerts, tokens) goes SQLite → PostgreSQL
 * → SQLite through {@code hotfix copy}, verified equal, and both copies give new records fresh ids. Before that, a
 * copy into the same PostgreSQL target is killed ({@code kill -9}) while it writes the hotfixes: the target holds
 * nothing of it and is refused as unusable, naming the copy that did not finish; the whole copy then goes in.
 */
@Tag("slow")
class LargeCopyTest {
    private static final int HOTFIXES = 100_000;

    @Test
    void aHundredThousandHotfixLog_survivesAKilledCopy_thenGoesToPostgresAndBack_verifiedEqual() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-01T00:00:00Z");
        Map<Setting, String> settings = Map.of(
                Setting.FIELDS, ArchiveRoundTripProperties.FIELDS, Setting.CHANNELS, "webhook http://127.0.0.1:9/hook");
        try (TestDb sqlite = TestDb.sqlite();
                TestDb postgres = TestDb.postgres();
                TestDb back = TestDb.sqlite()) {
            Database.open(sqlite.url(), "", "", 1).close();
            MetricsBenchmark.generate(sqlite.url(), HOTFIXES);
            Manifest original;
            try (App app = App.local(sqlite.config(settings), clock)) {
                String first = "HOTFIX-" + (HOTFIXES + 1);
                ArchiveRoundTripProperties.populate(app, new Random(21), clock, first);
                app.hotfixes()
                        .create(
                                MergePatch.of(Json.object()
                                        .put("title", "checkout down")
                                        .put("severity", "critical")),
                                "priya");
                app.lessons()
                        .create(
                                MergePatch.of(Json.object()
                                        .put("title", "Retries need a budget")
                                        .put("summary", "A retry storm took checkout down.")
                                        .set(
                                                "cases",
                                                Json.mapper().createArrayNode().add(first))),
                                "priya");
                original = app.backups().manifest();
            }
            for (String table : List.of(
                    "hotfix",
                    "hotfix_system",
                    "follow_up",
                    "lesson",
                    "hotfix_revision",
                    "audit_event",
                    "outbox_message",
                    "hotfix_field",
                    "hotfix_step")) {
                assertThat(original.tables().get(table).rows()).as(table).isPositive();
            }
            assertThat(original.tables().get("hotfix").rows()).isGreaterThan(HOTFIXES);
            Map<String, String> env = Map.of(
                    "HOTFIX_DB_URL",
                    sqlite.url(),
                    "HOTFIX_DATA_DIR",
                    sqlite.dataDir().toString(),
                    "HOTFIX_FIELDS",
                    ArchiveRoundTripProperties.FIELDS,
                    "HOTFIX_LOG_LEVEL",
                    "WARN");

            // kill -9 of a copy while it writes the target's hotfixes: its transaction dies with it.
            try (Database target = Database.open(postgres.url(), "", "", 1)) {
                Manifest empty = new Backups(target, Clock.systemUTC()).manifest();
                List<String> command = new ArrayList<>(ServerProcess.javaCommand(List.of()));
                command.addAll(List.of("copy", "--to", postgres.url()));
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().putAll(env);
                Process copy = pb.start();
                // true once seen writing the target's hotfixes, false if it ended first
                Boolean caught = Awaitility.await()
                        .atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(25))
                        .until(
                                () -> copying(postgres.url(), "hotfix")
                                        ? Boolean.TRUE
                                        : copy.isAlive() ? null : Boolean.FALSE,
                                Objects::nonNull);
                assertThat(caught)
                        .as("the copy was seen writing the target's hotfixes")
                        .isTrue();
                copy.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the client
                assertThat(copy.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // the server notices the dead client and rolls its transaction back
                Awaitility.await()
                        .atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(25))
                        .until(() -> !copying(postgres.url(), null));
                assertThat(new Backups(target, Clock.systemUTC()).manifest())
                        .as("nothing of the killed copy is in the target")
                        .isEqualTo(empty);
            }
            CliRunner.Result refused = new CliRunner(
                            Map.of(
                                    "HOTFIX_DB_URL",
                                    postgres.url(),
                                    "HOTFIX_DATA_DIR",
                                    postgres.dataDir().toString(),
                                    "HOTFIX_FIELDS",
                                    ArchiveRoundTripProperties.FIELDS),
                            clock)
                    .run("list");
            assertThat(refused.code())
                    .as("the killed copy's target is refused as unusable")
                    .isEqualTo(1);
            assertThat(refused.err())
                    .startsWith("error: this log is unusable: a copy into it, started ")
                    .contains("did not finish", "hotfix copy --to this log");

            CliRunner fromSqlite = new CliRunner(env, clock);
            CliRunner.Result there = fromSqlite.run("copy", "--to", postgres.url());
            assertThat(there.code()).as(there.err()).isZero();
            assertThat(there.out())
                    .startsWith("copied: " + original.rows() + " rows")
                    .contains("verified equal");

            CliRunner fromPostgres = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            postgres.url(),
                            "HOTFIX_DATA_DIR",
                            postgres.dataDir().toString(),
                            "HOTFIX_FIELDS",
                            ArchiveRoundTripProperties.FIELDS),
                    clock);
            CliRunner.Result andBack = fromPostgres.run("copy", "--to", back.url());
            assertThat(andBack.code()).as(andBack.err()).isZero();
            try (App app = App.local(back.config(settings), clock)) {
                assertThat(app.backups().manifest()).isEqualTo(original);
            }
            long hotfixes = original.tables().get("hotfix").rows();
            assertThat(fromPostgres
                            .run("new", "--title", "on the copy", "--severity", "critical")
                            .out())
                    .startsWith("HOTFIX-" + (hotfixes + 1));
            CliRunner onBack = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            back.url(),
                            "HOTFIX_DATA_DIR",
                            back.dataDir().toString(),
                            "HOTFIX_FIELDS",
                            ArchiveRoundTripProperties.FIELDS),
                    clock);
            assertThat(onBack.run("new", "--title", "on the copy", "--severity", "critical")
                            .out())
                    .startsWith("HOTFIX-" + (hotfixes + 1));
            clock.advance(Duration.ofMinutes(1));
        }
    }

    /** Whether a session of the target's server is running a {@code COPY} (into {@code table}, when named). */
    private static boolean copying(String url, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                        + "AND query LIKE 'COPY " + (table == null ? "" : table + " ") + "%' AND state <> 'idle'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
