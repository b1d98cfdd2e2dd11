package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A SQLite log made by an older release (its schema migrated only so far, with a record in it) is opened by this
 * one: before migrating, the log is copied whole to {@code backups/hotfix-v<old>-….db}; that copy is the old log,
 * at its old version, with its record; the newest three copies are kept. A current log is not copied again.
 */
class MigrationBackupTest {
    @Test
    void openingAnOlderLog_copiesItFirst_andTheCopyIsTheOldLog() throws Exception {
        try (TestDb db = TestDb.sqlite()) {
            int old = Database.SCHEMA_VERSION - 2;
            Flyway.configure()
                    .dataSource(db.url(), null, null)
                    .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                    .failOnMissingLocations(false)
                    .target(String.valueOf(old))
                    .load()
                    .migrate();
            try (Connection c = DriverManager.getConnection(db.url());
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE id_counter SET last_value = 1 WHERE name = 'hotfix'");
                st.executeUpdate("INSERT INTO hotfix (id, number, title, severity, status, version, created_at, "
                        + "updated_at) VALUES ('HOTFIX-001', 1, 'Made by the old release', 'high', 'active', 1, 0, 0)");
            }
            MutableClock clock = MutableClock.at("2026-12-03T03:00:00Z");
            try (App app = App.local(db.config(), clock)) {
                assertThat(app.hotfixes().get(HotfixId.parse("HOTFIX-001")).title())
                        .isEqualTo("Made by the old release");
            }
            Path folder = db.dataDir().resolve("backups");
            List<Path> copies = list(folder);
            assertThat(copies).hasSize(1);
            assertThat(copies.get(0).getFileName().toString())
                    .startsWith("hotfix-v" + old + "-")
                    .endsWith(".db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copies.get(0));
                    Statement st = c.createStatement()) {
                assertThat(one(st, "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history"))
                        .isEqualTo(old);
                assertThat(one(st, "SELECT COUNT(*) FROM hotfix WHERE title = 'Made by the old release'"))
                        .isEqualTo(1);
            }
            // A current log opens without another copy.
            try (App app = App.local(db.config(), clock)) {
                assertThat(list(folder)).hasSize(1);
            }
            // The newest three are kept.
            for (int i = 0; i < 4; i++) {
                Files.writeString(folder.resolve("hotfix-v" + old + "-2026010" + i + "-000000.db"), "old");
                folder.resolve("hotfix-v" + old + "-2026010" + i + "-000000.db")
                        .toFile()
                        .setLastModified(1_000_000L * (i + 1));
            }
            try (TestDb other = TestDb.sqlite()) {
                Path moved = other.dataDir().resolve("hotfix.db");
                Files.copy(copies.get(0), moved, StandardCopyOption.REPLACE_EXISTING);
                Path otherBackups = other.dataDir().resolve("backups");
                Files.createDirectories(otherBackups);
                for (Path f : list(folder)) {
                    Files.copy(f, otherBackups.resolve(f.getFileName()));
                    otherBackups
                            .resolve(f.getFileName())
                            .toFile()
                            .setLastModified(f.toFile().lastModified());
                }
                try (App app = App.local(other.config(), clock)) {
                    assertThat(list(otherBackups)).hasSize(Database.KEPT_MIGRATION_BACKUPS);
                }
            }
        }
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
