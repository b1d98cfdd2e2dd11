package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.Setting;
import dev.hotfixlog.backup.Backups;
import dev.hotfixlog.backup.Manifest;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * HOTFIX_BACKUP_BEFORE_MIGRATION=always: a PostgreSQL log with an older release's schema and a record in it,
 * opened by this release, is archived first: the archive verifies, is at the old version and holds the record.
 */
class PostgresMigrationBackupTest {
    @Test
    void anOlderPostgresLog_isArchivedBeforeItIsMigrated() throws Exception {
        try (TestDb db = TestDb.postgres()) {
            int old = Database.SCHEMA_VERSION - 2;
            Flyway.configure()
                    .dataSource(db.url(), null, null)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
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
            try (App app = App.local(
                    db.config(Map.of(Setting.BACKUP_BEFORE_MIGRATION, "always")),
                    MutableClock.at("2026-12-03T03:00:00Z"))) {
                assertThat(app.hotfixes()
                                .list(new HotfixQuery(null, null, 10, null))
                                .items())
                        .hasSize(1);
            }
            List<Path> kept;
            try (Stream<Path> files = Files.list(db.dataDir().resolve("backups"))) {
                kept = files.toList();
            }
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).getFileName().toString()).isEqualTo("hotfix-v" + old + "-20261203-030000.archive");
            try (InputStream in = Files.newInputStream(kept.get(0))) {
                Manifest m = Backups.verify(in);
                assertThat(m.schemaVersion()).isEqualTo(old);
                assertThat(m.tables().get("hotfix").rows()).isEqualTo(1);
            }
        }
    }
}
