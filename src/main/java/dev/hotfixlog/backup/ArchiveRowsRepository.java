package dev.hotfixlog.backup;

import dev.hotfixlog.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;

/** A table's rows read for the archive: in key order, as portable values, text in byte order on both databases. */
final class ArchiveRowsRepository {
    /** A row as portable values, in the shape's column order. */
    interface RowSink {
        void accept(Object[] row) throws Exception;
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
            boolean text =
                    t.columns().stream().anyMatch(c -> c.name().equals(column) && c.type() == TableShape.Type.TEXT);
            sql.append(i == 0 ? "" : ", ")
                    .append(column)
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
}
