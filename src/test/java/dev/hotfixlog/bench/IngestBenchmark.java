package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The alert storm of issue "Alerts and deploys in": 1,000 Alertmanager groups, each sent 10 times (the repeat
 * interval, HA peers, retries), replayed by {@code wrk} at 16 connections against the ingest URL. It checks what
 * must hold (1,000 incoming alerts, 0 duplicates, every one of the 10,000 deliveries counted, none refused) and
 * measures the ingest's deliveries per second next to the physical limit measured in the same run
 * ({@link WriteBenchmark}'s JDBC limit: one create's rows, one transaction each), and the board's p50 while the
 * storm runs (one viewer loading {@code /} back to back). SQLite, then PostgreSQL.
 *
 * <p>Run with {@code bench/ingest.sh [groups=1000] [resends=10] [connections=16]}.
 */
public final class IngestBenchmark {
    private static final String TOKEN = "bench-bootstrap-token-0123456789";
    private static final String SECRET = "storm-secret-0123456789";

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int resends = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        String pgBase = System.getenv()
                .getOrDefault("HOTFIX_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        System.out.printf(
                "# ingest benchmark: %d groups x %d deliveries, wrk at %d connections; %d cores; Java %s%n%n",
                groups,
                resends,
                connections,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.println("| database | deliveries | refused | incoming alerts | duplicates | deliveries counted "
                + "| deliveries/s | JDBC limit creates/s | ingest / limit | board p50 ms (p90) during the storm "
                + "| board p50 ms alone |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Path dir = Files.createTempDirectory("hotfix-ingest-bench-");
        try {
            measure(
                    "SQLite",
                    "jdbc:sqlite:" + dir.resolve("jdbc.db"),
                    "jdbc:sqlite:" + dir.resolve("api.db"),
                    dir,
                    groups,
                    resends,
                    connections);
            String a = "bench_" + UUID.randomUUID().toString().substring(0, 8);
            String b = "bench_" + UUID.randomUUID().toString().substring(0, 8);
            WriteBenchmark.exec(pgBase, "CREATE SCHEMA " + a);
            WriteBenchmark.exec(pgBase, "CREATE SCHEMA " + b);
            try {
                measure(
                        "PostgreSQL",
                        WriteBenchmark.withSchema(pgBase, a),
                        WriteBenchmark.withSchema(pgBase, b),
                        dir,
                        groups,
                        resends,
                        connections);
            } finally {
                WriteBenchmark.exec(pgBase, "DROP SCHEMA " + a + " CASCADE");
                WriteBenchmark.exec(pgBase, "DROP SCHEMA " + b + " CASCADE");
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measure(
            String name, String jdbcUrl, String apiUrl, Path dir, int groups, int resends, int connections)
            throws Exception {
        Database.open(jdbcUrl, "", "", 1).close();
        Config config = Config.withOverrides(Map.of(
                Setting.DB_URL,
                apiUrl,
                Setting.PORT,
                "0",
                Setting.DATA_DIR,
                dir.toString(),
                Setting.DB_POOL_SIZE,
                String.valueOf(connections),
                Setting.BOOTSTRAP_TOKEN,
                TOKEN,
                Setting.INTEGRATIONS,
                "alertmanager storm bearer=" + SECRET));
        try (App app = App.local(config, Clock.systemUTC())) {
            var server = app.serve();
            String base = "http://127.0.0.1:" + server.port();
            String changes = WriteBenchmark.changesOfOneCreate(new Http(base, TOKEN));
            Stats limit = WriteBenchmark.jdbcLimit(jdbcUrl, 3000, connections, changes);

            // The board alone first (the same viewer, 3 s, nothing else running): its floor on this machine.
            List<Long> idle = new ArrayList<>();
            AtomicBoolean quiet = new AtomicBoolean(true);
            Thread before = new Thread(() -> loadBoard(base, quiet, idle));
            before.start();
            Thread.sleep(3_000);
            quiet.set(false);
            before.join();
            idle.sort(null);
            // One viewer reloading the board while the storm runs.
            List<Long> board = new ArrayList<>();
            AtomicBoolean storming = new AtomicBoolean(true);
            Thread viewer = new Thread(() -> loadBoard(base, storming, board));
            viewer.start();
            Storm storm = storm(base + "/api/v1/ingest/alertmanager/storm", apiUrl, groups, resends, connections);
            double seconds = stormSeconds(apiUrl);
            storming.set(false);
            viewer.join();

            long[] counts = counts(apiUrl);
            board.sort(null);
            double perSecond = storm.delivered() / seconds;
            System.out.printf(
                    "| %s | %d | %d | %d | %d | %d | %.0f | %.0f | %.0f%% | %.1f (%.1f) | %.1f |%n",
                    name,
                    storm.delivered(),
                    storm.refused(),
                    counts[0],
                    counts[0] - counts[1],
                    counts[2],
                    perSecond,
                    limit.perSecond(),
                    100 * perSecond / limit.perSecond(),
                    millis(board, 0.5),
                    millis(board, 0.9),
                    millis(idle, 0.5));
            server.close();
        }
    }

    /** From the storm's first delivery to its last, as the server stamped them. */
    private static double stormSeconds(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT MIN(first_received_at), MAX(last_received_at) FROM incoming_alert")) {
            rs.next();
            return (rs.getLong(2) - rs.getLong(1)) / 1000.0;
        }
    }

    /** Incoming alerts, distinct groups among them, and deliveries counted on them. */
    private static long[] counts(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*), COUNT(DISTINCT group_hash), SUM(deliveries) " + "FROM incoming_alert")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private record Storm(long delivered, long refused) {}

    /**
     * wrk with a script: each thread sends its share of the deliveries, group after group, round after round
     * (so a group's re-sends are spread over the storm, as a repeat interval spreads them), then stops.
     */
    private static Storm storm(String url, String dbUrl, int groups, int resends, int connections) throws Exception {
        int threads = 2;
        int total = groups * resends;
        String body = Files.readString(Path.of("bench/ingest-delivery.json"))
                .strip()
                .replace("%", "%%")
                .replace("GROUP", "%d");
        String lua = """
                local next_id = 1
                function setup(thread)
                  thread:set("id", next_id)
                  next_id = next_id + 1
                end
                function init(args)
                  sent = 0
                  answered = 0
                  delivered = 0
                  refused = 0
                  quota = %d
                  wrk.method = "POST"
                  wrk.headers["Content-Type"] = "application/json"
                  wrk.headers["Authorization"] = "Bearer %s"
                end
                local template = [==[%s]==]
                function request()
                  -- wrk calls the first thread's request() once before it starts, to check the script: that
                  -- request is never sent, so it must not take a delivery of the storm.
                  if id == 1 and not checked then
                    checked = true
                    return wrk.format("GET", "/health", {}, nil)
                  end
                  if sent >= quota then
                    return wrk.format("GET", "/health", {}, nil)
                  end
                  local k = sent * %d + (id - 1)
                  sent = sent + 1
                  local g = k %% %d
                  return wrk.format(nil, nil, nil, string.format(template, g, g, g, g, g, g))
                end
                function response(status, headers, body)
                  if body:find('"incoming"', 1, true) then
                    delivered = delivered + 1
                  elseif status ~= 200 or not body:find('"status"', 1, true) then
                    refused = refused + 1
                  end
                  answered = answered + 1
                  if delivered + refused >= quota then
                    wrk.thread:stop()
                  end
                end
                function done(summary, latency, requests)
                end
                """.formatted(total / threads, SECRET, body, threads, groups);
        Path script = Files.createTempFile("storm-", ".lua");
        Files.writeString(script, lua);
        Process p = new ProcessBuilder(
                        "wrk", "-t" + threads, "-c" + connections, "-d600s", "--latency", "-s", script.toString(), url)
                .redirectErrorStream(true)
                .start();
        // A stopped wrk thread still waits out -d: once the server has counted every delivery (or wrk's
        // threads are done), wrk is told to stop (SIGINT) and prints its summary.
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (p.isAlive() && counts(dbUrl)[2] < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(200);
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        if (!out.contains("requests in")) {
            throw new IOException("wrk failed: " + out);
        }
        long non2xx = out.lines()
                .filter(l -> l.contains("Non-2xx"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .sum();
        // Every delivery is counted by the server itself (counts()); wrk says how many it had refused.
        return new Storm(total - non2xx, non2xx);
    }

    private static void loadBoard(String base, AtomicBoolean storming, List<Long> out) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Authorization", "Bearer " + TOKEN)
                .build();
        while (storming.get()) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    synchronized (out) {
                        out.add(System.nanoTime() - t0);
                    }
                }
                Thread.sleep(20);
            } catch (IOException e) {
                // counted as missing
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double millis(List<Long> sorted, double p) {
        return sorted.isEmpty()
                ? Double.NaN
                : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
