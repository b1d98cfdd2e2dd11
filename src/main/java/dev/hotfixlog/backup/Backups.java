package dev.hotfixlog.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.StorageException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.MultiRowInsert;
import dev.hotfixlog.work.Threads;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The portable archive of a log: gzip'd JSON lines, the same for SQLite and PostgreSQL. A header (format,
 * schema version, when, from which database), then each table, parents first: its columns with their portable
 * types, its rows in key order as arrays of typed values, and its row count and SHA-256; last the manifest.
 * A backup reads every table in one snapshot (one read transaction: PostgreSQL's REPEATABLE READ, SQLite's
 * WAL snapshot), so writers running meanwhile cannot tear it. A restore goes into an empty log at the same schema
 * version, in one transaction, and checks the restored rows against the manifest before it commits: it either
 * restores all of it, verified, or nothing. Texts are as redacted as they are in the database.
 */
public final class Backups {
    static final String FORMAT = "hotfix-log-archive";
    static final int FORMAT_VERSION = 1;
    private static final int BATCH = 500;
    /**
     * The largest attachment a log may take (the configuration refuses more): every archive must restore, and a
     * file is one line of it ({@link BoundedLines}).
     */
    public static final long MAX_ATTACHMENT_BYTES = 64L << 20;
    /** A restore's rows are written at most this many characters of lines at a time (attachments are large). */
    private static final long BATCH_CHARS = 8L << 20;
    private final Database db;
    private final Clock clock;
    private final ArchiveRepository repo = new ArchiveRepository();

    public Backups(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes the log's archive to {@code out} (closing it) and returns its manifest. */
    public Manifest backup(OutputStream out) {
        return backup(out, true);
    }

    /**
     * Uncompressed only for a copy's stream between two logs, which never touches a disk. This thread reads the
     * snapshot's rows; another writes their lines (text, hash, gzip) in the same order, {@link #ROWS_AHEAD} rows
     * at a time: the two overlap, and the archive's stream is only ever written by that one thread.
     */
    private Manifest backup(OutputStream out, boolean gzip) {
        return db.read(h -> {
            ArchiveLines lines = new ArchiveLines();
            try (InOrder writer = new InOrder("hotfix-backup-write", BYTES_AHEAD)) {
                int version = repo.schemaVersion(h);
                ObjectNode header = Json.object().put("archive", FORMAT).put("format", FORMAT_VERSION)
                        .put("schemaVersion", version).put("takenAt", clock.instant().toString())
                        .put("from", db.dialect().name().toLowerCase(java.util.Locale.ROOT));
                writer.run(() -> lines.open(out, gzip, header));
                for (TableShape t : repo.tables(h)) {
                    writer.run(() -> lines.startTable(t));
                    List<List<Object[]>> batch = new ArrayList<>(List.of(new ArrayList<>(ROWS_AHEAD)));
                    long[] weight = {0};
                    repo.each(h, db.dialect(), t, row -> {
                        batch.get(0).add(row);
                        weight[0] += weight(row);
                        if (batch.get(0).size() == ROWS_AHEAD || weight[0] >= BYTES_AHEAD / 8) {
                            List<Object[]> rows = batch.set(0, new ArrayList<>(ROWS_AHEAD));
                            writer.run(() -> lines.rows(rows), weight[0]);
                            weight[0] = 0;
                        }
                    });
                    List<Object[]> rest = batch.get(0);
                    writer.run(() -> lines.rows(rest), weight[0]);
                    writer.run(() -> lines.endTable(t));
                }
                writer.run(() -> lines.finish(version));
                writer.drain();
                return lines.manifest;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the archive: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                lines.closeQuietly(); // the writing thread has ended: a failed archive is closed here, unfinished
            }
        });
    }

    /** Rows handed to the writing thread at a time, fewer when they weigh an eighth of {@link #BYTES_AHEAD}. */
    private static final int ROWS_AHEAD = 256;
    /** How much the rows read and not yet written may weigh together (a row heavier than this goes alone). */
    private static final long BYTES_AHEAD = 16L << 20;

    /** About what a row holds in memory, in bytes: its texts' lengths and its bytes. */
    private static long weight(Object[] row) {
        long w = 16L * row.length;
        for (Object v : row) {
            if (v instanceof String t) {
                w += t.length();
            } else if (v instanceof byte[] b) {
                w += b.length;
            }
        }
        return w;
    }

    /** The writing side of a backup: touched by its writing thread only, then read once that thread has ended. */
    private static final class ArchiveLines {
        private final Map<String, Manifest.TableSum> sums = new LinkedHashMap<>();
        private final RowLine text = new RowLine();
        private OutputStream w;
        private Hash hash;
        private Manifest manifest;

        void open(OutputStream out, boolean gzip, ObjectNode header) throws IOException {
            w = new java.io.BufferedOutputStream(gzip ? fastGzip(out) : out, 1 << 16);
            line(w, header);
        }

        void startTable(TableShape t) throws IOException {
            ObjectNode head = Json.object().put("table", t.name());
            ArrayNode columns = head.putArray("columns");
            t.columns().forEach(c -> columns.addArray().add(c.name()).add(c.type().json()));
            line(w, head);
            hash = new Hash();
        }

        void rows(List<Object[]> rows) throws IOException {
            for (Object[] row : rows) {
                text.write(row, (b, off, len) -> {
                    hash.update(b, off, len);
                    w.write(b, off, len);
                });
                hash.endRow();
                w.write('\n');
            }
        }

        void endTable(TableShape t) throws IOException {
            Manifest.TableSum sum = hash.sum();
            sums.put(t.name(), sum);
            line(w, Json.object().put("end", t.name()).put("rows", sum.rows()).put("sha256", sum.sha256()));
        }

        void finish(int version) throws IOException {
            Manifest m = new Manifest(version, sums);
            line(w, Json.object().set("manifest", m.json()));
            OutputStream whole = w;
            w = null;
            whole.close();
            manifest = m;
        }

        void closeQuietly() {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // the backup already failed with the reason that matters
                }
            }
        }
    }

    /** Reads an archive through and checks every table against its own hash and the manifest; needs no log. */
    public static Manifest verify(InputStream in) {
        Map<String, Manifest.TableSum> seen = new LinkedHashMap<>();
        Manifest[] stated = new Manifest[1];
        int version = read(in, new Reader() {
            @Override
            public void table(String name, List<TableShape.Column> columns) {
            }

            @Override
            public void rows(String name, List<Object[]> rows) {
            }

            @Override
            public void end(String name, Manifest.TableSum sum) {
                seen.put(name, sum);
            }

            @Override
            public void manifest(Manifest m) {
                stated[0] = m;
            }
        });
        Manifest actual = new Manifest(version, seen);
        if (stated[0] == null) {
            throw ValidationException.of("archive", "has no manifest: it was cut short");
        }
        if (!stated[0].equals(actual)) {
            throw ValidationException.of("archive", "does not match its manifest: " + difference(stated[0], actual));
        }
        return actual;
    }

    /**
     * Restores an archive into this log, which must be empty and at the archive's schema version. One transaction:
     * every row with its real type, id counters and sequences set past the highest id, then the restored tables
     * are read back and compared with the manifest; any difference undoes it all. Before it, the log is marked as
     * being restored into, in a transaction of its own, and the mark goes with the restore's commit (or after a
     * clean failure): a restore killed halfway leaves a log that is refused as unusable
     * ({@link #refuseIfUnfinished}), not one that opens empty as if it were new.
     */
    public Manifest restore(InputStream in) {
        return restore(in, "restore");
    }

    private Manifest restore(InputStream in, String kind) {
        Manifest fresh = freshLog(clock);
        db.write(h -> {
            seededTables(h, tablesOf(h), fresh);
            repo.markUnfinished(h, kind, clock.instant().toString());
            return null;
        });
        try {
            return db.write(h -> {
                try {
                    List<TableShape> tables = repo.tables(h);
                    Map<String, TableShape> byName = new LinkedHashMap<>();
                    tables.forEach(t -> byName.put(t.name(), t));
                    for (TableShape t : seededTables(h, tables, fresh)) {
                        repo.clear(h, t);
                    }
                    Manifest m;
                    try (MultiRowInsert.Statements statements = new MultiRowInsert.Statements(h)) {
                        m = restoreInto(h, in, tables, byName, repo.schemaVersion(h), statements);
                    }
                    repo.clearUnfinished(h);
                    return m;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            try {
                db.write(h -> { // rolled back: the log is as empty as it was, and usable again
                    repo.clearUnfinished(h);
                    return null;
                });
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed); // the database itself failed: the mark stays, which is the truth
            }
            throw e;
        }
    }

    /**
     * The tables of an empty log that hold rows all the same, to be cleared before a restore; a log with content
     * is refused. Empty means: reads the same as a log just made by the migrations (their seeded counters), give
     * or take the team's field definitions, which every start writes from the configuration.
     */
    private List<TableShape> tablesOf(org.jdbi.v3.core.Handle h) {
        try {
            return repo.tables(h);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TableShape> seededTables(org.jdbi.v3.core.Handle h, List<TableShape> tables, Manifest fresh) {
        try {
            Map<String, TableShape> byName = new LinkedHashMap<>();
            tables.forEach(t -> byName.put(t.name(), t));
            Map<String, Long> content = new LinkedHashMap<>();
            List<TableShape> seeded = new ArrayList<>();
            manifest(h, tables, repo.schemaVersion(h)).tables().forEach((name, sum) -> {
                if (sum.rows() == 0) {
                    return;
                }
                if (name.equals(DEFINITIONS) || sum.equals(fresh.tables().get(name))) {
                    seeded.add(byName.get(name));
                } else {
                    content.put(name, sum.rows());
                }
            });
            if (!content.isEmpty()) {
                throw new ConflictException("the log to restore into is not empty (" + content + "); restore "
                        + "into a new, empty log (a new HOTFIX_DATA_DIR, or an empty PostgreSQL database)");
            }
            return seeded;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses a log that a restore or copy began to fill and did not finish (killed, or its machine lost): nothing
     * of it was kept, and a log that opened empty would look new. Only a restore or copy into it goes on.
     */
    public void refuseIfUnfinished() {
        db.read(h -> repo.unfinished(h)).ifPresent(u -> {
            throw new StorageException("this log is unusable: a " + u[0] + " into it, started " + u[1] + ", did not "
                    + "finish (nothing of it was kept). Run the " + u[0] + " again ("
                    + (u[0].equals("copy") ? "hotfix copy --to this log" : "hotfix restore FILE")
                    + "), or start from a new, empty log", null);
        });
    }

    private Manifest restoreInto(org.jdbi.v3.core.Handle h, InputStream in, List<TableShape> tables,
                                 Map<String, TableShape> byName, int target, MultiRowInsert.Statements statements)
            throws Exception {
        Manifest[] stated = new Manifest[1];
        Map<String, Manifest.TableSum> restored = new LinkedHashMap<>();
        ArchiveRepository.TableWriter[] open = new ArchiveRepository.TableWriter[1];
        int version;
        ArchiveRepository.Deferred deferred = repo.deferChecks(h, db.dialect(), tables);
        try {
            version = read(in, new Reader() {
                @Override
                public void table(String name, List<TableShape.Column> columns) {
                    TableShape shape = byName.get(name);
                    if (shape == null || !shape.columns().equals(columns)) {
                        throw ValidationException.of("archive", "table " + name + " is not the same in this log ("
                                + (shape == null ? "missing" : shape.columns()) + " vs " + columns + ")");
                    }
                    open[0] = unchecked(() -> repo.writer(h, db.dialect(), shape, statements));
                }

                @Override
                public void rows(String name, List<Object[]> rows) {
                    unchecked(() -> {
                        open[0].write(rows);
                        return null;
                    });
                }

                @Override
                public void end(String name, Manifest.TableSum sum) {
                    unchecked(() -> {
                        open[0].close();
                        return null;
                    });
                    open[0] = null;
                    restored.put(name, sum);
                }

                @Override
                public void manifest(Manifest m) {
                    stated[0] = m;
                }

                @Override
                public void header(int schemaVersion) {
                    if (schemaVersion != target) {
                        throw ValidationException.of("archive", "was taken at schema version " + schemaVersion
                                + "; this log is at " + target + ": restore with the release that took it");
                    }
                }
            });
        } finally {
            if (open[0] != null) {
                open[0].abandon(); // a table cut short: its rows go with the rolled-back transaction
            }
        }
        deferred.close();
        repo.forgetDerived(h);
        if (stated[0] == null || !stated[0].equals(new Manifest(version, restored))) {
            throw ValidationException.of("archive", "does not match its manifest, or was cut short");
        }
        repo.resetSequences(h, db.dialect(), tables);
        Manifest back = manifest(h, tables, version);
        if (!back.equals(stated[0])) {
            throw new IllegalStateException("the restored log does not read back as the archive: "
                    + difference(stated[0], back) + "; nothing was restored");
        }
        return back;
    }

    /**
     * Copies this log into another, empty one (created at the same schema version by its own migrations, on
     * either database): this log's archive, streamed as it is written into its restore there (one thread reads
     * this log while the caller's writes the target: bench/copy.sh), verified against the archive's manifest in
     * the target's own transaction. An interrupted copy commits nothing, so the target is left empty.
     */
    public Manifest copyTo(Database target) {
        java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 20);
        java.util.concurrent.CompletableFuture<Manifest> taken = new java.util.concurrent.CompletableFuture<>();
        Thread reader;
        try {
            java.io.PipedOutputStream out = new java.io.PipedOutputStream(in);
            reader = Threads.daemon("hotfix-copy-read", () -> {
                try {
                    taken.complete(backup(out, false));
                } catch (Throwable e) {
                    taken.completeExceptionally(e);
                    try {
                        out.close(); // the restore then reads an archive cut short and commits nothing
                    } catch (IOException ignored) {
                        // already closed by the failed backup
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader.start();
        Manifest copied;
        try (in) {
            copied = new Backups(target, clock).restore(in, "copy");
        } catch (RuntimeException e) {
            Throwable first = taken.isCompletedExceptionally() ? taken.handle((m, t) -> t).join() : null;
            if (first instanceof RuntimeException r) {
                r.addSuppressed(e);
                throw r; // the read side's failure is the cause; the restore's is what it looked like
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Manifest original = taken.join();
        if (!copied.equals(original)) {
            throw new IllegalStateException("the copy does not read back as the original: "
                    + difference(original, copied));
        }
        return copied;
    }

    /**
     * Keeps an archive of a log about to be migrated from {@code fromVersion} (HOTFIX_BACKUP_BEFORE_MIGRATION=always,
     * for PostgreSQL: a SQLite log is copied whole by the store): {@code hotfix-v<from>-<when>.archive} in
     * {@code folder}, the newest three kept. It restores with the release that wrote that version.
     */
    public static void keepBeforeMigrating(Database log, int fromVersion, java.nio.file.Path folder, Clock clock) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(clock.instant());
        java.nio.file.Path file = folder.resolve("hotfix-v" + fromVersion + "-" + stamp + ".archive");
        try {
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Path partial = folder.resolve(file.getFileName() + ".partial");
            try (OutputStream out = java.nio.file.Files.newOutputStream(partial)) {
                new Backups(log, clock).backup(out);
            }
            java.nio.file.Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("Migrating the log from schema version {}; its archive as it was is {}", fromVersion, file);
            Database.keepNewest(folder, "hotfix-v\\d+-[0-9-]+\\.archive", 3);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep an archive of the log in " + folder + " before migrating it "
                    + "(nothing was migrated): " + e.getMessage(), e);
        }
    }

    /** A database call inside the archive reader's callbacks, its SQLException carried out unchecked. */
    private static <T> T unchecked(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (java.sql.SQLException e) {
            throw new dev.hotfixlog.error.StorageException("could not restore a table: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Backups.class);

    /** A table every start writes from the configuration (the team's field definitions); the archive's win. */
    private static final String DEFINITIONS = "field_definition";

    /** What a log holds right after its migrations: a new SQLite log in a scratch folder, read and removed. */
    static Manifest freshLog(Clock clock) {
        java.nio.file.Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("hotfix-fresh-");
            try (Database fresh = Database.open("jdbc:sqlite:" + dir.resolve("fresh.db"), "", "", 1)) {
                return new Backups(fresh, clock).manifest();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a scratch log to compare with: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a scratch folder in the temp directory
                }
            }
        }
    }

    /** The manifest of this log as it is now (one snapshot). */
    public Manifest manifest() {
        return db.read(h -> {
            try {
                return manifest(h, repo.tables(h), repo.schemaVersion(h));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Manifest manifest(org.jdbi.v3.core.Handle h, List<TableShape> tables, int version) throws Exception {
        Map<String, Manifest.TableSum> sums = new LinkedHashMap<>();
        RowLine text = new RowLine();
        for (TableShape t : tables) {
            Hash hash = new Hash();
            repo.each(h, db.dialect(), t, row -> {
                text.write(row, hash::update);
                hash.endRow();
            });
            sums.put(t.name(), hash.sum());
        }
        return new Manifest(version, sums);
    }

    private static String difference(Manifest expected, Manifest actual) {
        List<String> out = new ArrayList<>();
        if (expected.schemaVersion() != actual.schemaVersion()) {
            out.add("schema version " + expected.schemaVersion() + " vs " + actual.schemaVersion());
        }
        java.util.Set<String> names = new java.util.TreeSet<>(expected.tables().keySet());
        names.addAll(actual.tables().keySet());
        for (String n : names) {
            Manifest.TableSum a = expected.tables().get(n);
            Manifest.TableSum b = actual.tables().get(n);
            if (!Objects.equals(a, b)) {
                out.add(n + ": " + (a == null ? "absent" : a.rows() + " rows") + " vs "
                        + (b == null ? "absent" : b.rows() + " rows") + (a != null && b != null
                        && a.rows() == b.rows() ? " (other content)" : ""));
            }
        }
        return String.join("; ", out);
    }

    /** What an archive's reader is told, in file order. */
    private interface Reader {
        default void header(int schemaVersion) {
        }

        void table(String name, List<TableShape.Column> columns);

        void rows(String name, List<Object[]> rows);

        void end(String name, Manifest.TableSum sum);

        void manifest(Manifest m);
    }

    /** Reads the archive line by line, checking each table's rows against its own count and hash. */
    private static int read(InputStream in, Reader reader) {
        try (BoundedLines r = new BoundedLines(new InputStreamReader(gunzipped(in), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            JsonNode header = first == null ? Json.object() : parse(first, 1);
            if (!FORMAT.equals(header.path("archive").asText()) || header.path("format").asInt() != FORMAT_VERSION) {
                throw ValidationException.of("archive", "is not a Hotfix Log archive (format " + FORMAT_VERSION
                        + ")");
            }
            int version = header.path("schemaVersion").asInt();
            reader.header(version);
            String table = null;
            List<TableShape.Column> columns = null;
            List<Object[]> batch = new ArrayList<>();
            long batchChars = 0;
            Hash hash = null;
            long lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.startsWith("[")) {
                    if (table == null) {
                        throw ValidationException.of("archive", "line " + lineNo + ": a row outside any table");
                    }
                    Object[] values = typed(line, columns, lineNo);
                    hash.add(line); // as written: the values' RowLine (the restore's read-back checks them)
                    batch.add(values);
                    batchChars += line.length();
                    if (batch.size() == BATCH || batchChars >= BATCH_CHARS) {
                        reader.rows(table, batch);
                        batch = new ArrayList<>();
                        batchChars = 0;
                    }
                    continue;
                }
                JsonNode o = parse(line, lineNo);
                if (o.has("table")) {
                    table = o.path("table").asText();
                    columns = new ArrayList<>();
                    for (JsonNode c : o.path("columns")) {
                        columns.add(new TableShape.Column(c.path(0).asText(), TableShape.Type.parse(c.path(1).asText())));
                    }
                    hash = new Hash();
                    reader.table(table, columns);
                } else if (o.has("end")) {
                    if (table == null || !table.equals(o.path("end").asText())) {
                        throw ValidationException.of("archive", "line " + lineNo + ": the end of a table never begun");
                    }
                    if (!batch.isEmpty()) {
                        reader.rows(table, batch);
                        batch = new ArrayList<>();
                        batchChars = 0;
                    }
                    Manifest.TableSum sum = hash.sum();
                    Manifest.TableSum said = new Manifest.TableSum(o.path("rows").asLong(), o.path("sha256").asText());
                    if (!sum.equals(said)) {
                        throw ValidationException.of("archive", "table " + table + " (line " + lineNo + "): its rows do "
                                + "not match their count and hash (" + sum.rows() + " rows read, " + said.rows()
                                + " written)");
                    }
                    reader.end(table, sum);
                    table = null;
                } else if (o.has("manifest")) {
                    reader.manifest(Manifest.read(o.path("manifest")));
                } else {
                    throw ValidationException.of("archive", "line " + lineNo + ": not a line of an archive");
                }
            }
            if (table != null) {
                throw ValidationException.of("archive", "was cut short inside table " + table);
            }
            return version;
        } catch (IOException e) {
            throw ValidationException.of("archive", "cannot be read: " + e.getMessage());
        }
    }

    /** The archive's bytes: gzip'd as a backup writes them, or plain as a copy streams them. */
    private static InputStream gunzipped(InputStream in) throws IOException {
        java.io.BufferedInputStream b = new java.io.BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int first = b.read();
        int second = b.read();
        b.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
    }

    /** One line of the archive as JSON, or an error naming the line. */
    private static JsonNode parse(String line, long lineNo) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw ValidationException.of("archive", "line " + lineNo + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * A row's values with the types its table's header says, or an error naming the line and column. Read with
     * Jackson's streaming parser, no tree: a copy reads every row of the log once more here.
     */
    private static Object[] typed(String line, List<TableShape.Column> columns, long lineNo) {
        Object[] out = new Object[columns.size()];
        try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                throw ValidationException.of("archive", "line " + lineNo + " is not a row");
            }
            int i = 0;
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                 t != com.fasterxml.jackson.core.JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null || i == out.length) {
                    throw ValidationException.of("archive", "line " + lineNo + ": a row that is not "
                            + columns.size() + " values");
                }
                TableShape.Column c = columns.get(i);
                if (t != com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                    out[i] = switch (c.type()) {
                        case INTEGER -> t == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
                                && p.getNumberType() != com.fasterxml.jackson.core.JsonParser.NumberType.BIG_INTEGER
                                ? (Object) p.getLongValue() : null;
                        case REAL -> t.isNumeric() ? (Object) p.getDoubleValue() : null;
                        case BOOLEAN -> t.isBoolean() ? (Object) (t == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE)
                                : null;
                        case TEXT -> t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : null;
                        case BYTES -> t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING
                                ? base64(p, lineNo, c.name()) : null;
                    };
                    if (out[i] == null) {
                        throw ValidationException.of("archive", "line " + lineNo + ": " + c.name() + " is not "
                                + c.type().json());
                    }
                }
                i++;
            }
            if (i != out.length) {
                throw ValidationException.of("archive", "line " + lineNo + ": a row of " + i + " values for "
                        + columns.size() + " columns");
            }
            if (p.nextToken() != null) {
                throw ValidationException.of("archive", "line " + lineNo + ": more after the row");
            }
        } catch (IOException e) {
            throw ValidationException.of("archive", "line " + lineNo + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }

    /**
     * An attachment's bytes, decoded by the parser from its input as it reads the string (standard base64 with
     * padding, as written): the text of a 10 MB file is never made into a string of its own.
     */
    private static byte[] base64(com.fasterxml.jackson.core.JsonParser p, long lineNo, String column) {
        try {
            return p.getBinaryValue(com.fasterxml.jackson.core.Base64Variants.MIME_NO_LINEFEEDS);
        } catch (IOException | IllegalArgumentException e) {
            throw ValidationException.of("archive", "line " + lineNo + ": " + column + " is not base64 bytes");
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * gzip at its fastest level: measured on a 450,000-row log (bench/backup.sh), the default level made the backup
     * 40% slower (2.25 s against 1.60 s) for an archive a fifth smaller (8.0 MB against 10.1 MB).
     */
    private static GZIPOutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        };
    }

    private static void line(OutputStream w, ObjectNode o) throws IOException {
        w.write(Json.write(o).getBytes(StandardCharsets.UTF_8));
        w.write('\n');
    }

    /** A table's row count and the SHA-256 of its rows' canonical lines. */
    private static final class Hash {
        private final MessageDigest digest;
        long rows;

        Hash() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private java.nio.charset.CharsetEncoder utf8;
        private java.nio.ByteBuffer chunk;

        /** A row's line as read back from an archive; a long one (an attachment's) is encoded a chunk at a time. */
        void add(String rowText) {
            if (rowText.length() < 1 << 16) {
                digest.update(rowText.getBytes(StandardCharsets.UTF_8));
            } else {
                if (utf8 == null) { // as getBytes(UTF_8): a lone surrogate becomes '?'
                    utf8 = StandardCharsets.UTF_8.newEncoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
                    chunk = java.nio.ByteBuffer.allocate(1 << 16);
                }
                utf8.reset();
                java.nio.CharBuffer in = java.nio.CharBuffer.wrap(rowText);
                java.nio.charset.CoderResult r;
                do {
                    r = utf8.encode(in, chunk, true);
                    digest.update(chunk.array(), 0, chunk.position());
                    chunk.clear();
                } while (r.isOverflow());
                utf8.flush(chunk);
                digest.update(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            endRow();
        }

        /** A piece of the row being written; {@link #endRow} ends it. */
        void update(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        void endRow() {
            digest.update((byte) '\n');
            rows++;
        }

        /** Once: the digest is spent by it. */
        Manifest.TableSum sum() {
            return new Manifest.TableSum(rows, HexFormat.of().formatHex(digest.digest()));
        }
    }
}
