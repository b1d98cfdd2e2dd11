package dev.hotfixlog.store;

import dev.hotfixlog.error.StorageException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Rows for one table, written {@value #ROWS_PER_STATEMENT} to an {@code INSERT … VALUES (…), (…), …} statement,
 * in the handle's transaction. One statement per row costs far more than the row: on SQLite each statement whose
 * triggers write other tables opens its own statement journal. {@code bench/inserts.sh} measures it on a
 * 10,000-entry import's rows (docs/PERFORMANCE.md). Values are strings, numbers, booleans or null, bound by
 * position.
 */
public final class MultiRowInsert {
    /**
     * 240 rows of the widest table (33 columns) are 7,920 parameters, under SQLite's 32,766 and PostgreSQL's
     * 65,535. bench/inserts.sh: an import's rows took 0.84-0.91 s so, 0.86 s at 120, 0.96-0.98 s at 40 and 2.2 s
     * at one row a statement.
     */
    public static final int ROWS_PER_STATEMENT = 240;
    private final int rowsPerStatement;
    private final String insert;
    private final String tuple;
    private final int width;
    private final List<Object[]> rows = new ArrayList<>();

    /** {@code columns}: the column list as written in SQL, comma-separated. */
    public MultiRowInsert(String table, String columns) {
        this(table, columns, ROWS_PER_STATEMENT);
    }

    /** With another number of rows per statement: {@code bench/inserts.sh} compares 1 with the default. */
    public MultiRowInsert(String table, String columns, int rowsPerStatement) {
        if (rowsPerStatement < 1) {
            throw new IllegalArgumentException("rows per statement must be at least 1, was " + rowsPerStatement);
        }
        this.rowsPerStatement = rowsPerStatement;
        this.width = columns.split(",").length;
        this.insert = "INSERT INTO " + table + " (" + columns + ") VALUES ";
        this.tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    }

    public void add(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException(insert + ": " + values.length + " values for " + width + " columns");
        }
        rows.add(values);
    }

    /** Writes the rows added so far, in the order they were added. */
    public void execute(Handle h) {
        int full = rows.size() / rowsPerStatement * rowsPerStatement;
        try {
            if (full > 0) {
                try (PreparedStatement s = h.getConnection().prepareStatement(sql(rowsPerStatement))) {
                    for (int from = 0; from < full; from += rowsPerStatement) {
                        bind(s, rows.subList(from, from + rowsPerStatement));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            if (full < rows.size()) {
                try (PreparedStatement s = h.getConnection().prepareStatement(sql(rows.size() - full))) {
                    bind(s, rows.subList(full, rows.size()));
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StorageException("could not write rows: " + insert, e);
        }
        rows.clear();
    }

    private String sql(int count) {
        return insert + String.join(", ", Collections.nCopies(count, tuple));
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
