package dev.hotfixlog.backup;

import dev.hotfixlog.store.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;

/** The archive a PostgreSQL log is kept as before its schema is migrated. */
final class PreMigrationArchive {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PreMigrationArchive.class);

    private PreMigrationArchive() {}

    /**
     * Keeps an archive of a log about to be migrated from {@code fromVersion} (HOTFIX_BACKUP_BEFORE_MIGRATION=always,
     * for PostgreSQL: a SQLite log is copied whole by the store): {@code hotfix-v<from>-<when>.archive} in
     * {@code folder}, the newest three kept. It restores with the release that wrote that version.
     */
    static void keep(Database log, int fromVersion, java.nio.file.Path folder, Clock clock) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC)
                .format(clock.instant());
        java.nio.file.Path file = folder.resolve("hotfix-v" + fromVersion + "-" + stamp + ".archive");
        try {
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Path partial = folder.resolve(file.getFileName() + ".partial");
            try (OutputStream out = java.nio.file.Files.newOutputStream(partial)) {
                new ArchiveWriter(log, clock).write(out, true);
            }
            java.nio.file.Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("Migrating the log from schema version {}; its archive as it was is {}", fromVersion, file);
            Database.keepNewest(folder, "hotfix-v\\d+-[0-9-]+\\.archive", 3);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot keep an archive of the log in " + folder + " before migrating it "
                            + "(nothing was migrated): " + e.getMessage(),
                    e);
        }
    }
}
