package dev.hotfixlog.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.App;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.TestDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code hotfix copy} SQLite → PostgreSQL → SQLite: verified equal both ways, new records on the copies get fresh
 * ids; a restore that breaks off halfway leaves its target empty, and a whole one then goes in.
 */
class CopyTest {
    private static final Map<dev.hotfixlog.Setting, String> FIELDS =
            Map.of(dev.hotfixlog.Setting.FIELDS, ArchiveRoundTripProperties.FIELDS);

    @Test
    void sqliteToPostgresAndBack_isVerifiedEqual_andTheCopiesTakeFreshIds() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-01T00:00:00Z");
        try (TestDb sqlite = TestDb.sqlite();
                TestDb postgres = TestDb.postgres();
                TestDb back = TestDb.sqlite()) {
            Manifest original;
            try (App app = App.local(sqlite.config(FIELDS), clock)) {
                ArchiveRoundTripProperties.populate(app, new Random(42), clock);
                original = app.backups().manifest();
            }
            CliRunner fromSqlite = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            sqlite.url(),
                            "HOTFIX_DATA_DIR",
                            sqlite.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "priya",
                            "HOTFIX_FIELDS",
                            ArchiveRoundTripProperties.FIELDS),
                    clock);
            CliRunner.Result there = fromSqlite.run("copy", "--to", postgres.url());
            assertThat(there.code()).as(there.err()).isZero();
            assertThat(there.out())
                    .startsWith("copied: " + original.rows() + " rows")
                    .contains("verified equal");
            try (TestDb fresh = TestDb.postgres()) {
                Database.open(fresh.url(), "", "", 1).close();
                assertThat(catalogue(postgres.url()))
                        .as("the keys, indexes and triggers the copy set aside are back")
                        .isEqualTo(catalogue(fresh.url()))
                        .isNotEmpty();
            }

            CliRunner fromPostgres = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            postgres.url(),
                            "HOTFIX_DATA_DIR",
                            postgres.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "priya",
                            "HOTFIX_FIELDS",
                            ArchiveRoundTripProperties.FIELDS),
                    clock);
            CliRunner.Result andBack = fromPostgres.run("copy", "--to", back.url());
            assertThat(andBack.code()).as(andBack.err()).isZero();
            try (App app = App.local(back.config(FIELDS), clock)) {
                assertThat(app.backups().manifest()).isEqualTo(original);
            }
            // Both copies take new records with fresh ids.
            long hotfixes = original.tables().get("hotfix").rows();
            assertThat(fromPostgres
                            .run("new", "--title", "on the copy", "--severity", "high")
                            .out())
                    .startsWith(String.format("HOTFIX-%03d", hotfixes + 1));
            CliRunner onBack = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            back.url(),
                            "HOTFIX_DATA_DIR",
                            back.dataDir().toString(),
                            "HOTFIX_FIELDS",
                            ArchiveRoundTripProperties.FIELDS),
                    clock);
            assertThat(onBack.run("new", "--title", "on the copy", "--severity", "high")
                            .out())
                    .startsWith(String.format("HOTFIX-%03d", hotfixes + 1));
            // A copy into a log that is not empty is refused.
            assertThat(fromSqlite.run("copy", "--to", postgres.url()).err()).contains("not empty");
        }
    }

    /** A PostgreSQL schema's constraints, indexes and enabled triggers, without its name. */
    private static Set<String> catalogue(String url) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' "
                            + "|| pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint WHERE "
                            + "connamespace = current_schema()::regnamespace",
                    "SELECT 'index ' || replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE "
                            + "schemaname = current_schema()",
                    "SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger "
                            + "WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE '%.%'")) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aRestoreThatBreaksOffHalfway_leavesItsTargetEmpty() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-01T00:00:00Z");
        try (TestDb source = TestDb.sqlite();
                TestDb target = TestDb.postgres()) {
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            try (App app = App.local(source.config(FIELDS), clock)) {
                ArchiveRoundTripProperties.populate(app, new Random(7), clock);
                app.backups().backup(archive);
            }
            byte[] whole = archive.toByteArray();
            try (App app = App.local(target.config(FIELDS), clock)) {
                assertThatThrownBy(() -> app.backups()
                                .restore(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length * 2 / 3))))
                        .isInstanceOf(ValidationException.class);
                assertThat(app.hotfixes()
                                .list(new HotfixQuery(null, null, 10, null))
                                .items())
                        .as("nothing of the broken restore stayed")
                        .isEmpty();
                assertThat(app.backups()
                                .restore(new ByteArrayInputStream(whole))
                                .rows())
                        .isPositive();
            }
        }
    }

    /**
     * {@code hotfix restore} killed with SIGKILL while it reads the archive, inside its one transaction: the target
     * holds none of the rows, and it is refused as unusable (naming what did not finish) by every command but a
     * restore, which then goes in whole. The archive comes through a named pipe that is fed half of it and kept
     * open, so the kill lands halfway every time.
     */
    @BothDatabases
    void aRestoreKilledHalfway_leavesALogThatIsRefusedUntilARestoreFinishes(TestDb target) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-01T00:00:00Z");
        try (TestDb source = TestDb.sqlite();
                target) {
            ByteArrayOutputStream archive = new ByteArrayOutputStream();
            try (App app = App.local(source.config(FIELDS), clock)) {
                ArchiveRoundTripProperties.populate(app, new Random(11), clock);
                app.backups().backup(archive);
            }
            byte[] whole = archive.toByteArray();
            Manifest empty;
            try (App app = App.local(target.config(FIELDS), clock)) {
                empty = app.backups().manifest();
            }
            Map<String, String> env = Map.of(
                    "HOTFIX_DB_URL",
                    target.url(),
                    "HOTFIX_DATA_DIR",
                    target.dataDir().toString(),
                    "HOTFIX_FIELDS",
                    ArchiveRoundTripProperties.FIELDS,
                    "HOTFIX_LOG_LEVEL",
                    "WARN");
            Path pipe = target.dataDir().resolve("archive.pipe");
            assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor())
                    .isZero();
            List<String> command = new ArrayList<>(ServerProcess.javaCommand(List.of()));
            command.addAll(List.of("restore", pipe.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(target.dataDir().resolve("restore.out").toFile());
            pb.environment().putAll(env);
            Process restore = pb.start();
            CompletableFuture<OutputStream> feeding = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputStream out = Files.newOutputStream(pipe); // the reader opens
                    out.write(whole, 0, whole.length / 2);
                    out.flush();
                    return out;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            OutputStream half = feeding.get(60, TimeUnit.SECONDS);
            Boolean marked = Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> unfinished(target.url()) > 0
                                    ? Boolean.TRUE
                                    : restore.isAlive() ? null : Boolean.FALSE,
                            Objects::nonNull);
            assertThat(marked)
                    .as("the restore marked its log before its transaction; it said: "
                            + Files.readString(target.dataDir().resolve("restore.out")))
                    .isTrue();
            Thread.sleep(500); // it reads the half it was given and waits, inside its transaction, for the rest
            restore.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the client
            assertThat(restore.waitFor(30, TimeUnit.SECONDS)).isTrue();
            half.close();

            CliRunner cli = new CliRunner(env, clock);
            // PostgreSQL rolls the dead session back as soon as it notices
            CliRunner.Result refused = Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> cli.run("list"), r -> !r.err().contains("timeout"));
            assertThat(refused.code()).as(refused.err()).isEqualTo(1);
            assertThat(refused.err())
                    .startsWith("error: this log is unusable: a restore into it, started ")
                    .contains("did not finish (nothing of it was kept)", "hotfix restore FILE");
            try (Database db = Database.open(target.url(), "", "", 1)) {
                assertThat(new Backups(db, clock).manifest())
                        .as("none of the killed restore's rows")
                        .isEqualTo(empty);
            }

            Path file = target.dataDir().resolve("whole.archive");
            Files.write(file, whole);
            CliRunner.Result restored = cli.run("restore", file.toString());
            assertThat(restored.code()).as(restored.err()).isZero();
            assertThat(unfinished(target.url())).isZero();
            CliRunner.Result list = cli.run("list");
            assertThat(list.code()).as(list.err()).isZero();
            assertThat(list.out()).contains("HOTFIX-001");
        }
    }

    private static long unfinished(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM unfinished_restore")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
