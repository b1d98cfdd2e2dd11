package dev.hotfixlog.store;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.StorageException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Rows for one table, written {@value #ROWS_PER_STATEMENT} to an {@code INSERT … VALUES (…), (…), …} statement,
 * in the handle's transaction. One statement per row costs far more than the row: on SQLite each statement whose
 * triggers write other tables opens its own statement journal. {@code bench/inserts.sh} measures it on a
 * 10,000-entry import's rows (docs/PERFORMANCE.md). Values are strings, numbers, booleans or null, bound by
 * position.
 */
public final class MultiRowInsert {
    private static final Pattern COMMA = Pattern.compile(",");
    /**
     * 240 rows of the widest table (33 columns) are 7,920 parameters, under SQLite's 32,766 and PostgreSQL's
     * 65,535. bench/inserts.sh: an import's rows took 0.84-0.91 s so, 0.86 s at 120, 0.96-0.98 s at 40 and 2.2 s
     * at one row a statement.
     */
    public static final int ROWS_PER_STATEMENT = 240;

    private final int rowsPerStatement;
    private final String insert;
    private final String tuple;
    private final String suffix;
    private final int width;
    private final List<Object[]> rows = new ArrayList<>();

    /** {@code columns}: the column list as written in SQL, comma-separated. */
    public MultiRowInsert(String table, String columns) {
        this(table, columns, ROWS_PER_STATEMENT);
    }

    /** With another number of rows per statement: {@code bench/inserts.sh} compares 1 with the default. */
    public MultiRowInsert(String table, String columns, int rowsPerStatement) {
        this(table, columns, rowsPerStatement, "");
    }

    /** With a clause after the rows, as both databases write it ({@code ON CONFLICT (key) DO NOTHING}). */
    public MultiRowInsert(String table, String columns, String suffix) {
        this(table, columns, ROWS_PER_STATEMENT, suffix);
    }

    private MultiRowInsert(String table, String columns, int rowsPerStatement, String suffix) {
        if (rowsPerStatement < 1) {
            throw new IllegalArgumentException("rows per statement must be at least 1, was " + rowsPerStatement);
        }
        this.rowsPerStatement = rowsPerStatement;
        this.width = COMMA.split(columns).length;
        this.insert = "INSERT INTO " + table + " (" + columns + ") VALUES ";
        this.tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        this.suffix = suffix.isEmpty() ? "" : " " + suffix;
    }

    public void add(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException(insert + ": " + values.length + " values for " + width + " columns");
        }
        rows.add(values);
    }

    /** Writes the rows added so far, in the order they were added. */
    public void execute(Handle h) {
        try (Statements statements = new Statements(h)) {
            execute(statements);
        }
    }

    /** The same, with statements prepared once for the whole transaction (an import writes many chunks). */
    public void execute(Statements statements) {
        int full = rows.size() / rowsPerStatement * rowsPerStatement;
        try {
            if (full > 0) {
                PreparedStatement s = statements.prepared(this, rowsPerStatement);
                for (int from = 0; from < full; from += rowsPerStatement) {
                    bind(s, rows.subList(from, from + rowsPerStatement));
                    s.addBatch();
                }
                s.executeBatch();
            }
            if (full < rows.size()) {
                PreparedStatement s = statements.prepared(this, rows.size() - full);
                bind(s, rows.subList(full, rows.size()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StorageException("could not write rows: " + insert, e);
        }
        rows.clear();
    }

    /**
     * The prepared {@code INSERT}s of one transaction, by table and row count, closed with it. Preparing a
     * statement of 240 rows is itself work (SQLite compiles every row): an import of 10,000 entries in chunks
     * prepared about 480 of them, 76 ms of its writing thread (wall-clock profile), where a dozen shapes
     * recur.
     */
    public static final class Statements implements AutoCloseable {
        private final Handle handle;
        private final Map<String, PreparedStatement> byShape = new HashMap<>();

        public Statements(Handle handle) {
            this.handle = handle;
        }

        PreparedStatement prepared(MultiRowInsert rows, int count) throws SQLException {
            String shape = rows.insert + count;
            PreparedStatement s = byShape.get(shape);
            if (s == null) {
                s = handle.getConnection().prepareStatement(rows.sql(count));
                byShape.put(shape, s);
            }
            return s;
        }

        @Override
        public void close() {
            StorageException failure = null;
            for (PreparedStatement s : byShape.values()) {
                try {
                    s.close();
                } catch (SQLException e) {
                    failure = failure == null ? new StorageException("could not close a prepared insert", e) : failure;
                }
            }
            byShape.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }

    private String sql(int count) {
        return insert + String.join(", ", Collections.nCopies(count, tuple)) + suffix;
    }

    private static void bind(PreparedStatement s, List<Object[]> chunk) throws SQLException {
        int p = 1;
        for (Object[] row : chunk) {
            for (Object v : row) {
                s.setObject(p++, v);
            }
        }
    }
}
