package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.metrics.Metrics;
import dev.hotfixlog.metrics.MetricsQuery;
import dev.hotfixlog.metrics.MetricsService;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;

/**
 * Benchmark of issue "Success metrics": a generated history of 1,000,000 hotfixes over 10 years (two affected
 * systems at most, twenty emergency types, post-mortem and process-improvement follow-ups), on SQLite and on
 * PostgreSQL. Times {@code MetricsService.compute} for the whole range and for one quarter, next to the raw SQL
 * aggregate over the same rows in the same run (count and average of the three response times per severity: one
 * pass, no percentiles): cold, from kept months, and after a write. Goal: under 1 s for the full range, under
 * 100 ms for a quarter.
 * Run with {@code bench/metrics.sh [hotfixes=1000000] [rounds=5]}.
 */
public final class MetricsBenchmark {
    private static final Instant START = Instant.parse("2016-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    /** {@code %s}: SQLite is told to read the covering index, its fastest plan for this (the planner may not). */
    private static final String RAW = "SELECT severity, COUNT(*), AVG(alerted_at - detected_at),"
            + " AVG(fix_deployed_at - alerted_at), AVG(resolved_at - detected_at) FROM hotfix%s"
            + " WHERE detected_at >= ? AND detected_at < ? GROUP BY severity";

    private MetricsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String pg = System.getenv().getOrDefault("HOTFIX_BENCH_PG_URL", System.getenv("HOTFIX_TEST_PG_URL"));
        System.out.printf(
                "# Metrics benchmark: %,d hotfixes over 10 years; %d rounds (median shown); %d cores; " + "Java %s%n%n",
                n, rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| database | range | hotfixes in range | cold ms | kept ms | after a write ms |"
                + " raw aggregate ms | kept / raw | after a write / raw |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        Path dir = Files.createTempDirectory("hotfix-metrics-bench-");
        run("SQLite", "jdbc:sqlite:" + dir.resolve("hotfix.db"), dir, n, rounds);
        if (pg != null && !pg.isBlank()) {
            run("PostgreSQL", freshSchema(pg, "bench_metrics"), dir, n, rounds);
        }
    }

    private static void run(String name, String url, Path dir, int n, int rounds) throws Exception {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        m.put(Setting.DB_URL, url);
        m.put(Setting.DATA_DIR, dir.toString());
        Config config = Config.withOverrides(m);
        try (App app = App.local(config, Clock.fixed(END, ZoneOffset.UTC))) {
            long t = System.nanoTime();
            generate(url, n);
            System.err.printf("%s: generated %,d hotfixes in %.1f s%n", name, n, (System.nanoTime() - t) / 1e9);
            MetricsService metrics = app.metrics();
            measure(name, "10 years", url, metrics, new MetricsQuery(START, END, ZoneId.of("UTC")), rounds);
            measure(
                    name,
                    "one quarter",
                    url,
                    metrics,
                    new MetricsQuery(
                            Instant.parse("2025-07-01T00:00:00Z"),
                            Instant.parse("2025-10-01T00:00:00Z"),
                            ZoneId.of("UTC")),
                    rounds);
        }
    }

    /**
     * Three figures per range: cold (nothing kept yet: every month computed from the rows, then kept), kept (the
     * steady state: whole months merged from metrics_month) and after a write (one hotfix of the range's last
     * days edited before each round, as during an incident: the triggers drop the months it can move).
     */
    private static void measure(
            String name, String range, String url, MetricsService service, MetricsQuery q, int rounds)
            throws Exception {
        double[] keptMs = new double[rounds];
        double[] afterWriteMs = new double[rounds];
        double[] rawMs = new double[rounds];
        long inRange;
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement raw = c.prepareStatement(
                        String.format(RAW, url.startsWith("jdbc:sqlite:") ? " INDEXED BY hotfix_metrics" : ""));
                PreparedStatement edit = c.prepareStatement("UPDATE hotfix SET title = title WHERE id = (SELECT id"
                        + " FROM hotfix WHERE detected_at < ? ORDER BY detected_at DESC LIMIT 1)")) {
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM metrics_month");
            }
            long t = System.nanoTime();
            inRange = service.compute(q).hotfixes();
            double coldMs = (System.nanoTime() - t) / 1e6;
            for (int r = 0; r < rounds; r++) {
                t = System.nanoTime();
                Metrics kept = service.compute(q);
                keptMs[r] = (System.nanoTime() - t) / 1e6;
                edit.setLong(1, q.to().toEpochMilli());
                edit.executeUpdate();
                t = System.nanoTime();
                Metrics afterWrite = service.compute(q);
                afterWriteMs[r] = (System.nanoTime() - t) / 1e6;
                if (!kept.equals(afterWrite)) {
                    throw new IllegalStateException("an edit that changed nothing changed the metrics");
                }
                t = System.nanoTime();
                raw.setLong(1, q.from().toEpochMilli());
                raw.setLong(2, q.to().toEpochMilli());
                long rows = 0;
                try (ResultSet rs = raw.executeQuery()) {
                    while (rs.next()) {
                        rows += rs.getLong(2);
                    }
                }
                rawMs[r] = (System.nanoTime() - t) / 1e6;
                if (rows != inRange || kept.hotfixes() != inRange) {
                    throw new IllegalStateException("raw count " + rows + " != metrics count " + inRange);
                }
            }
            double rm = median(rawMs);
            System.out.printf(
                    "| %s | %s | %,d | %.0f | %.0f | %.0f | %.0f | %.2f× | %.2f× |%n",
                    name,
                    range,
                    inRange,
                    coldMs,
                    median(keptMs),
                    median(afterWriteMs),
                    rm,
                    median(keptMs) / rm,
                    median(afterWriteMs) / rm);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** Rows straight into the tables (the app's migrations made them): a realistic spread of every metric's input. */
    public static void generate(String url, int n) throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        long span = END.toEpochMilli() - START.toEpochMilli();
        long[] detected = new long[n];
        for (int i = 0; i < n; i++) {
            detected[i] = START.toEpochMilli() + (long) (rnd.nextDouble() * span);
        }
        Arrays.sort(detected);
        String[] severities = {"critical", "high", "medium"};
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            if (url.startsWith("jdbc:postgresql:")) {
                copyPostgres(c, detected, severities, rnd);
            } else {
                insertSqlite(c, detected, severities, rnd);
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE id_counter SET last_value = " + n + " WHERE name = 'hotfix'");
                s.execute("ANALYZE");
            }
            c.commit();
        }
    }

    private record Row(String hotfix, String system, String followUp) {}

    /** One hotfix as CSV lines for its three tables. */
    private static Row row(int i, long d, String[] severities, SplittableRandom rnd) {
        String id = "HOTFIX-" + (i + 1);
        long alerted = rnd.nextInt(10) == 0 ? -1 : d + (long) (Math.exp(rnd.nextDouble() * 7) * 1000);
        boolean deployed = alerted > 0 && rnd.nextInt(10) != 0;
        long fix = deployed ? alerted + (long) (Math.exp(rnd.nextDouble() * 8) * 1000) : -1;
        boolean resolved = d < END.toEpochMilli() - 86_400_000L || rnd.nextBoolean();
        long res = resolved ? Math.max(Math.max(d, alerted), fix) + (long) (rnd.nextDouble() * 1_800_000) : -1;
        String status = res > 0 ? "completed" : fix > 0 ? "deployed" : "active";
        String category = rnd.nextInt(8) == 0 ? "" : "Type " + rnd.nextInt(20);
        String confidence = rnd.nextInt(3) == 0 ? String.valueOf(1 + rnd.nextInt(5)) : "";
        String hotfix = String.join(
                ",",
                id,
                String.valueOf(i + 1),
                "Hotfix " + (i + 1),
                severities[rnd.nextInt(3)],
                status,
                v(d),
                v(alerted),
                v(fix),
                v(res),
                category,
                confidence,
                "1",
                v(d),
                v(d));
        StringBuilder systems = new StringBuilder();
        int count = 1 + rnd.nextInt(2);
        for (int k = 0; k < count; k++) {
            systems.append(id)
                    .append(',')
                    .append(k)
                    .append(",system-")
                    .append(rnd.nextInt(50))
                    .append(',')
                    .append(category)
                    .append(',')
                    .append(d)
                    .append(',')
                    .append(i + 1)
                    .append('\n');
        }
        boolean pmDone = res > 0 && rnd.nextInt(10) < 8;
        long pmAt = pmDone ? res + (long) (rnd.nextDouble() * 96 * 3_600_000L) : -1;
        boolean piDone = res > 0 && rnd.nextInt(4) == 0;
        long piAt = piDone ? res + (long) (rnd.nextDouble() * 30 * 86_400_000L) : -1;
        String followUps = id + ",postmortem," + (pmDone ? "true" : "false") + "," + v(pmAt) + ","
                + v(res > 0 ? res + 172_800_000L : -1) + "\n" + id + ",processImprovement,"
                + (piDone ? "true" : "false") + ","
                + v(piAt) + ",\n";
        return new Row(hotfix + "\n", systems.toString(), followUps);
    }

    private static String v(long x) {
        return x < 0 ? "" : String.valueOf(x);
    }

    private static final String HOTFIX_COLUMNS = "id, number, title, severity, status, detected_at, alerted_at,"
            + " fix_deployed_at, resolved_at, category, confidence, version, created_at, updated_at";

    private static void copyPostgres(Connection c, long[] detected, String[] severities, SplittableRandom rnd)
            throws Exception {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        int chunk = 50_000;
        for (int from = 0; from < detected.length; from += chunk) {
            StringBuilder h = new StringBuilder();
            StringBuilder s = new StringBuilder();
            StringBuilder f = new StringBuilder();
            for (int i = from; i < Math.min(detected.length, from + chunk); i++) {
                Row r = row(i, detected[i], severities, rnd);
                h.append(r.hotfix());
                s.append(r.system());
                f.append(r.followUp());
            }
            copy.copyIn(
                    "COPY hotfix (" + HOTFIX_COLUMNS + ") FROM STDIN WITH (FORMAT csv, NULL '')",
                    new StringReader(h.toString()));
            copy.copyIn(
                    "COPY hotfix_system (hotfix_id, ordinal, name, category, detected_at, hotfix_number) FROM"
                            + " STDIN WITH (FORMAT csv, NULL '')",
                    new StringReader(s.toString()));
            copy.copyIn(
                    "COPY follow_up (hotfix_id, kind, done, done_at, due_at) FROM STDIN WITH (FORMAT csv,"
                            + " NULL '')",
                    new StringReader(f.toString()));
        }
    }

    private static void insertSqlite(Connection c, long[] detected, String[] severities, SplittableRandom rnd)
            throws Exception {
        try (PreparedStatement h = c.prepareStatement("INSERT INTO hotfix (" + HOTFIX_COLUMNS + ") VALUES (?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement s =
                        c.prepareStatement("INSERT INTO hotfix_system (hotfix_id, ordinal, name, category,"
                                + " detected_at, hotfix_number) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement f = c.prepareStatement(
                        "INSERT INTO follow_up (hotfix_id, kind, done, done_at, due_at)" + " VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < detected.length; i++) {
                Row r = row(i, detected[i], severities, rnd);
                bind(h, r.hotfix().trim().split(",", -1), new boolean[] {
                    false, true, false, false, false, true, true, true, true, false, true, true, true, true
                });
                h.addBatch();
                for (String line : r.system().split("\n")) {
                    bind(s, line.split(",", -1), new boolean[] {false, true, false, false, true, true});
                    s.addBatch();
                }
                for (String line : r.followUp().split("\n")) {
                    String[] x = line.split(",", -1);
                    f.setString(1, x[0]);
                    f.setString(2, x[1]);
                    f.setBoolean(3, Boolean.parseBoolean(x[2]));
                    setLong(f, 4, x[3]);
                    setLong(f, 5, x[4]);
                    f.addBatch();
                }
                if (i % 10_000 == 9_999) {
                    h.executeBatch();
                    s.executeBatch();
                    f.executeBatch();
                }
            }
            h.executeBatch();
            s.executeBatch();
            f.executeBatch();
        }
    }

    private static void bind(PreparedStatement p, String[] values, boolean[] numeric) throws Exception {
        for (int k = 0; k < values.length; k++) {
            if (numeric[k]) {
                setLong(p, k + 1, values[k]);
            } else if (values[k].isEmpty()) {
                p.setNull(k + 1, Types.VARCHAR);
            } else {
                p.setString(k + 1, values[k]);
            }
        }
    }

    private static void setLong(PreparedStatement p, int k, String v) throws Exception {
        if (v.isEmpty()) {
            p.setNull(k, Types.BIGINT);
        } else {
            p.setLong(k, Long.parseLong(v));
        }
    }

    static String freshSchema(String url, String schema) throws Exception {
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
