package dev.hotfixlog.backup;

import dev.hotfixlog.store.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The keys, indexes and triggers a PostgreSQL restore sets aside while it loads the rows, and puts back after. */
final class KeySetAsideRepository {
    private static final Logger LOG = LoggerFactory.getLogger(KeySetAsideRepository.class);

    /** What {@link #deferChecks} set aside, put back by {@link #close} before the restore reads its rows back. */
    interface Deferred extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /**
     * PostgreSQL: loads the rows the way {@code pg_restore} does, data first: the restored tables' foreign keys and
     * their indexes that back no constraint are dropped, and their own triggers disabled, until {@link Deferred#close}
     * builds the indexes in bulk, adds the foreign keys back (each checked once, over all its rows) and enables the
     * triggers. All in the restore's transaction, so an interrupted restore leaves the schema as it was. The
     * triggers only keep the kept-metrics months, which the restore forgets as a whole ({@link RestoreRepository#forgetDerived}).
     * bench/copy.sh: per-row foreign-key checks, GIN inserts and metrics triggers were two thirds of a copy's
     * writing. Without the rights to alter the tables (the migrations ran as another role), the rows are loaded
     * with everything on. SQLite: nothing to set aside (its foreign keys are checked per row either way).
     */
    Deferred deferChecks(Handle h, Dialect dialect, List<TableShape> tables) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return () -> {};
        }
        Connection c = h.getConnection();
        Set<String> names = new LinkedHashSet<>();
        tables.forEach(t -> names.add(t.name()));
        List<String[]> keys = new ArrayList<>(); // table, constraint, definition
        List<String[]> indexes = new ArrayList<>(); // index, definition
        try (Statement st = c.createStatement()) {
            // Foreign keys first (they need the keys they point at), then primary keys and unique constraints.
            try (ResultSet rs = st.executeQuery("SELECT t.relname, quote_ident(t.relname), quote_ident(k.conname), "
                    + "pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
                    + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE k.contype IN ('f', 'p', 'u') "
                    + "AND n.nspname = current_schema() ORDER BY k.contype <> 'f', t.relname, k.conname")) {
                while (rs.next()) {
                    if (names.contains(rs.getString(1))) {
                        keys.add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT t.relname, quote_ident(i.relname), "
                    + "pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                    + "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                    + "WHERE n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
                    + "WHERE k.conindid = x.indexrelid) ORDER BY i.relname")) {
                while (rs.next()) {
                    if (names.contains(rs.getString(1))) {
                        indexes.add(new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        Savepoint before = c.setSavepoint();
        try (Statement st = c.createStatement()) {
            for (String[] k : keys) {
                st.execute("ALTER TABLE " + k[0] + " DROP CONSTRAINT " + k[1]);
            }
            for (String[] i : indexes) {
                st.execute("DROP INDEX " + i[0]);
            }
            for (String t : names) {
                st.execute("ALTER TABLE " + t + " DISABLE TRIGGER USER");
            }
        } catch (SQLException e) {
            c.rollback(before); // not the tables' owner: load with every check on, row by row
            LOG.warn(
                    "Restoring row by row with every key, index and trigger on (slower): this database user may not "
                            + "alter the log's tables ({}); restore as the user that ran the migrations to load in bulk",
                    e.getMessage());
            return () -> {};
        }
        return () -> {
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL maintenance_work_mem = '256MB'"); // the index builds sort in memory
                for (String[] k : keys) { // primary keys and unique ones first: the foreign keys point at them
                    if (!k[2].startsWith("FOREIGN KEY")) {
                        st.execute("ALTER TABLE " + k[0] + " ADD CONSTRAINT " + k[1] + " " + k[2]);
                    }
                }
                for (String[] i : indexes) {
                    st.execute(i[1]);
                }
                for (String[] k : keys) {
                    if (k[2].startsWith("FOREIGN KEY")) {
                        st.execute("ALTER TABLE " + k[0] + " ADD CONSTRAINT " + k[1] + " " + k[2]);
                    }
                }
                for (String t : names) {
                    st.execute("ALTER TABLE " + t + " ENABLE TRIGGER USER");
                }
            }
        };
    }
}
