package dev.hotfixlog.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.sqlite.SQLiteException;

/**
 * The ways storage fails that no retry fixes, named for the person who must act: the disk is full, the database
 * is read-only, or it cannot be reached. Each becomes a 503 problem saying so, and one log line per kind and
 * minute (with the count of those not logged), so 4,500 failed requests do not write 30 MB of stack traces.
 */
enum StorageFailure {
    FULL("the database is full: free disk space where it lives (or raise max_page_count in HOTFIX_DB_URL); "
            + "nothing of this request was stored"),
    READ_ONLY("the database is read-only: check the file's or the server's permissions and mounts; nothing of this "
            + "request was stored"),
    UNREACHABLE("the database cannot be reached or read (I/O error, connection lost); nothing of this request was "
            + "stored");

    private static final long LOG_EVERY_NANOS = 60_000_000_000L;
    final String message;

    StorageFailure(String message) {
        this.message = message;
    }

    /** The kind of {@code t}, or null when it is not a storage failure (a bug, a constraint, a conflict). */
    static StorageFailure of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLiteException s) {
                int primary = s.getResultCode().code & 0xff;
                switch (primary) {
                    case 13: // SQLITE_FULL
                        return FULL;
                    case 8: // SQLITE_READONLY
                        return READ_ONLY;
                    case 10: // SQLITE_IOERR
                    case 14: // SQLITE_CANTOPEN
                        return UNREACHABLE;
                    default:
                        break;
                }
            }
            if (c instanceof SQLException e && e.getSQLState() != null) {
                String state = e.getSQLState();
                if (state.equals("53100") || state.equals("53000")) {
                    return FULL; // disk_full, insufficient_resources
                }
                if (state.equals("25006")) {
                    return READ_ONLY; // read_only_sql_transaction: a standby, or default_transaction_read_only
                }
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
                    return UNREACHABLE; // connection failures, admin shutdown, cannot connect now
                }
            }
        }
        return null;
    }

    /** Logs failures of each kind at most once a minute, with how many were not logged in between. */
    static final class Log {
        private final Logger log;
        private final Map<StorageFailure, AtomicLong> lastLogged = new ConcurrentHashMap<>();
        private final Map<StorageFailure, AtomicLong> unlogged = new ConcurrentHashMap<>();

        Log(Logger log) {
            this.log = log;
        }

        void failed(StorageFailure kind, Throwable cause, long nowNanos) {
            AtomicLong last = lastLogged.computeIfAbsent(kind, k -> new AtomicLong(nowNanos - LOG_EVERY_NANOS));
            AtomicLong skipped = unlogged.computeIfAbsent(kind, k -> new AtomicLong());
            long seen = last.get();
            if (nowNanos - seen >= LOG_EVERY_NANOS && last.compareAndSet(seen, nowNanos)) {
                long more = skipped.getAndSet(0);
                log.error(
                        "storage failure ({}): {}; {}{}",
                        kind.name().toLowerCase(Locale.ROOT),
                        kind.message,
                        Database.rootMessage(cause),
                        more == 0 ? "" : " (" + more + " more since the last such line)");
            } else {
                skipped.incrementAndGet();
            }
        }
    }
}
