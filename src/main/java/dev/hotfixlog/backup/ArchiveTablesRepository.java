package dev.hotfixlog.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The tables an archive holds, found from the database's own catalogue (so a table a migration adds is archived
 * without an edit here), parents first, and the schema version. Derived tables are left out: the search index
 * (rebuilt by the target's own triggers or generated columns), the kept metrics months and their version (a cache
 * and its seed) and Flyway's history (the target's own migrations write it), and the mark of an unfinished restore
 * (it describes this log, not its content).
 */
final class ArchiveTablesRepository {
    private static boolean derived(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return t.startsWith("search_text")
                || t.startsWith("metrics_")
                || t.equals("flyway_schema_history")
                || t.startsWith("sqlite_")
                || t.equals(RestoreRepository.UNFINISHED);
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
                columns.add(new TableShape.Column(
                        rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), TableShape.Type.ofDeclared(type)));
            }
        }
        columns.sort(Comparator.comparing(TableShape.Column::name));
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> orderBy =
                key.isEmpty() ? columns.stream().map(TableShape.Column::name).toList() : new ArrayList<>(key.values());
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
