package dev.hotfixlog.backup;

import dev.hotfixlog.store.Database;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The portable archive of a log: gzip'd JSON lines, the same for SQLite and PostgreSQL. A header (format,
 * schema version, when, from which database), then each table, parents first: its columns with their portable
 * types, its rows in key order as arrays of typed values, and its row count and SHA-256; last the manifest.
 * A backup reads every table in one snapshot ({@link ArchiveWriter}), so writers running meanwhile cannot tear it.
 * A restore goes into an empty log at the same schema version, in one transaction, and checks the restored rows
 * against the manifest before it commits ({@link ArchiveRestore}): it either restores all of it, verified, or
 * nothing. Texts are as redacted as they are in the database.
 *
 * <p>The feature's one public entry, for {@code App} and the CLI: each operation is a class of its own.
 */
public final class Backups {
    static final String FORMAT = "hotfix-log-archive";
    static final int FORMAT_VERSION = 1;
    /**
     * The largest attachment a log may take (the configuration refuses more): every archive must restore, and a
     * file is one line of it ({@link BoundedLines}).
     */
    public static final long MAX_ATTACHMENT_BYTES = 64L << 20;

    private final Database db;
    private final Clock clock;

    public Backups(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes the log's archive to {@code out} (closing it) and returns its manifest. */
    public Manifest backup(OutputStream out) {
        return new ArchiveWriter(db, clock).write(out, true);
    }

    /** Reads an archive through and checks every table against its own hash and the manifest; needs no log. */
    public static Manifest verify(InputStream in) {
        return ArchiveVerifier.verify(in);
    }

    /**
     * Restores an archive into this log, which must be empty and at the archive's schema version: all of it,
     * verified against its manifest, or nothing ({@link ArchiveRestore#restore}).
     */
    public Manifest restore(InputStream in) {
        return new ArchiveRestore(db, clock).restore(in, "restore");
    }

    /**
     * Refuses a log that a restore or copy began to fill and did not finish (killed, or its machine lost): nothing
     * of it was kept, and a log that opened empty would look new. Only a restore or copy into it goes on.
     */
    public void refuseIfUnfinished() {
        new ArchiveRestore(db, clock).refuseIfUnfinished();
    }

    /** The manifest of this log as it is now (one snapshot). */
    public Manifest manifest() {
        return new LogManifest(db).now();
    }

    /**
     * Copies this log into another, empty one (created at the same schema version by its own migrations, on
     * either database), verified against the archive's manifest in the target's own transaction ({@link LogCopy}).
     * An interrupted copy commits nothing, so the target is left empty.
     */
    public Manifest copyTo(Database target) {
        return new LogCopy(db, clock).copyTo(target);
    }

    /**
     * Keeps an archive of a log about to be migrated from {@code fromVersion} (HOTFIX_BACKUP_BEFORE_MIGRATION=always,
     * for PostgreSQL: a SQLite log is copied whole by the store): {@code hotfix-v<from>-<when>.archive} in
     * {@code folder}, the newest three kept ({@link PreMigrationArchive}).
     */
    public static void keepBeforeMigrating(Database log, int fromVersion, Path folder, Clock clock) {
        PreMigrationArchive.keep(log, fromVersion, folder, clock);
    }
}
