package dev.hotfixlog.hotfix.internal;

import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.ImportItem;
import dev.hotfixlog.hotfix.ImportOutcome;
import dev.hotfixlog.hotfix.RecordImport;
import dev.hotfixlog.hotfix.RecordListeners;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;

/**
 * {@link RecordImport} on the database: this side opens the transaction, runs the bulk operations
 * ({@link HotfixBulk}) in it, and hands the caller the same handle for its own rows.
 */
final class LocalRecordImport implements RecordImport {
    private final Database db;
    private final HotfixBulk bulk;
    private final RevisionRepository revisions = new RevisionRepository();

    /** Made by {@link LocalHotfixService}: one door into the log, with the service's masking and listeners. */
    public LocalRecordImport(Database db, SecretRedactor redactor, RecordListeners listeners, CustomFields custom) {
        this.db = db;
        this.bulk = new HotfixBulk(redactor, listeners, custom);
    }

    @Override
    public <T> T inOneTransaction(Work<T> work) {
        return db.write(h -> work.run(new InTransaction(h, true), h));
    }

    @Override
    public <T> T inOneSnapshot(Work<T> work) {
        return db.read(h -> work.run(new InTransaction(h, false), h));
    }

    /** The records' side of one transaction; {@code write} false in a snapshot, where nothing is written. */
    private final class InTransaction implements Batch {
        private final Handle h;
        private final boolean write;

        InTransaction(Handle h, boolean write) {
            this.h = h;
            this.write = write;
        }

        @Override
        public List<Hotfix> all() {
            return bulk.all(h);
        }

        @Override
        public Map<HotfixId, List<Revision>> histories() {
            return revisions.allHistories(h);
        }

        @Override
        public ImportOutcome apply(
                List<ImportItem> items, String actor, Instant now, boolean renumber, IntConsumer progress) {
            return bulk.apply(h, items, actor, now, write, renumber, progress);
        }
    }
}
