package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.support.MutableClock;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A log written by the previous release's own jar (schema version 21: src/test/resources/fixtures/release-v21,
 * made by its make-fixture.sh through that release's CLI) is opened by this build: its records, fields, history
 * and lesson read as before; the copy kept before migrating is the old log row for row; and putting that copy back
 * in the log's place (the README's way back) gives the old log, which this build opens and migrates again.
 */
class MigrationFromOldReleaseTest {
    private static final int OLD = 21;
    private static final String FIELDS = "[{\"name\":\"region\",\"type\":\"choice\",\"choices\":[\"eu\",\"us\"]},"
            + "{\"name\":\"affected\",\"type\":\"number\"}]";

    @Test
    void aLogOfThePreviousRelease_opensMigrated_andItsKeptCopyRestoresTheOldState() throws Exception {
        Path dir = Files.createTempDirectory("hotfix-old-release-");
        Path log = dir.resolve("hotfix.db");
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/release-v21/hotfix.db")) {
            Files.copy(fixture, log);
        }
        Map<String, List<List<Object>>> before = rows(log);
        assertThat(version(log)).isEqualTo(OLD);
        assertThat(before.get("hotfix")).hasSize(2);

        CliRunner cli = new CliRunner(
                Map.of("HOTFIX_DATA_DIR", dir.toString(), "HOTFIX_FIELDS", FIELDS, "HOTFIX_ACTOR", "jonas"),
                MutableClock.at("2026-12-03T03:00:00Z"));
        CliRunner.Result show = cli.run("show", "HOTFIX-001");
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out())
                .contains(
                        "Checkout 500s after the pool change",
                        "completed",
                        "Pool back to 50 " + "connections",
                        "eu",
                        "12000",
                        "Not load tested")
                .doesNotContain("hunter2");
        assertThat(cli.run("history", "HOTFIX-001").out()).contains("v6 ", "priya  resolved");
        assertThat(cli.run("lesson", "show", "LESSON-001").out()).contains("A pool size is a capacity decision");
        assertThat(version(log)).isEqualTo(Database.SCHEMA_VERSION);
        // The register (V24) starts with the Risk Accepted the old log held, accepted when it was detected.
        assertThat(cli.run("risks").out())
                .contains("RISK-1", "HOTFIX-001", "open", "review by 2026-12-04 02:17 UTC", "Not load tested");
        assertThat(cli.run("risk", "show", "RISK-1").out())
                .contains("accepted: from HOTFIX-001's Risk Accepted, " + "when the register was added");

        List<Path> kept = kept(dir.resolve("backups"));
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).getFileName().toString()).startsWith("hotfix-v" + OLD + "-");
        assertThat(version(kept.get(0))).isEqualTo(OLD);
        assertThat(rows(kept.get(0)))
                .as("the kept copy is the old log, row for row")
                .isEqualTo(before);

        // The way back: stop, put the copy in the log's place. It is the old log; this build migrates it again.
        assertThat(cli.run(
                                "new",
                                "--title",
                                "made after the upgrade",
                                "--severity",
                                "high",
                                "--prod-down",
                                "yes",
                                "--can-wait",
                                "no")
                        .out())
                .startsWith("HOTFIX-003");
        Files.copy(kept.get(0), log, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir.resolve("hotfix.db-wal"));
        Files.deleteIfExists(dir.resolve("hotfix.db-shm"));
        assertThat(rows(log)).isEqualTo(before);
        assertThat(cli.run("list").out()).contains("HOTFIX-001", "HOTFIX-002").doesNotContain("made after the upgrade");
        assertThat(version(log)).isEqualTo(Database.SCHEMA_VERSION);
    }

    /** Every table's rows in rowid order, values as JDBC reads them (Flyway's history is the version, apart). */
    private static Map<String, List<List<Object>>> rows(Path file) throws Exception {
        Map<String, List<List<Object>>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                    + "LIKE 'sqlite_%' AND name NOT LIKE 'search_text%' AND name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + t + " ORDER BY rowid")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            row.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
                        }
                        rows.add(row);
                    }
                }
                out.put(t, rows);
            }
        }
        return out;
    }

    private static int version(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<Path> kept(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".db"))
                    .sorted()
                    .toList();
        }
    }
}
