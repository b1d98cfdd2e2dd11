package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Board benchmark of issue "The web app": the time to serve {@code GET /} (the board) on SQLite with 200 active
 * and 20,000 completed hotfixes, one request at a time, next to the floor measured in the same run: the same
 * server answering a static file of similar size over the same connection (what any page costs before it
 * renders anything). Reports p50/p99 of each and the ratio of the medians.
 *
 * <p>Seeding goes through the service (creates), then one SQL statement moves 20,000 of them to completed with a
 * resolution time: the board's queries see exactly what a real log of that size holds, without timing 60,000
 * lifecycle calls. Run with {@code bench/board.sh [requests=1000]}.
 */
public final class BoardBenchmark {
    private static final String TOKEN = "bench-bootstrap-token-0123456789";
    private static final int ACTIVE = 200;
    private static final int COMPLETED = 20_000;
    private static final int ROUNDS = 3;

    private BoardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("hotfix-board-bench-");
        String url = "jdbc:sqlite:" + dir.resolve("board.db");
        Config config = Config.withOverrides(Map.of(
                Setting.DB_URL,
                url,
                Setting.PORT,
                "0",
                Setting.DATA_DIR,
                dir.toString(),
                Setting.BOOTSTRAP_TOKEN,
                TOKEN));
        System.out.printf(
                "# board benchmark: SQLite, %d active + %d completed hotfixes, %d sequential requests per "
                        + "phase, %d rounds; %d cores; Java %s%n%n",
                ACTIVE,
                COMPLETED,
                requests,
                ROUNDS,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try (App app = App.local(config, Clock.systemUTC())) {
            long t0 = System.nanoTime();
            seed(app.hotfixes(), url);
            System.out.printf("seeded in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);
            String base = "http://127.0.0.1:" + app.serve().port();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int boardBytes = get(http, base + "/").length;
            int cssBytes = get(http, base + "/static/app.css").length;
            System.out.printf(
                    "board page: %d bytes of HTML (%d active shown); static floor: app.css, %d bytes%n%n",
                    boardBytes, ACTIVE, cssBytes);
            time(http, base + "/", requests); // warm-up: JIT, caches, connections
            time(http, base + "/static/app.css", requests);
            System.out.println("| round | page | p50 ms | p99 ms | board p50 / floor p50 |");
            System.out.println("|---|---|---:|---:|---:|");
            List<Double> boardP50 = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Stats floor = time(http, base + "/static/app.css", requests);
                Stats board = time(http, base + "/", requests);
                Stats queries = queries(app.hotfixes(), requests);
                boardP50.add(board.percentileMillis(0.5));
                System.out.printf(
                        "| %d | board queries alone (in process) | %.2f | %.2f | |%n",
                        round, queries.percentileMillis(0.5), queries.percentileMillis(0.99));
                System.out.printf(
                        "| %d | static floor | %.2f | %.2f | |%n",
                        round, floor.percentileMillis(0.5), floor.percentileMillis(0.99));
                System.out.printf(
                        "| %d | board | %.2f | %.2f | %.1f× |%n",
                        round,
                        board.percentileMillis(0.5),
                        board.percentileMillis(0.99),
                        board.percentileMillis(0.5) / floor.percentileMillis(0.5));
            }
            boardP50.sort(Double::compare);
            System.out.printf("%nmedian board p50: %.2f ms (goal: under 20 ms)%n", boardP50.get(ROUNDS / 2));
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void seed(HotfixService service, String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 1; i <= ACTIVE + COMPLETED; i++) {
            int n = i;
            done.add(pool.submit(() -> service.create(
                    MergePatch.of(Json.object()
                            .put("title", "Checkout returns 502 after TLS rotation #" + n)
                            .put("severity", n % 3 == 0 ? "critical" : n % 3 == 1 ? "high" : "medium")
                            .put("owner", "Engineer " + (n % 40))
                            .put("problem", "Every card payment failed with 502 at the gateway")
                            .put("changeMade", "Pinned the previous intermediate certificate")),
                    "bench")));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            long now = System.currentTimeMillis();
            st.executeUpdate("UPDATE hotfix SET status = 'completed', fix_deployed_at = " + (now - 3_600_000L)
                    + ", resolved_at = " + (now - 1_800_000L) + " WHERE number <= " + COMPLETED);
        }
    }

    /** The two queries the board makes, without HTTP or HTML: how much of the page is the database. */
    private static Stats queries(HotfixService service, int n) {
        long[] lat = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            service.list(new HotfixQuery(Status.ACTIVE, null, 200, null));
            service.list(new HotfixQuery(Status.DEPLOYED, null, 200, null));
            lat[i] = System.nanoTime() - t;
        }
        return Stats.of("queries", (System.nanoTime() - start) / 1e9, lat);
    }

    private static byte[] get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(request(url), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .GET()
                .build();
    }

    private static Stats time(HttpClient http, String url, int n) throws Exception {
        long[] lat = new long[n];
        HttpRequest req = request(url);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            lat[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
        }
        return Stats.of(url, (System.nanoTime() - start) / 1e9, lat);
    }
}
