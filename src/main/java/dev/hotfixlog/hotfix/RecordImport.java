package dev.hotfixlog.hotfix;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;

/**
 * The door a whole log comes in (and goes out) by: the Markdown import and export, a migration from another tool.
 * The record feature opens the transaction, so its records are written with the same masking and the same
 * {@link RecordListener}s as every other write. The caller's work gets the records' side ({@link Batch}) and, for
 * the rows it keeps itself (a page's extras, a migration's links and cursor), the transaction's handle, handed out
 * the way a listener gets it: what the caller writes through it commits with the records or not at all. Nothing
 * hands the record feature a handle of its own.
 */
public interface RecordImport {
    /**
     * Runs {@code work} as one write transaction: records, the caller's rows and the listeners' rows commit together
     * or not at all. It may run again after a transient conflict, so {@code work} must touch only the database.
     */
    <T> T inOneTransaction(Work<T> work);

    /** Runs {@code work} on one read-only snapshot: an export, or a dry run whose {@link Batch#apply} writes nothing. */
    <T> T inOneSnapshot(Work<T> work);

    /** What the caller does inside the transaction. */
    @FunctionalInterface
    interface Work<T> {
        /**
         * @param records the records' side of the transaction
         * @param own     the transaction's handle, for the caller's own repositories only
         */
        T run(Batch records, Handle own);
    }

    /** The records, inside the transaction {@link RecordImport} opened. */
    interface Batch {
        /** Every record, oldest number first. */
        List<Hotfix> all();

        /** Every record's history, by id, in version order. */
        Map<HotfixId, List<Revision>> histories();

        /**
         * Creates the records the items have and the log does not, updates those that differ (one revision
         * {@code imported} each), and leaves equal ones alone. In a snapshot nothing is written: the outcome says
         * what would happen. Any error leaves the outcome's lists as they would be, and nothing written.
         * With {@code renumber}, an item whose id is taken here by plainly another incident gets a new id; without
         * it, such items are conflicts and nothing is written.
         */
        ImportOutcome apply(List<ImportItem> items, String actor, Instant now, boolean renumber, IntConsumer progress);
    }
}
