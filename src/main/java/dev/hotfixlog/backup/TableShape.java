package dev.hotfixlog.backup;

import java.util.List;
import java.util.Locale;

/**
 * A table as the archive sees it, the same on both databases: its columns sorted by name, each with a portable
 * type read from its declared one, and the columns that order its rows (the primary key, else every column).
 */
record TableShape(String name, List<Column> columns, List<String> orderBy) {
    TableShape {
        columns = List.copyOf(columns);
        orderBy = List.copyOf(orderBy);
    }

    /** A column and its portable type. */
    record Column(String name, Type type) {}

    /** The five kinds of value the log stores; bytes (attachments) are base64 in the archive. */
    enum Type {
        INTEGER,
        REAL,
        BOOLEAN,
        TEXT,
        BYTES;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type parse(String json) {
            return valueOf(json.toUpperCase(Locale.ROOT));
        }

        /** From a declared type as either database reports it: BIGINT/int8, BOOLEAN/bool, DOUBLE/float8, … */
        static Type ofDeclared(String declared) {
            String t = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
            if (t.contains("blob") || t.contains("bytea")) {
                return BYTES;
            }
            if (t.contains("bool")) {
                return BOOLEAN;
            }
            if (t.contains("int") || t.equals("serial") || t.equals("bigserial")) {
                return INTEGER;
            }
            if (t.contains("double") || t.contains("float") || t.contains("real") || t.contains("numeric")) {
                return REAL;
            }
            return TEXT;
        }
    }
}
