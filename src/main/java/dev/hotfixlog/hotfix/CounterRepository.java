package dev.hotfixlog.hotfix;

import org.jdbi.v3.core.Handle;

/**
 * The numbers other features give their own things (a lesson's LESSON-7), handed out by the record's
 * {@code id_counter} (V1, with a row a sequence: {@code lesson} since V14): they take them here, inside their
 * own transaction, instead of naming the record's table (support.SqlOwnership fails the tests of a feature that
 * does).
 */
public final class CounterRepository {
    /** The next lesson number; the row lock (PostgreSQL) or write lock (SQLite) keeps it unique. */
    public long nextLessonNumber(Handle h) {
        return next(h, "lesson");
    }

    private static long next(Handle h, String name) {
        return h.createQuery("""
                        UPDATE id_counter SET last_value = last_value + 1 WHERE name = :name
                        RETURNING last_value""")
                .bind("name", name).mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalStateException("no id_counter row '" + name + "': a migration"
                        + " inserts one for each sequence"));
    }
}
