package dev.hotfixlog.backup;

import dev.hotfixlog.store.Dialect;
import dev.hotfixlog.store.MultiRowInsert;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * The restore's writes: the mark of a restore under way, the rows a fresh log seeded cleared, each table's rows
 * written with their real types (SQLite's multi-row inserts here, PostgreSQL's {@link PostgresCopyWriter}), the
 * derived state forgotten and the sequences set past the highest id.
 */
final class RestoreRepository {
    static final String UNFINISHED = "unfinished_restore";

    /** Marks the log as being restored into, replacing an earlier mark (committed by the caller's transaction). */
    void markUnfinished(Handle h, String kind, String startedAt) {
        h.execute("DELETE FROM " + UNFINISHED);
        h.execute("INSERT INTO " + UNFINISHED + " (id, kind, started_at) VALUES (1, ?, ?)", kind, startedAt);
    }

    void clearUnfinished(Handle h) {
        h.execute("DELETE FROM " + UNFINISHED);
    }

    /** The unfinished restore or copy's kind and start, when the log holds one. */
    Optional<String[]> unfinished(Handle h) {
        return h.createQuery("SELECT kind, started_at FROM " + UNFINISHED)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findFirst();
    }

    /** Removes every row of a table (what a fresh log seeded in it, which the archive brings again). */
    void clear(Handle h, TableShape t) throws SQLException {
        try (Statement st = h.getConnection().createStatement()) {
            st.executeUpdate("DELETE FROM " + t.name());
        }
    }

    /** Where one table's restored rows go, in order; closed when the table's rows are all written. */
    interface TableWriter extends AutoCloseable {
        void write(List<Object[]> rows) throws SQLException;

        /** Ends the table's rows; called once, after the last {@link #write}. */
        @Override
        void close() throws SQLException;

        /** Gives up on the table's rows (the transaction is about to be rolled back). */
        void abandon();
    }

    /**
     * A writer for one table's rows with their real types. PostgreSQL: one {@code COPY … FROM STDIN} per table (in
     * CSV), as {@code pg_restore} and pgloader do; SQLite: {@link MultiRowInsert#ROWS_PER_STATEMENT} rows to a
     * statement. bench/copy.sh: on 30,000 hotfixes, 240-row inserts spent 4.6 s writing PostgreSQL's rows where
     * {@code COPY} spends much less (docs/PERFORMANCE.md).
     */
    TableWriter writer(Handle h, Dialect dialect, TableShape t, MultiRowInsert.Statements statements)
            throws SQLException {
        String columns = String.join(
                ", ", t.columns().stream().map(TableShape.Column::name).toList());
        if (dialect == Dialect.POSTGRESQL) {
            return new PostgresCopyWriter(h.getConnection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + t.name() + " (" + columns + ") FROM STDIN WITH (FORMAT csv)"));
        }
        return new TableWriter() {
            @Override
            public void write(List<Object[]> rows) {
                MultiRowInsert insert = new MultiRowInsert(t.name(), columns);
                rows.forEach(insert::add);
                insert.execute(statements);
            }

            @Override
            public void close() {}

            @Override
            public void abandon() {}
        };
    }

    /**
     * Forgets the derived state a restore cannot carry: the kept metrics months (computed again on their next read)
     * and their version bumped, so a month computed before the restore is never stored after it.
     */
    void forgetDerived(Handle h) throws SQLException {
        try (Statement st = h.getConnection().createStatement()) {
            st.executeUpdate("DELETE FROM metrics_month");
            st.executeUpdate("UPDATE metrics_version SET v = v + 1");
        }
    }

    /**
     * Sets PostgreSQL's identity sequences past the highest id restored, so the next insert gets a fresh one
     * (SQLite's rowid takes the next after the highest by itself).
     */
    void resetSequences(Handle h, Dialect dialect, List<TableShape> tables) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        Connection c = h.getConnection();
        DatabaseMetaData meta = c.getMetaData();
        for (TableShape t : tables) {
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), t.name(), "%")) {
                while (rs.next()) {
                    if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                        String column = rs.getString("COLUMN_NAME");
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT setval(pg_get_serial_sequence('" + t.name() + "', '" + column
                                    + "'), COALESCE(MAX(" + column + "), 1), MAX(" + column + ") IS NOT NULL) FROM "
                                    + t.name());
                        }
                    }
                }
            }
        }
    }
}
