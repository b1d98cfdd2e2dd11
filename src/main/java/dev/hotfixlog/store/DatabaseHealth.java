package dev.hotfixlog.store;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What {@code GET /health} reports about the database: whether it answered, what it is, how fast, and whether it
 * could take a write now ({@code writable} false after a storage failure such as a full disk, for a minute, and
 * whenever the disk has no room or the log is read-only; see {@link #check}).
 */
public record DatabaseHealth(
        boolean up, String product, String version, long latencyMillis, String error, boolean writable) {
    /**
     * Asks the database a trivial question and whether it could take a write now; never throws. Writable means: no
     * write failed for want of storage in the last minute ({@code recentFailure}), and now SQLite's disk has room and
     * its file may be written ({@link DiskRoom}), PostgreSQL is no read-only standby. PostgreSQL's own disk cannot be
     * seen from here: a full one shows as the failed write it causes (issue 31: after a restart on a full disk,
     * health said "up, writable" until someone's declaration failed).
     */
    static DatabaseHealth check(Jdbi reader, Dialect dialect, StorageFailure recentFailure, DiskRoom room) {
        long start = System.nanoTime();
        try (Handle h = reader.open()) {
            boolean readOnly = h.createQuery(
                            dialect == Dialect.POSTGRESQL
                                    ? "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'"
                                    : "SELECT 0")
                    .mapTo(Boolean.class)
                    .one();
            DatabaseMetaData md = h.getConnection().getMetaData();
            StorageFailure failing =
                    recentFailure != null ? recentFailure : readOnly ? StorageFailure.READ_ONLY : room.check();
            return new DatabaseHealth(
                    true,
                    md.getDatabaseProductName(),
                    md.getDatabaseProductVersion(),
                    (System.nanoTime() - start) / 1_000_000,
                    failing == null ? null : failing.message,
                    failing == null);
        } catch (Exception e) {
            return new DatabaseHealth(
                    false,
                    dialect.name().toLowerCase(Locale.ROOT),
                    "",
                    (System.nanoTime() - start) / 1_000_000,
                    Database.rootMessage(e),
                    false);
        }
    }
}
