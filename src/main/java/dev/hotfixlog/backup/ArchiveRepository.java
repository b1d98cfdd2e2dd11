package dev.hotfixlog.backup;

import dev.hotfixlog.store.Dialect;
import dev.hotfixlog.store.MultiRowInsert;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The archive's SQL: every table of the log, found from the database's own catalogue (so a table a migration adds
 * is archived without an edit here), read in key order and written back in foreign-key order. Derived tables
 * are left out: the search index (rebuilt by the target's own triggers or generated columns), the kept metrics
 * months and their version (a cache and its seed) and Flyway's history (the target's own migrations write it),
 * and the mark of an unfinished restore (it describes this log, not its content).
 */
final class ArchiveRepository {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArchiveRepository.class);
    /** A row as portable values, in the shape's column order. */
    interface RowSink {
        void accept(Object[] row) throws Exception;
    }

    private static boolean derived(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return t.startsWith("search_text") || t.startsWith("metrics_") || t.equals("flyway_schema_history")
                || t.startsWith("sqlite_") || t.equals(UNFINISHED);
    }

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
    java.util.Optional<String[]> unfinished(Handle h) {
        return h.createQuery("SELECT kind, started_at FROM " + UNFINISHED)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findFirst();
    }

    /** Every table of the log, parents before the tables whose rows point at them. */
    List<TableShape> tables(Handle h) throws SQLException {
        Connection c = h.getConnection();
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Map<String, TableShape> shapes = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!derived(name)) {
                    shapes.put(name, null);
                }
            }
        }
        for (String table : new ArrayList<>(shapes.keySet())) {
            shapes.put(table, shape(meta, schema, table));
        }
        return parentsFirst(meta, schema, shapes);
    }

    private static TableShape shape(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<TableShape.Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                String type = rs.getString("TYPE_NAME");
                boolean generated = "YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"));
                if (generated || "tsvector".equalsIgnoreCase(type)) {
                    continue; // computed from the other columns by the database itself
                }
                columns.add(new TableShape.Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                        TableShape.Type.ofDeclared(type)));
            }
        }
        columns.sort(Comparator.comparing(TableShape.Column::name));
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> orderBy = key.isEmpty() ? columns.stream().map(TableShape.Column::name).toList()
                : new ArrayList<>(key.values());
        return new TableShape(table.toLowerCase(Locale.ROOT), columns, orderBy);
    }

    /** Foreign-key order: a table after every table it references (ties by name, so the order is stable). */
    private static List<TableShape> parentsFirst(DatabaseMetaData meta, String schema, Map<String, TableShape> shapes)
            throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String table : shapes.keySet()) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equalsIgnoreCase(table) && shapes.containsKey(parent)) {
                        p.add(parent);
                    }
                }
            }
            parents.put(table, p);
        }
        List<TableShape> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < shapes.size()) {
            boolean progress = false;
            for (var e : parents.entrySet()) {
                if (!placed.contains(e.getKey()) && placed.containsAll(e.getValue())) {
                    placed.add(e.getKey());
                    out.add(shapes.get(e.getKey()));
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the tables' foreign keys form a cycle: " + parents);
            }
        }
        return out;
    }

    /** The table's rows in key order, as portable values (byte order for text on both databases). */
    void each(Handle h, Dialect dialect, TableShape t, RowSink sink) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < t.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(t.columns().get(i).name());
        }
        sql.append(" FROM ").append(t.name()).append(" ORDER BY ");
        for (int i = 0; i < t.orderBy().size(); i++) {
            String column = t.orderBy().get(i);
            boolean text = t.columns().stream().anyMatch(c -> c.name().equals(column)
                    && c.type() == TableShape.Type.TEXT);
            sql.append(i == 0 ? "" : ", ").append(column)
                    .append(text && dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "");
        }
        try (Statement st = h.getConnection().createStatement()) {
            // PostgreSQL's driver holds a fetch's rows in memory: a thousand attachments of 10 MB would not fit.
            st.setFetchSize(t.columns().stream().anyMatch(c -> c.type() == TableShape.Type.BYTES) ? 1 : 1_000);
            try (ResultSet rs = st.executeQuery(sql.toString())) {
                while (rs.next()) {
                    Object[] row = new Object[t.columns().size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = value(rs, i + 1, t.columns().get(i).type());
                    }
                    sink.accept(row);
                }
            }
        }
    }

    private static Object value(ResultSet rs, int i, TableShape.Type type) throws SQLException {
        // A text or bytes read already says NULL: asking wasNull() as well is one more call into SQLite's native
        // library per value, and most values are texts.
        if (type == TableShape.Type.TEXT) {
            return rs.getString(i);
        }
        if (type == TableShape.Type.BYTES) {
            return rs.getBytes(i);
        }
        Object v = switch (type) {
            case INTEGER -> rs.getLong(i);
            case REAL -> rs.getDouble(i);
            case BOOLEAN -> rs.getBoolean(i);
            case TEXT, BYTES -> throw new IllegalStateException("read above");
        };
        return rs.wasNull() ? null : v;
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
        String columns = String.join(", ", t.columns().stream().map(TableShape.Column::name).toList());
        if (dialect == Dialect.POSTGRESQL) {
            return new CopyWriter(h.getConnection().unwrap(org.postgresql.PGConnection.class).getCopyAPI()
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
            public void close() {
            }

            @Override
            public void abandon() {
            }
        };
    }

    /**
     * One table's rows streamed into one {@code COPY} as CSV, sent a megabyte at a time: texts always quoted, so an
     * empty text is not a null; an attachment's bytes as bytea's hex input in chunks, never as one string of twice
     * their size.
     */
    private static final class CopyWriter implements TableWriter {
        private static final int SEND_AT = 1 << 20;
        private static final int HEX_CHUNK = 1 << 15;
        private final org.postgresql.copy.CopyIn copy;
        private final java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream(SEND_AT + (1 << 16));

        CopyWriter(org.postgresql.copy.CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void write(List<Object[]> rows) throws SQLException {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        csv.write(',');
                    }
                    Object v = row[i];
                    if (v instanceof String text) {
                        append("\"" + text.replace("\"", "\"\"") + "\"");
                    } else if (v instanceof Boolean b) {
                        csv.write(b ? 't' : 'f');
                    } else if (v instanceof byte[] bytes) { // bytea's hex input, no quoting needed
                        append("\\x");
                        for (int from = 0; from < bytes.length; from += HEX_CHUNK) {
                            append(java.util.HexFormat.of().formatHex(bytes, from,
                                    Math.min(bytes.length, from + HEX_CHUNK)));
                            sendIfFull();
                        }
                    } else if (v != null) {
                        append(v.toString()); // a Long or a Double: Java's text of both is PostgreSQL's input
                    }
                }
                csv.write('\n');
                sendIfFull();
            }
            send();
        }

        private void append(String s) {
            csv.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        private void sendIfFull() throws SQLException {
            if (csv.size() >= SEND_AT) {
                send();
            }
        }

        private void send() throws SQLException {
            if (csv.size() > 0) {
                byte[] bytes = csv.toByteArray();
                copy.writeToCopy(bytes, 0, bytes.length);
                csv.reset();
            }
        }

        @Override
        public void close() throws SQLException {
            copy.endCopy();
        }

        @Override
        public void abandon() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the connection is rolled back (or dropped) next, which ends the copy anyway
            }
        }
    }

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
     * triggers only keep the kept-metrics months, which the restore forgets as a whole ({@link #forgetDerived}).
     * bench/copy.sh: per-row foreign-key checks, GIN inserts and metrics triggers were two thirds of a copy's
     * writing. Without the rights to alter the tables (the migrations ran as another role), the rows are loaded
     * with everything on. SQLite: nothing to set aside (its foreign keys are checked per row either way).
     */
    Deferred deferChecks(Handle h, Dialect dialect, List<TableShape> tables) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return () -> { };
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
        java.sql.Savepoint before = c.setSavepoint();
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
            LOG.warn("Restoring row by row with every key, index and trigger on (slower): this database user may not "
                    + "alter the log's tables ({}); restore as the user that ran the migrations to load in bulk",
                    e.getMessage());
            return () -> { };
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

    /** The schema version the log's migrations have reached. */
    int schemaVersion(Handle h) throws SQLException {
        try (Statement st = h.getConnection().createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success = "
                     + "TRUE AND version IS NOT NULL")) {
            int max = 0;
            while (rs.next()) {
                max = Math.max(max, Integer.parseInt(rs.getString(1)));
            }
            return max;
        }
    }
}
