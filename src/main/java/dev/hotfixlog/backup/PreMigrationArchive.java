package dev.hotfixlog.backup;

import dev.hotfixlog.store.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The archive a PostgreSQL log is kept as before its schema is migrated. */
final class PreMigrationArchive {
    private static final Logger LOG = LoggerFactory.getLogger(PreMigrationArchive.class);

    private PreMigrationArchive() {}

    /**
     * Keeps an archive of a log about to be migrated from {@code fromVersion} (HOTFIX_BACKUP_BEFORE_MIGRATION=always,
     * for PostgreSQL: a SQLite log is copied whole by the store): {@code hotfix-v<from>-<when>.archive} in
     * {@code folder}, the newest three kept. It restores with the release that wrote that version.
     */
    static void keep(Database log, int fromVersion, Path folder, Clock clock) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(clock.instant());
        Path file = folder.resolve("hotfix-v" + fromVersion + "-" + stamp + ".archive");
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                new ArchiveWriter(log, clock).write(out, true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
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
