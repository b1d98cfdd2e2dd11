package dev.hotfixlog.store;

import org.jdbi.v3.core.Handle;

/**
 * Numbers a feature gives its own things (a lesson's LESSON-7), from the log's sequences: the {@code id_counter}
 * table (V1, a row a sequence: {@code lesson} since V14), taken inside the caller's own transaction. Plumbing, as
 * a database sequence would be: a feature takes its numbers here instead of naming the table in its SQL
 * (support.SqlOwnership fails the tests of a feature that does), and no feature hands the record a handle.
 */
public final class Sequences {
    /** The next lesson number; the row lock (PostgreSQL) or write lock (SQLite) keeps it unique. */
    public long nextLessonNumber(Handle h) {
        return next(h, "lesson");
    }

    private static long next(Handle h, String name) {
        return h.createQuery("""
                        UPDATE id_counter SET last_value = last_value + 1 WHERE name = :name
                        RETURNING last_value""")
                .bind("name", name)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> new IllegalStateException(
                        "no id_counter row '" + name + "': a migration" + " inserts one for each sequence"));
    }
}
