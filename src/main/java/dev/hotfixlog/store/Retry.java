package dev.hotfixlog.store;

import java.sql.SQLException;
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
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40001", "40P01");

    private Retry() {
    }

    static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException e) {
                SQLiteErrorCode code = e.getResultCode();
                return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT
                        || code == SQLiteErrorCode.SQLITE_LOCKED || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY;
            }
            if (c instanceof SQLException e && e.getSQLState() != null
                    && RETRYABLE_SQL_STATES.contains(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Back-off before attempt {@code attempt} (1-based): 5, 10, 20 … ms with jitter, capped at 500 ms. */
    static long backoffMillis(int attempt) {
        long base = Math.min(500, 5L << Math.min(attempt, 7));
        return base / 2 + (long) (Math.random() * base / 2);
    }

    /** True where the database could not be reached at all (connection refused, pool timed out). */
    static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                return true;
            }
            if (c instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
