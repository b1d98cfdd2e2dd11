package dev.hotfixlog.backup;

import dev.hotfixlog.error.ConflictException;
import dev.hotfixlog.error.StorageException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.MultiRowInsert;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;

/**
 * A restore into an empty log at the archive's schema version, in one transaction, checked against the archive's
 * manifest before it commits: it either restores all of it, verified, or nothing. A copy ends in one too.
 */
final class ArchiveRestore {
    /** A table every start writes from the configuration (the team's field definitions); the archive's win. */
    private static final String DEFINITIONS = "field_definition";

    private final Database db;
    private final Clock clock;
    private final ArchiveTablesRepository catalogue = new ArchiveTablesRepository();
    private final RestoreRepository repo = new RestoreRepository();
    private final KeySetAsideRepository setAside = new KeySetAsideRepository();
    private final LogManifest manifests;

    ArchiveRestore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.manifests = new LogManifest(db);
    }

    /**
     * Restores an archive into this log, which must be empty and at the archive's schema version. One transaction:
     * every row with its real type, id counters and sequences set past the highest id, then the restored tables
     * are read back and compared with the manifest; any difference undoes it all. Before it, the log is marked as
     * being restored into ({@code kind}: a restore or a copy), in a transaction of its own, and the mark goes with
     * the restore's commit (or after a clean failure): a restore killed halfway leaves a log that is refused as
     * unusable ({@link #refuseIfUnfinished}), not one that opens empty as if it were new.
     */
    Manifest restore(InputStream in, String kind) {
        Manifest fresh = LogManifest.ofFreshLog();
        db.write(h -> {
            seededTables(h, tablesOf(h), fresh);
            repo.markUnfinished(h, kind, clock.instant().toString());
            return null;
        });
        try {
            return db.write(h -> {
                try {
                    List<TableShape> tables = catalogue.tables(h);
                    Map<String, TableShape> byName = new LinkedHashMap<>();
                    tables.forEach(t -> byName.put(t.name(), t));
                    for (TableShape t : seededTables(h, tables, fresh)) {
                        repo.clear(h, t);
                    }
                    Manifest m;
                    try (MultiRowInsert.Statements statements = new MultiRowInsert.Statements(h)) {
                        m = restoreInto(h, in, tables, byName, catalogue.schemaVersion(h), statements);
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
                db.write(
                        h -> { // rolled back: the log is as empty as it was, and usable again
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
    private List<TableShape> tablesOf(Handle h) {
        try {
            return catalogue.tables(h);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TableShape> seededTables(Handle h, List<TableShape> tables, Manifest fresh) {
        try {
            Map<String, TableShape> byName = new LinkedHashMap<>();
            tables.forEach(t -> byName.put(t.name(), t));
            Map<String, Long> content = new LinkedHashMap<>();
            List<TableShape> seeded = new ArrayList<>();
            manifests.of(h, tables, catalogue.schemaVersion(h)).tables().forEach((name, sum) -> {
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
    void refuseIfUnfinished() {
        db.read(h -> repo.unfinished(h)).ifPresent(u -> {
            throw new StorageException(
                    "this log is unusable: a " + u[0] + " into it, started " + u[1] + ", did not "
                            + "finish (nothing of it was kept). Run the " + u[0] + " again ("
                            + (u[0].equals("copy") ? "hotfix copy --to this log" : "hotfix restore FILE")
                            + "), or start from a new, empty log",
                    null);
        });
    }

    private Manifest restoreInto(
            Handle h,
            InputStream in,
            List<TableShape> tables,
            Map<String, TableShape> byName,
            int target,
            MultiRowInsert.Statements statements)
            throws Exception {
        Manifest[] stated = new Manifest[1];
        Map<String, Manifest.TableSum> restored = new LinkedHashMap<>();
        RestoreRepository.TableWriter[] open = new RestoreRepository.TableWriter[1];
        int version;
        KeySetAsideRepository.Deferred deferred = setAside.deferChecks(h, db.dialect(), tables);
        try {
            version = ArchiveReader.read(in, new ArchiveReader.Listener() {
                @Override
                public void table(String name, List<TableShape.Column> columns) {
                    TableShape shape = byName.get(name);
                    if (shape == null || !shape.columns().equals(columns)) {
                        throw ValidationException.of(
                                "archive",
                                "table " + name + " is not the same in this log ("
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
                        throw ValidationException.of(
                                "archive",
                                "was taken at schema version " + schemaVersion + "; this log is at " + target
                                        + ": restore with the release that took it");
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
        Manifest back = manifests.of(h, tables, version);
        if (!back.equals(stated[0])) {
            throw new IllegalStateException("the restored log does not read back as the archive: "
                    + ArchiveVerifier.difference(stated[0], back) + "; nothing was restored");
        }
        return back;
    }

    /** A database call inside the archive reader's callbacks, its SQLException carried out unchecked. */
    private static <T> T unchecked(Callable<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StorageException("could not restore a table: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
