package dev.hotfixlog.markdown;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.store.MultiRowInsert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one statement per row costs an import (docs/PERFORMANCE.md, "Markdown import"). A generated log is
 * imported once; then the very rows it stored (hotfixes, systems, steps, follow-ups, revisions) are written into
 * a fresh log through {@link MultiRowInsert}, one row per statement and {@value MultiRowInsert#ROWS_PER_STATEMENT}
 * per statement, in one transaction each, with the log's own triggers, foreign keys and durability. Run with
 * {@code bench/inserts.sh [entries=10000] [rounds=2]}.
 */
public final class InsertBenchmark {
    private static final List<String> TABLES =
            List.of("hotfix", "hotfix_system", "hotfix_step", "follow_up", "hotfix_revision");

    private InsertBenchmark() {}

    record Table(String columns, List<Object[]> rows) {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        // The rows per statement to compare, in this order in every round; by default one against the default.
        int[] variants = args.length > 2
                ? Arrays.stream(args, 2, args.length)
                        .mapToInt(Integer::parseInt)
                        .toArray()
                : new int[] {1, MultiRowInsert.ROWS_PER_STATEMENT};
        Path dir = Files.createTempDirectory("hotfix-insert-bench-");
        Path source = dir.resolve("imported.db");
        try (App app = App.local(
                Config.withOverrides(Map.of(Setting.DB_URL, "jdbc:sqlite:" + source, Setting.DATA_DIR, dir.toString())),
                Clock.systemUTC())) {
            app.markdown().importLog(MarkdownBenchmark.generate(entries), false, "bench", n -> {});
        }
        Map<String, Table> tables = read(source);
        System.out.printf(
                "# Inserts of one %d-entry import's rows into a fresh SQLite log; %d rounds; %d cores;"
                        + " Java %s%n%n",
                entries, rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| round | rows per statement | " + String.join(" ms | ", TABLES) + " ms | all ms |");
        System.out.println("|---:|---:|" + "---:|".repeat(TABLES.size() + 1));
        for (int round = 1; round <= rounds; round++) {
            for (int v = 0; v < variants.length; v++) {
                int perStatement = variants[v];
                Path target = dir.resolve("copy-" + round + "-" + v + ".db");
                try (Database db = Database.open("jdbc:sqlite:" + target, "", "", 1)) {
                    List<Double> ms = db.write(h -> {
                        List<Double> out = new ArrayList<>();
                        long all = System.nanoTime();
                        for (String name : TABLES) {
                            Table t = tables.get(name);
                            long start = System.nanoTime();
                            MultiRowInsert insert = new MultiRowInsert(name, t.columns(), perStatement);
                            t.rows().forEach(insert::add);
                            insert.execute(h);
                            out.add((System.nanoTime() - start) / 1e6);
                        }
                        out.add((System.nanoTime() - all) / 1e6);
                        return out;
                    });
                    StringBuilder line = new StringBuilder("| " + round + " | " + perStatement + " |");
                    ms.forEach(m -> line.append(String.format(" %.0f |", m)));
                    System.out.println(line);
                }
            }
        }
        System.out.print("rows:");
        TABLES.forEach(t -> System.out.printf(" %s %,d", t, tables.get(t).rows().size()));
        System.out.println(" (the commit's fsync is not in these figures)");
    }

    private static Map<String, Table> read(Path db) throws Exception {
        Map<String, Table> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            for (String name : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + name)) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnName(i));
                    }
                    List<Object[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    out.put(name, new Table(String.join(", ", columns), rows));
                }
            }
        }
        return out;
    }
}
