package dev.hotfixlog.store;

import dev.hotfixlog.error.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema brought to {@link Database#SCHEMA_VERSION} as a log opens: Flyway started only when there is something
 * to do, and a log that already holds an older schema kept as it was first (a SQLite log copied here, a PostgreSQL
 * one by the {@link Database.MigrationGuard}).
 */
final class SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    private final Database db;
    private final Dialect dialect;
    private final String url;
    private final DataSource writePool;
    private final DataSource readPool;

    SchemaMigration(Database db, String url, DataSource writePool, DataSource readPool) {
        this.db = db;
        this.dialect = db.dialect();
        this.url = url;
        this.writePool = writePool;
        this.readPool = readPool;
    }

    /**
     * Migrates with connections of its own, not the pool's: Flyway holds one connection for its lock while it
     * works on another, which a pool of one (HOTFIX_DB_POOL_SIZE=1) could never give it.
     */
    void migrate(String user, String password, Database.MigrationGuard guard) {
        int from = historyVersion();
        if (from == Database.SCHEMA_VERSION) {
            // Current, with no failure: Flyway is not started. Scanning its migrations and validating the history
            // cost every CLI command about 0.1 s to learn there is nothing to do. Anything else (no history, a
            // failure, an older or newer schema) goes to Flyway, which migrates or refuses as before.
            return;
        }
        if (from > 0 && from < Database.SCHEMA_VERSION) {
            backUpBeforeMigrating(from);
            guard.beforeMigrating(db, from);
        }
        String vendor = dialect == Dialect.SQLITE ? "sqlite" : "postgresql";
        Flyway.configure()
                .dataSource(url, user.isEmpty() ? null : user, password.isEmpty() ? null : password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(false)
                // A new log gets every migration in one transaction: one commit (one fsync) instead of one each.
                .group(true)
                .load()
                .migrate();
    }

    /**
     * A SQLite log about to be migrated from an older schema is first copied, whole and consistent
     * ({@code VACUUM INTO}), to {@code backups/hotfix-v<its version>-<when>.db} beside it; the newest
     * {@value Database#KEPT_MIGRATION_BACKUPS} are kept. Going back is stopping the new release and putting that
     * file in the log's place. A new log (no history) has nothing to keep. A failure to copy stops the migration.
     */
    private void backUpBeforeMigrating(int from) {
        if (dialect != Dialect.SQLITE || url.contains("mode=memory") || url.contains(":memory:")) {
            return;
        }
        Path file = Database.sqliteFile(url).toAbsolutePath();
        Path folder = file.getParent().resolve("backups");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Path copy = folder.resolve("hotfix-v" + from + "-" + stamp + ".db");
        try {
            PrivateFiles.createFolder(folder);
            for (int n = 2; Files.exists(copy); n++) {
                copy = folder.resolve("hotfix-v" + from + "-" + stamp + "-" + n + ".db");
            }
            try (Connection c = writePool.getConnection();
                    Statement st = c.createStatement()) {
                st.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
            }
            LOG.warn(
                    "Migrating the log {} from schema version {} to {}; its copy as it was is {} (to go back, stop "
                            + "this release and put that file in the log's place)",
                    file,
                    from,
                    Database.SCHEMA_VERSION,
                    copy);
            Database.keepNewest(folder, "hotfix-v\\d+-[0-9-]+\\.db", Database.KEPT_MIGRATION_BACKUPS);
        } catch (IOException | SQLException e) {
            throw new StorageException(
                    "cannot copy the log to " + copy + " before migrating it from schema version " + from
                            + " (nothing was migrated): " + e.getMessage(),
                    e);
        }
    }

    /** The newest version in the schema history, 0 when there is none, -1 when a migration there failed. */
    private int historyVersion() {
        try (Connection c = readPool.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            int newest = 0;
            while (r.next()) {
                if (!r.getBoolean(2)) {
                    return -1;
                }
                String version = r.getString(1);
                if (version != null) {
                    newest = Math.max(newest, Integer.parseInt(version));
                }
            }
            return newest;
        } catch (SQLException | RuntimeException e) {
            return 0;
        }
    }
}
