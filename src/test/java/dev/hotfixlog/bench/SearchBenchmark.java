package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.search.SearchQuery;
import dev.hotfixlog.search.SearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark of issue "Lessons from production": full-text search over 100,000 documents (90,000 hotfixes and
 * 10,000 lessons, each a title and 60-120 words from a 2,000-word vocabulary with a Zipf-like spread), on SQLite
 * and on PostgreSQL (when HOTFIX_BENCH_PG_URL or HOTFIX_TEST_PG_URL is set). Times {@code SearchService.search}
 * for 1-3 word queries and {@code similar} for random hotfixes, through the service as the API uses it:
 * p50 and p95. Goal: p95 under 50 ms. Run with {@code bench/search.sh [documents=100000] [queries=300]}.
 */
public final class SearchBenchmark {
    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String pg = System.getenv().getOrDefault("HOTFIX_BENCH_PG_URL", System.getenv("HOTFIX_TEST_PG_URL"));
        System.out.printf(
                "# Search benchmark: %,d documents (90%% hotfixes, 10%% lessons); %d queries each; %d cores;"
                        + " Java %s%n%n",
                n, queries, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| database | what | queries | p50 ms | p95 ms | max ms | mean hits |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        Path dir = Files.createTempDirectory("hotfix-search-bench-");
        run("SQLite", "jdbc:sqlite:" + dir.resolve("hotfix.db"), dir, n, queries);
        if (pg != null && !pg.isBlank()) {
            run("PostgreSQL", MetricsBenchmark.freshSchema(pg, "bench_search"), dir, n, queries);
        }
    }

    private static void run(String name, String url, Path dir, int n, int queries) throws Exception {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        m.put(Setting.DB_URL, url);
        m.put(Setting.DATA_DIR, dir.toString());
        try (App app = App.local(
                Config.withOverrides(m), Clock.fixed(Instant.parse("2026-10-05T09:00:00Z"), ZoneOffset.UTC))) {
            long t = System.nanoTime();
            String[] vocab = vocabulary();
            int hotfixes = n - n / 10;
            generate(url, hotfixes, n / 10, vocab);
            System.err.printf("%s: generated %,d documents in %.1f s%n", name, n, (System.nanoTime() - t) / 1e9);
            SearchService search = app.search();
            SplittableRandom rnd = new SplittableRandom(11);
            for (int warm = 0; warm < 30; warm++) {
                search.search(SearchQuery.of(word(vocab, rnd)));
            }
            for (int words = 1; words <= 3; words++) {
                double[] ms = new double[queries];
                double[] floor = new double[queries];
                long hits = 0;
                long floorHits = 0;
                try (Connection c = DriverManager.getConnection(url);
                        PreparedStatement bare = c.prepareStatement(
                                url.startsWith("jdbc:postgresql:")
                                        ? "SELECT id FROM hotfix WHERE search @@ to_tsquery('english', ?) ORDER BY number DESC"
                                                + " LIMIT 20"
                                        : "SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT 20")) {
                    if (url.startsWith("jdbc:postgresql:")) {
                        try (Statement st = c.createStatement()) {
                            st.execute("SET plan_cache_mode = force_custom_plan"); // as the service does
                        }
                    }
                    for (int i = 0; i < queries; i++) {
                        StringBuilder q = new StringBuilder();
                        for (int w = 0; w < words; w++) {
                            q.append(w == 0 ? "" : " ").append(word(vocab, rnd));
                        }
                        long s = System.nanoTime();
                        hits += search.search(SearchQuery.of(q.toString())).size();
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        // The floor, same words, same run: the engine's bare match, the newest 20 hotfixes that
                        // hold every word, with no ranking, snippet, lessons or filters.
                        bare.setString(
                                1,
                                String.join(
                                        url.startsWith("jdbc:postgresql:") ? " & " : " ",
                                        q.toString().split(" ")));
                        s = System.nanoTime();
                        try (var rs = bare.executeQuery()) {
                            while (rs.next()) {
                                floorHits++;
                            }
                        }
                        floor[i] = (System.nanoTime() - s) / 1e6;
                    }
                }
                String what = words + " word" + (words == 1 ? "" : "s");
                print(name, "search, " + what + ", top 20", ms, hits);
                print(name, "floor: bare match, " + what + ", newest 20", floor, floorHits);
            }
            double[] ms = new double[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                HotfixId id = new HotfixId(1 + rnd.nextInt(hotfixes));
                long s = System.nanoTime();
                hits += search.similar(id, 3).size();
                ms[i] = (System.nanoTime() - s) / 1e6;
            }
            print(name, "similar past fixes, top 3", ms, hits);
        }
    }

    private static void print(String name, String what, double[] ms, long hits) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(
                "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                name,
                what,
                s.length,
                s[s.length / 2],
                s[(int) Math.ceil(0.95 * s.length) - 1],
                s[s.length - 1],
                (double) hits / s.length);
    }

    /** 2,000 made-up words of 4-9 letters, the same every run. */
    private static String[] vocabulary() {
        SplittableRandom rnd = new SplittableRandom(3);
        String[] v = new String[2000];
        for (int i = 0; i < v.length; i++) {
            StringBuilder w = new StringBuilder();
            int len = 4 + rnd.nextInt(6);
            for (int k = 0; k < len; k++) {
                w.append("bcdfghklmnprstvz".charAt(rnd.nextInt(16))).append("aeiou".charAt(rnd.nextInt(5)));
            }
            v[i] = w.substring(0, len);
        }
        return v;
    }

    /** Zipf-like: low ranks far more often. */
    private static String word(String[] vocab, SplittableRandom rnd) {
        return vocab[(int) Math.floor(Math.pow(vocab.length, rnd.nextDouble())) - 1];
    }

    private static String text(String[] vocab, SplittableRandom rnd, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(word(vocab, rnd));
        }
        return sb.toString();
    }

    private static void generate(String url, int hotfixes, int lessons, String[] vocab) throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        long t0 = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement h = c.prepareStatement("INSERT INTO hotfix (id, number, title, severity, status,"
                            + " problem, root_cause, category, operating_rule, detected_at, version, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, 1, ?, ?)");
                    PreparedStatement l = c.prepareStatement("INSERT INTO lesson (id, number, title, summary,"
                            + " operating_rule, category, published, version, created_at, updated_at) VALUES (?, ?, ?, ?,"
                            + " ?, ?, true, 1, ?, ?)")) {
                for (int i = 1; i <= hotfixes; i++) {
                    long at = t0 + i * 600_000L;
                    h.setString(1, String.format("HOTFIX-%03d", i));
                    h.setLong(2, i);
                    h.setString(3, text(vocab, rnd, 6));
                    h.setString(4, new String[] {"critical", "high", "medium"}[rnd.nextInt(3)]);
                    h.setString(5, text(vocab, rnd, 40 + rnd.nextInt(40)));
                    h.setString(6, text(vocab, rnd, 20));
                    h.setString(7, "Type " + rnd.nextInt(20));
                    h.setString(8, text(vocab, rnd, 8));
                    h.setLong(9, at);
                    h.setLong(10, at);
                    h.setLong(11, at);
                    h.addBatch();
                    if (i % 5000 == 0) {
                        h.executeBatch();
                    }
                }
                h.executeBatch();
                for (int i = 1; i <= lessons; i++) {
                    long at = t0 + i * 6_000_000L;
                    l.setString(1, String.format("LESSON-%03d", i));
                    l.setLong(2, i);
                    l.setString(3, text(vocab, rnd, 7));
                    l.setString(4, text(vocab, rnd, 50 + rnd.nextInt(40)));
                    l.setString(5, text(vocab, rnd, 8));
                    l.setString(6, "Type " + rnd.nextInt(20));
                    l.setLong(7, at);
                    l.setLong(8, at);
                    l.addBatch();
                }
                l.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE id_counter SET last_value = " + hotfixes + " WHERE name = 'hotfix'");
                s.execute("UPDATE id_counter SET last_value = " + lessons + " WHERE name = 'lesson'");
            }
            c.commit();
            // The steady state: PostgreSQL's autovacuum would vacuum and analyse a table this fresh within a
            // minute (and compete with the queries meanwhile); SQLite only needs its statistics.
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(url.startsWith("jdbc:postgresql:") ? "VACUUM ANALYZE" : "ANALYZE");
            }
        }
    }
}
