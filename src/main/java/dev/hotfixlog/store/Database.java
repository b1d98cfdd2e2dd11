package dev.hotfixlog.store;

import com.google.re2j.Pattern;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.error.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one way features reach the database: pooled connections, the schema migrated on open, and two kinds of
 * transaction ({@link #read} and {@link #write}).
 *
 * <p>SQLite allows one writer at a time. Writers therefore get their own pool of one connection whose
 * transactions begin IMMEDIATE (take the write lock at BEGIN, so two writers never deadlock upgrading a read
 * lock), with a busy timeout for writers in other processes, and {@link #write} runs the work again on a
 * transient "busy". Readers use a separate pool and see a consistent WAL snapshot. PostgreSQL uses one pool;
 * serialization failures and deadlocks are retried the same way.
 *
 * <p>Thread-safe. Every {@code write} is one transaction: if the callback throws, nothing it did is kept.
 */
public final class Database implements AutoCloseable {
    /** The parameters of a JDBC URL, and its password among them (kept out of every message). */
    private static final Pattern URL_PARAMETERS = Pattern.compile("\\?.*$");

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** One attempt's wait for another process's lock; {@link Retry} bounds the attempts (a 503 after 15 s). */
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5_000;

    private static final int SQLITE_READ_POOL_SIZE = 4;
    private static final long CONNECTION_TIMEOUT_MILLIS = 30_000;
    /** The newest migration under db/migration; {@code SchemaVersionTest} keeps the two equal. */
    static final int SCHEMA_VERSION = 33;

    private final Dialect dialect;
    private final String url;
    private final HikariDataSource writePool;
    private final HikariDataSource readPool;
    private final Jdbi writer;
    private final Jdbi reader;
    private final GroupCommitWriter groupCommit;
    private final DiskRoom room;

    private Database(Dialect dialect, String url, HikariDataSource writePool, HikariDataSource readPool) {
        this.dialect = dialect;
        this.url = url;
        this.writePool = writePool;
        this.readPool = readPool;
        this.writer = JdbiPlugins.create(writePool);
        this.reader = readPool == writePool ? writer : JdbiPlugins.create(readPool);
        this.groupCommit = dialect == Dialect.SQLITE ? new GroupCommitWriter(writer) : null;
        this.room = DiskRoom.of(dialect, url);
    }

    /** Opens the database at {@code url}, creating the SQLite file's folder if needed, and migrates the schema. */
    public static Database open(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize, MigrationGuard.NONE);
    }

    /**
     * Told, before the schema of a log that already holds one is migrated, which version it is at: the moment to
     * keep a copy of it (a SQLite log is copied by the store itself).
     */
    @FunctionalInterface
    public interface MigrationGuard {
        MigrationGuard NONE = (db, from) -> {};

        void beforeMigrating(Database db, int fromVersion);
    }

    /** As {@link #open(String, String, String, int)}, telling {@code guard} before an older schema is migrated. */
    public static Database open(String url, String user, String password, int poolSize, MigrationGuard guard) {
        Dialect dialect = Dialect.ofUrl(url);
        try {
            Database db = dialect == Dialect.SQLITE ? openSqlite(url) : openPostgres(url, user, password, poolSize);
            try {
                new SchemaMigration(db, db.url, db.writePool, db.readPool).migrate(user, password, guard);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (HotfixLogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StorageException(
                    "cannot open the database at " + redact(url) + ": " + rootMessage(e)
                            + (dialect == Dialect.POSTGRESQL
                                    ? " (is PostgreSQL running and is HOTFIX_DB_URL right?)"
                                    : ""),
                    e);
        }
    }

    private static Database openSqlite(String url) {
        Path file = sqliteFile(url);
        try {
            if (!url.contains("mode=memory") && !url.contains(":memory:")) {
                PrivateFiles.createFolder(file.toAbsolutePath().getParent());
                PrivateFiles.createFile(file);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the folder for the database file " + file + ": " + e, e);
        }
        HikariDataSource write = sqlitePool(url, "hotfix-sqlite-write", 1, SQLiteConfig.TransactionMode.IMMEDIATE);
        HikariDataSource read =
                sqlitePool(url, "hotfix-sqlite-read", SQLITE_READ_POOL_SIZE, SQLiteConfig.TransactionMode.DEFERRED);
        return new Database(Dialect.SQLITE, url, write, read);
    }

    /** The file of a SQLite URL, without its parameters. */
    static Path sqliteFile(String url) {
        return Path.of(
                URL_PARAMETERS.matcher(url.substring("jdbc:sqlite:".length())).replaceFirst(""));
    }

    private static HikariDataSource sqlitePool(String url, String name, int size, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        cfg.setTransactionMode(mode);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl(url);
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(ds);
        hc.setPoolName(name);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        return new HikariDataSource(hc);
    }

    private static Database openPostgres(String url, String user, String password, int poolSize) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (!user.isEmpty()) {
            hc.setUsername(user);
        }
        if (!password.isEmpty()) {
            hc.setPassword(password);
        }
        hc.setPoolName("hotfix-postgresql");
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // Fail at start-up, not on the first request, when the server is not there.
        hc.setInitializationFailTimeout(CONNECTION_TIMEOUT_MILLIS);
        HikariDataSource pool = new HikariDataSource(hc);
        return new Database(Dialect.POSTGRESQL, url, pool, pool);
    }

    /** How many copies taken before a migration are kept, newest first. */
    static final int KEPT_MIGRATION_BACKUPS = 3;

    /**
     * Deletes all but the newest {@code keep} files of {@code folder} whose names match {@code pattern}: the
     * copies kept before migrations, of SQLite logs here and of PostgreSQL logs' archives by {@code backup}.
     */
    public static void keepNewest(Path folder, String pattern, int keep) throws IOException {
        Pattern names = Pattern.compile(pattern);
        try (var files = Files.list(folder)) {
            List<Path> kept = files.filter(f -> names.matches(f.getFileName().toString()))
                    .sorted(Comparator.comparing((Path f) -> f.toFile().lastModified())
                            .thenComparing(Path::toString)
                            .reversed())
                    .toList();
            for (Path stale : kept.subList(Math.min(keep, kept.size()), kept.size())) {
                Files.deleteIfExists(stale);
            }
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * How many transactions can be under way at once: the PostgreSQL pool's size; on SQLite its readers and its
     * one writer (whose concurrent writes are group-committed, so more writers waiting make bigger groups).
     * What a feature's own pool of workers is sized from, so its work never queues for a connection.
     */
    public int connections() {
        return writePool == readPool
                ? writePool.getMaximumPoolSize()
                : writePool.getMaximumPoolSize() + readPool.getMaximumPoolSize();
    }

    /**
     * Runs {@code work} as one all-or-nothing write, again on a transient busy/serialization failure. On SQLite
     * concurrent writes are group-committed ({@link GroupCommitWriter}): each still stores all or nothing.
     * {@code work} may run more than once, so it must only touch the database.
     */
    public <T> T write(HandleCallback<T, RuntimeException> work) {
        Objects.requireNonNull(work, "work");
        try {
            return writeOnce(work);
        } catch (StorageException e) {
            StorageFailure kind = StorageFailure.of(e);
            if (kind != null) {
                writeFailure = new RecentFailure(kind, System.nanoTime());
            }
            throw e;
        }
    }

    private <T> T writeOnce(HandleCallback<T, RuntimeException> work) {
        if (groupCommit != null) {
            try {
                return groupCommit.write(work);
            } catch (RuntimeException e) {
                throw translate(e);
            }
        }
        return retried(() -> writer.inTransaction(work));
    }

    /** Runs {@code transaction} again on a transient conflict, within {@link Retry}'s bound; busy past it. */
    private <T> T retried(Supplier<T> transaction) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (HotfixLogException e) {
                throw translate(e);
            } catch (RuntimeException e) {
                if (Retry.again(e, attempt, start)) {
                    LOG.debug("transient database conflict, attempt {}: {}", attempt, rootMessage(e));
                    sleep(Retry.backoffMillis(attempt));
                    continue;
                }
                throw translate(e);
            }
        }
    }

    /**
     * The last storage failure of a write, and when. Health reports the log degraded for a minute after it: a small
     * write (an audit line) may still fit on a full disk while a hotfix does not, so one success proves little.
     */
    private record RecentFailure(StorageFailure kind, long atNanos) {
        boolean recent(long nowNanos) {
            return nowNanos - atNanos < DEGRADED_FOR_NANOS;
        }
    }

    private static final long DEGRADED_FOR_NANOS = 60_000_000_000L;
    private volatile RecentFailure writeFailure;
    private final StorageFailure.Log failureLog = new StorageFailure.Log(LOG);

    /**
     * A write that starts from what it reads, and whose write checks that what it read is still so (an
     * {@code UPDATE … WHERE version = …}): on SQLite the read runs on a reader, outside the one writer, which then
     * holds only the statements that write; on PostgreSQL both run in the write's own transaction, one round of
     * BEGIN and COMMIT instead of two.
     */
    public <R, T> T readThenWrite(HandleCallback<R, RuntimeException> read, ThenWrite<R, T> write) {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
        if (groupCommit != null) {
            R was = read(read);
            return write(h -> write.withHandle(h, was));
        }
        return write(h -> write.withHandle(h, read.withHandle(h)));
    }

    /** The write of {@link #readThenWrite}, given what was read. */
    @FunctionalInterface
    public interface ThenWrite<R, T> {
        T withHandle(Handle h, R read);
    }

    /** Runs {@code work} in a read-only transaction that sees one consistent snapshot. */
    public <T> T read(HandleCallback<T, RuntimeException> work) {
        Objects.requireNonNull(work, "work");
        if (dialect == Dialect.POSTGRESQL) {
            return retried(() -> reader.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                h.execute("SET TRANSACTION READ ONLY");
                return work.withHandle(h);
            }));
        }
        // A SQLite reader meets "busy" only when another process is recovering or checkpointing the WAL: brief.
        return retried(() -> reader.inTransaction(work));
    }

    /** Asks the database a trivial question and whether it could take a write now ({@link DatabaseHealth#check}). */
    public DatabaseHealth health() {
        RecentFailure f = writeFailure;
        return DatabaseHealth.check(reader, dialect, f != null && f.recent(System.nanoTime()) ? f.kind() : null, room);
    }

    /**
     * A storage failure (full, read-only, unreachable) becomes the one {@link StorageException} that names it, and
     * one rate-limited log line; another failure of ours passes unchanged; the rest is unavailable or a bug.
     */
    private RuntimeException translate(RuntimeException e) {
        StorageFailure kind = StorageFailure.of(e);
        if (kind != null) {
            if (e instanceof StorageException && kind.message.equals(e.getMessage())) {
                return e; // named already
            }
            failureLog.failed(kind, e, System.nanoTime());
            return new StorageException(kind.message, e);
        }
        if (e instanceof HotfixLogException) {
            return e;
        }
        if (Retry.isTransient(e)) {
            return Retry.busy(e);
        }
        if (Retry.isUnavailable(e)) {
            return new StorageException("the database at " + redact(url) + " is unavailable: " + rootMessage(e), e);
        }
        return e;
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
        writePool.close();
        if (readPool != writePool) {
            readPool.close();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    private static String redact(String url) {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry a database transaction", ie);
        }
    }
}
