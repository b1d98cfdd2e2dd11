package dev.hotfixlog.backup;

import dev.hotfixlog.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The manifest of a log as it is, hashed from its rows exactly as a backup would write them: what a restore is
 * checked against, and what a fresh log holds.
 */
final class LogManifest {
    private final Database db;
    private final ArchiveTablesRepository catalogue = new ArchiveTablesRepository();
    private final ArchiveRowsRepository rows = new ArchiveRowsRepository();

    LogManifest(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The manifest of this log as it is now (one snapshot). */
    Manifest now() {
        return db.read(h -> {
            try {
                return of(h, catalogue.tables(h), catalogue.schemaVersion(h));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The manifest of {@code tables} as {@code h} sees them. */
    Manifest of(Handle h, List<TableShape> tables, int version) throws Exception {
        Map<String, Manifest.TableSum> sums = new LinkedHashMap<>();
        RowLine text = new RowLine();
        for (TableShape t : tables) {
            TableHash hash = new TableHash();
            rows.each(h, db.dialect(), t, row -> {
                text.write(row, hash::update);
                hash.endRow();
            });
            sums.put(t.name(), hash.sum());
        }
        return new Manifest(version, sums);
    }

    /** What a log holds right after its migrations: a new SQLite log in a scratch folder, read and removed. */
    static Manifest ofFreshLog() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hotfix-fresh-");
            try (Database fresh = Database.open("jdbc:sqlite:" + dir.resolve("fresh.db"), "", "", 1)) {
                return new LogManifest(fresh).now();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch log to compare with: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a scratch folder in the temp directory
                }
            }
        }
    }
}
