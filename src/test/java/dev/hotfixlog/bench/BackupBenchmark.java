package dev.hotfixlog.bench;

import dev.hotfixlog.backup.Backups;
import dev.hotfixlog.backup.Manifest;
import dev.hotfixlog.store.Database;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Backup of issue 21 against the databases' own floor in the same run: {@code hotfix backup} (the portable,
 * verified, database-independent archive) of a generated log next to SQLite's {@code VACUUM INTO} of the same
 * file and {@code pg_dump -Fc} of the same schema. 3 rounds each, alternating; medians. Goal: at most 2x the
 * floor.
 *
 * <p>Run with {@code bench/backup.sh [hotfixes=100000]}.
 */
public final class BackupBenchmark {
    private static final int ROUNDS = 3;

    private BackupBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String pgBase = System.getenv()
                .getOrDefault("HOTFIX_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        System.out.printf(
                "# backup benchmark: %d hotfixes (with systems and follow-ups); %d cores; Java %s%n%n",
                n, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| database | rows | floor | floor s | every row read s | hotfix backup s | archive MB | "
                + "floor file MB | rows read / floor | backup / floor |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        Path dir = Files.createTempDirectory("hotfix-backup-bench-");
        try {
            String sqlite = "jdbc:sqlite:" + dir.resolve("log.db");
            Database.open(sqlite, "", "", 1).close();
            MetricsBenchmark.generate(sqlite, n);
            measure("SQLite", sqlite, dir, "VACUUM INTO", out -> {
                try (Connection c = DriverManager.getConnection(sqlite);
                        Statement st = c.createStatement()) {
                    st.execute("VACUUM INTO '" + out + "'");
                }
            });
            String schema = "bench_" + UUID.randomUUID().toString().substring(0, 8);
            WriteBenchmark.exec(pgBase, "CREATE SCHEMA " + schema);
            try {
                String pg = WriteBenchmark.withSchema(pgBase, schema);
                Database.open(pg, "", "", 2).close();
                MetricsBenchmark.generate(pg, n);
                measure("PostgreSQL", pg, dir, "pg_dump -Fc", out -> {
                    Process p = new ProcessBuilder(
                                    "pg_dump",
                                    "-h",
                                    "127.0.0.1",
                                    "-p",
                                    "5432",
                                    "-U",
                                    "postgres",
                                    "-n",
                                    schema,
                                    "-Fc",
                                    "-f",
                                    out.toString(),
                                    "test")
                            .redirectErrorStream(true)
                            .start();
                    String said = new String(p.getInputStream().readAllBytes());
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("pg_dump failed: " + said);
                    }
                });
            } finally {
                WriteBenchmark.exec(pgBase, "DROP SCHEMA " + schema + " CASCADE");
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private interface Floor {
        void copyTo(Path out) throws Exception;
    }

    private static void measure(String name, String url, Path dir, String floorName, Floor floor) throws Exception {
        List<Double> floors = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        long archiveBytes = 0;
        long floorBytes = 0;
        Manifest m = null;
        try (Database db = Database.open(url, "", "", 2)) {
            Backups backups = new Backups(db, Clock.systemUTC());
            for (int round = 0; round < ROUNDS; round++) {
                Path f = dir.resolve("floor-" + round);
                long t0 = System.nanoTime();
                floor.copyTo(f);
                floors.add((System.nanoTime() - t0) / 1e9);
                floorBytes = Files.size(f);
                Files.delete(f);
                t0 = System.nanoTime();
                readEveryRow(url);
                reads.add((System.nanoTime() - t0) / 1e9);
                Path a = dir.resolve("archive-" + round);
                t0 = System.nanoTime();
                try (OutputStream out = Files.newOutputStream(a)) {
                    m = backups.backup(out);
                }
                ours.add((System.nanoTime() - t0) / 1e9);
                archiveBytes = Files.size(a);
                Files.delete(a);
            }
        }
        floors.sort(null);
        reads.sort(null);
        ours.sort(null);
        double f = floors.get(ROUNDS / 2);
        double r = reads.get(ROUNDS / 2);
        double o = ours.get(ROUNDS / 2);
        System.out.printf(
                "| %s | %d | %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.2fx | **%.2fx** |%n",
                name, m.rows(), floorName, f, r, o, archiveBytes / 1e6, floorBytes / 1e6, r / f, o / f);
    }

    /**
     * The least any row-level format must do: every value of every table read over JDBC in one transaction, in no
     * particular order, and dropped (no typing, hashing, text or compression).
     */
    private static void readEveryRow(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME");
                    if (!t.startsWith("search_text") && !t.startsWith("sqlite_") && !t.startsWith("metrics_")) {
                        tables.add(t);
                    }
                }
            }
            long values = 0;
            try (Statement st = c.createStatement()) {
                st.setFetchSize(1_000);
                for (String t : tables) {
                    List<String> columns = new ArrayList<>(); // as the archive: not the generated search columns
                    try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), t, "%")) {
                        while (rs.next()) {
                            if (!"YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"))
                                    && !"tsvector".equalsIgnoreCase(rs.getString("TYPE_NAME"))) {
                                columns.add(rs.getString("COLUMN_NAME"));
                            }
                        }
                    }
                    try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + t)) {
                        while (rs.next()) {
                            for (int i = 1; i <= columns.size(); i++) {
                                values += rs.getObject(i) == null ? 0 : 1;
                            }
                        }
                    }
                }
            }
            c.rollback();
            if (values < 0) {
                throw new IllegalStateException("unreachable");
            }
        }
    }
}
