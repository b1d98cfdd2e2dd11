package dev.hotfixlog.store;

import dev.hotfixlog.error.BusyException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Decides which database failures are worth running the same transaction again for: SQLite's "busy" (another
 * process holds the write lock longer than the busy timeout) and PostgreSQL's serialization failure and
 * deadlock. A user should never see one of these; they are load, not errors.
 */
final class Retry {
    static final int MAX_ATTEMPTS = 8;
    /**
     * How long one write may spend being retried before it is answered busy (503, Retry-After): the bound on a
     * declaration waiting behind another process's writes, with each attempt waiting at most SQLite's busy timeout.
     */
    static final long PATIENCE_NANOS = 15_000_000_000L;

    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");

    private Retry() {}

    static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException e) {
                SQLiteErrorCode code = e.getResultCode();
                // SQLITE_PROTOCOL: WAL's lock dance lost too many races with other processes; transient like a busy.
                return code == SQLiteErrorCode.SQLITE_BUSY
                        || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT
                        || code == SQLiteErrorCode.SQLITE_LOCKED
                        || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY
                        || code == SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE
                        || code == SQLiteErrorCode.SQLITE_PROTOCOL
                        || code == SQLiteErrorCode.SQLITE_BUSY_TIMEOUT;
            }
            if (c instanceof SQLException e
                    && e.getSQLState() != null
                    && RETRYABLE_SQL_STATES.contains(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a transaction that met a transient conflict on attempt {@code attempt} runs again. */
    static boolean again(Throwable e, int attempt, long startNanos) {
        return isTransient(e) && attempt < MAX_ATTEMPTS && System.nanoTime() - startNanos < PATIENCE_NANOS;
    }

    /** What a caller is told when conflicts outlasted the retries: busy, retry later; nothing was stored. */
    static BusyException busy(Throwable e) {
        BusyException busy = new BusyException("the database is busy with other writers (another process holds its "
                + "lock); nothing of this request was stored, so send it again in a few seconds");
        busy.initCause(e);
        return busy;
    }

    /** Back-off before attempt {@code attempt} (1-based): 5, 10, 20 … ms with jitter, capped at 500 ms. */
    static long backoffMillis(int attempt) {
        long base = Math.min(500, 5L << Math.min(attempt, 7));
        return base / 2 + (long) (Math.random() * base / 2);
    }

    /** True where the database could not be reached at all (connection refused, pool timed out). */
    static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException e
                    && e.getSQLState() != null
                    && e.getSQLState().startsWith("08")) {
                return true;
            }
            if (c instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
