package dev.hotfixlog.bench;

import dev.hotfixlog.backup.Backups;
import dev.hotfixlog.backup.Manifest;
import dev.hotfixlog.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code hotfix copy} SQLite → PostgreSQL of a generated log (default 100,000 hotfixes with their systems and
 * follow-ups), timed side by side with pgloader (Debian package) moving the same SQLite file in the same run,
 * and pgloader's result compared with ours: every column whose type differs, and whether the id counter and the
 * identity sequences would give a new record a fresh id.
 *
 * <p>Run with {@code bench/copy.sh [hotfixes=100000]}.
 */
public final class CopyBenchmark {
    private CopyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String base = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        System.out.printf(
                "# copy benchmark: %d hotfixes, SQLite -> PostgreSQL; %d rounds alternating; %d cores; "
                        + "Java %s%n%n",
                n, rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path dir = Files.createTempDirectory("hotfix-copy-bench-");
        String sqlite = "jdbc:sqlite:" + dir.resolve("log.db");
        Database.open(sqlite, "", "", 1).close();
        MetricsBenchmark.generate(sqlite, n);
        String ours = null;
        String theirs = null;
        try {
            double[] oursSeconds = new double[rounds];
            double[] theirSeconds = new double[rounds];
            Manifest m = null;
            int code = 0;
            String said = "";
            System.out.println("| round | hotfix copy s | pgloader s | ratio |");
            System.out.println("|---:|---:|---:|---:|");
            for (int r = 0; r < rounds; r++) {
                if (ours != null) {
                    WriteBenchmark.exec(base, "DROP SCHEMA " + ours + " CASCADE");
                    WriteBenchmark.exec(base, "DROP DATABASE " + theirs);
                }
                ours = "bench_copy_" + UUID.randomUUID().toString().substring(0, 8);
                theirs = "bench_pgloader_" + UUID.randomUUID().toString().substring(0, 8);
                WriteBenchmark.exec(base, "CREATE SCHEMA " + ours);
                WriteBenchmark.exec(base, "CREATE DATABASE " + theirs);
                String target = WriteBenchmark.withSchema(base, ours);
                long t0 = System.nanoTime();
                try (Database from = Database.open(sqlite, "", "", 1);
                        Database to = Database.open(target, "", "", 2)) {
                    m = new Backups(from, Clock.systemUTC()).copyTo(to);
                }
                oursSeconds[r] = (System.nanoTime() - t0) / 1e9;

                t0 = System.nanoTime();
                Process p = new ProcessBuilder(
                                "pgloader",
                                "--no-ssl-cert-verification",
                                dir.resolve("log.db").toString(),
                                "postgresql://postgres@127.0.0.1:5432/" + theirs)
                        .redirectErrorStream(true)
                        .start();
                said = new String(p.getInputStream().readAllBytes());
                code = p.waitFor();
                theirSeconds[r] = (System.nanoTime() - t0) / 1e9;
                System.out.printf(
                        "| %d | %.1f | %.1f | %.2fx |%n",
                        r + 1, oursSeconds[r], theirSeconds[r], oursSeconds[r] / theirSeconds[r]);
            }
            String target = WriteBenchmark.withSchema(base, ours);
            double oursMedian = median(oursSeconds);
            double theirMedian = median(theirSeconds);
            System.out.println();
            System.out.println("| tool | rows | median s | verified | exit |");
            System.out.println("|---|---:|---:|---|---:|");
            System.out.printf(
                    "| hotfix copy (migrations, typed rows, counters, manifest compared) | %d | %.1f | yes "
                            + "| 0 |%n",
                    m.rows(), oursMedian);
            String theirsUrl = "jdbc:postgresql://127.0.0.1:5432/" + theirs + "?user=postgres";
            Map<String, String> theirTypes = code == 0 ? types(theirsUrl, "public") : Map.of();
            Map<String, String> ourTypes = types(target, ours);
            long theirRows = code == 0 ? rows(theirsUrl, "hotfix") : -1;
            System.out.printf(
                    "| pgloader %s | %s | %.1f | no | %d |%n",
                    "3.6", theirRows < 0 ? "—" : theirRows + " hotfixes", theirMedian, code);
            System.out.printf("%nhotfix copy / pgloader time (medians): **%.2fx**%n%n", oursMedian / theirMedian);
            if (code != 0) {
                System.out.println("pgloader failed:\n```\n" + tail(said) + "\n```");
                return;
            }
            System.out.println("Columns whose type differs (ours → pgloader's):");
            int differ = 0;
            for (var e : ourTypes.entrySet()) {
                String t = theirTypes.get(e.getKey());
                if (t != null && !t.equals(e.getValue())) {
                    differ++;
                    if (differ <= 40) {
                        System.out.println("- `" + e.getKey() + "`: " + e.getValue() + " → " + t);
                    }
                }
            }
            System.out.println(
                    differ + " of " + ourTypes.size() + " columns differ" + (differ > 40 ? " (40 shown)" : ""));
            System.out.println("Tables ours has that pgloader's has not: "
                    + ourTypes.keySet().stream()
                            .map(k -> k.substring(0, k.indexOf('.')))
                            .distinct()
                            .filter(t -> theirTypes.keySet().stream().noneMatch(k -> k.startsWith(t + ".")))
                            .toList());
            System.out.println("The hotfix id counter after pgloader: "
                    + scalar(theirsUrl, "SELECT last_value FROM id_counter WHERE name = 'hotfix'") + " (ours: "
                    + scalar(target, "SELECT last_value FROM id_counter WHERE name = 'hotfix'") + ")");
            System.out.println("Identity/serial columns pgloader made: "
                    + scalar(
                            theirsUrl,
                            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'public' AND "
                                    + "(is_identity = 'YES' OR column_default LIKE 'nextval%')")
                    + " (ours: "
                    + scalar(
                            target,
                            "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = '" + ours + "' AND "
                                    + "(is_identity = 'YES' OR column_default LIKE 'nextval%')")
                    + ")");
        } finally {
            if (ours != null) {
                WriteBenchmark.exec(base, "DROP SCHEMA " + ours + " CASCADE");
                WriteBenchmark.exec(base, "DROP DATABASE " + theirs);
            }
        }
        System.exit(0);
    }

    private static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static Map<String, String> types(String url, String schema) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                                + "WHERE table_schema = '" + schema + "'")) {
            while (rs.next()) {
                out.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }

    private static long rows(String url, String table) throws Exception {
        return Long.parseLong(scalar(url, "SELECT COUNT(*) FROM " + table));
    }

    private static String scalar(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "none";
        } catch (SQLException e) {
            return "error: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private static String tail(String s) {
        String[] lines = s.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, lines.length - 15); i < lines.length; i++) {
            b.append(lines[i]).append('\n');
        }
        return b.toString().strip();
    }
}
