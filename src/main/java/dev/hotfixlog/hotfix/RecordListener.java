package dev.hotfixlog.hotfix;

import org.jdbi.v3.core.Handle;

/**
 * Told of every write to a record, on every path ({@link RecordChange.Kind}), <em>inside</em> the writer's
 * transaction: what it writes through {@code h} (the notifications' outbox, say) commits or rolls back with the
 * change itself, and an exception it throws undoes the change. It must touch the database only through
 * {@code h}: on SQLite a write may run again after a busy retry, so the same change may be told twice, never
 * half. Register one in {@code App}, in the {@link RecordListeners} handed to the record's service.
 */
@FunctionalInterface
public interface RecordListener {
    void onChange(Handle h, RecordChange change);
}
