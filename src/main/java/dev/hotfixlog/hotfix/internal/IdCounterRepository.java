package dev.hotfixlog.hotfix.internal;

import org.jdbi.v3.core.Handle;

/**
 * The counter that numbers hotfixes ({@code id_counter}). A number is handed out inside the create's own
 * transaction, so a create that fails gives its number back with everything else.
 */
final class IdCounterRepository {
    /** Hands out the next number; the row lock (PostgreSQL) or write lock (SQLite) keeps it unique. */
    public long nextNumber(Handle h) {
        return h.createQuery("""
                        UPDATE id_counter SET last_value = last_value + 1 WHERE name = 'hotfix'
                        RETURNING last_value""").mapTo(Long.class).one();
    }

    /** Takes the counter row's lock (PostgreSQL) or the write lock (SQLite) until the transaction ends. */
    public void lockNumbers(Handle h) {
        h.createUpdate("UPDATE id_counter SET last_value = last_value WHERE name = 'hotfix'")
                .execute();
    }

    public long lastNumber(Handle h) {
        return h.createQuery("SELECT last_value FROM id_counter WHERE name = 'hotfix'")
                .mapTo(Long.class)
                .one();
    }

    /** After an import that kept its own ids: new ids continue after the highest one there is. */
    public void raiseLastNumber(Handle h, long atLeast) {
        h.createUpdate("UPDATE id_counter SET last_value = :n WHERE name = 'hotfix' AND last_value < :n")
                .bind("n", atLeast)
                .execute();
    }
}
