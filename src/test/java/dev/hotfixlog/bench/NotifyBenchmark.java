package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Benchmark of issue "Follow-through": (1) 10,000 queued messages drained to a local webhook receiver, messages per
 * second, next to the same number of POSTs sent to the same receiver by the same JDK HTTP client with the same
 * parallelism and no database (the physical limit of this machine's loopback HTTP); (2) the outbox's cost on a
 * declare: create latency with no channel, one, and five (five outbox rows in the create's transaction).
 * SQLite always; PostgreSQL when {@code HOTFIX_BENCH_PG_URL} (or {@code HOTFIX_TEST_PG_URL}) is set. Run with
 * {@code bench/notify.sh [messages=10000] [creates=2000]}.
 */
public final class NotifyBenchmark {
    private static final int CHANNELS = 5;
    private static final int SENDERS = 8;

    private NotifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int creates = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String pg = System.getenv().getOrDefault("HOTFIX_BENCH_PG_URL", System.getenv("HOTFIX_TEST_PG_URL"));
        System.out.printf(
                "# Notify benchmark: %d messages, %d creates per case; %d cores; Java %s%n%n",
                messages, creates, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            rawPosts(receiver, Math.min(messages, 2_000)); // warm-up: the floor gets a compiled client too
            double floor = rawPosts(receiver, messages);
            System.out.printf(
                    "Floor: %d POSTs straight to the receiver, %d in parallel, no database: %.0f msg/s%n%n",
                    messages, SENDERS, floor);
            System.out.println("| database | messages | drain s | msg/s | share of the floor | all delivered once |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            drain("SQLite", sqlite(), receiver, messages, floor);
            if (pg != null && !pg.isBlank()) {
                drain("PostgreSQL", freshSchema(pg, "bench_drain"), receiver, messages, floor);
            }
            System.out.println();
            System.out.println("| database | channels | creates | mean ms | p50 ms | p99 ms | overhead (mean) |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            createLatency("SQLite", NotifyBenchmark::sqlite, receiver, creates);
            if (pg != null && !pg.isBlank()) {
                AtomicInteger n = new AtomicInteger();
                createLatency(
                        "PostgreSQL", () -> freshSchema(pg, "bench_create_" + n.incrementAndGet()), receiver, creates);
            }
        }
    }

    private static void drain(String name, String url, WebhookReceiver receiver, int messages, double floor)
            throws Exception {
        int before = receiver.accepted().size();
        try (App app = App.local(config(url, channels(receiver, CHANNELS)), Clock.systemUTC())) {
            createParallel(app.hotfixes(), messages / CHANNELS);
            long start = System.nanoTime();
            int tried = app.deliverNow();
            double seconds = (System.nanoTime() - start) / 1e9;
            int got = receiver.accepted().size() - before;
            long distinct = receiver
                    .accepted()
                    .subList(before, receiver.accepted().size())
                    .stream()
                    .map(r -> r.headers().get("idempotency-key"))
                    .distinct()
                    .count();
            System.out.printf(
                    "| %s | %d | %.2f | %.0f | %.0f%% | %s |%n",
                    name,
                    tried,
                    seconds,
                    tried / seconds,
                    100 * (tried / seconds) / floor,
                    got == tried && distinct == got ? "yes" : "NO: " + got + " received, " + distinct + " distinct");
        }
    }

    private static void createLatency(String name, Supplier<String> db, WebhookReceiver receiver, int creates) {
        double base = 0;
        for (int channels : new int[] {0, 1, CHANNELS}) {
            long[] lat = new long[creates];
            try (App app = App.local(config(db.get(), channels(receiver, channels)), Clock.systemUTC())) {
                HotfixService h = app.hotfixes();
                for (int i = 0; i < 200; i++) { // warm-up, not measured
                    create(h, i);
                }
                for (int i = 0; i < creates; i++) {
                    long t = System.nanoTime();
                    create(h, i);
                    lat[i] = System.nanoTime() - t;
                }
            }
            Stats s = Stats.of(name, 1, lat);
            double mean = Arrays.stream(lat).average().orElse(0) / 1e6;
            if (channels == 0) {
                base = mean;
            }
            System.out.printf(
                    "| %s | %d | %d | %.2f | %.2f | %.2f | %s |%n",
                    name,
                    channels,
                    creates,
                    mean,
                    s.percentileMillis(0.5),
                    s.percentileMillis(0.99),
                    channels == 0 ? "—" : String.format("%+.0f%%", 100 * (mean - base) / base));
        }
    }

    private static void create(HotfixService h, int i) {
        h.create(
                MergePatch.of(Json.parseObject("{\"title\":\"Checkout 502 number " + i + "\",\"severity\":"
                        + "\"critical\",\"owner\":\"Priya\",\"impact\":\"All checkouts\"}")),
                "bench");
    }

    private static void createParallel(HotfixService h, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            all.add(pool.submit(() -> create(h, k)));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
    }

    /** The same number of POSTs of an alert-sized Slack payload, by the JDK client, {@value SENDERS} at a time. */
    private static double rawPosts(WebhookReceiver receiver, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"text\":\"HOTFIX-001 alert\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
                + "\"text\":\"" + "x".repeat(220) + "\"}}]}";
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            all.add(pool.submit(() -> {
                while (next.getAndIncrement() < n) {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create(receiver.url("/floor")))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("receiver answered " + r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The first {@code n} of: Slack, Mattermost, Teams and two generic webhooks, all at the local receiver. */
    private static String channels(WebhookReceiver r, int n) {
        List<String> all = List.of(
                "slack " + r.url("/slack"),
                "mattermost " + r.url("/mm"),
                "teams " + r.url("/teams"),
                "webhook " + r.url("/hook"),
                "webhook " + r.url("/hook2"));
        return String.join("; ", all.subList(0, n));
    }

    private static Config config(String url, String channels) {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        m.put(Setting.DB_URL, url);
        m.put(
                Setting.DATA_DIR,
                url.startsWith("jdbc:sqlite:")
                        ? Path.of(url.substring("jdbc:sqlite:".length()))
                                .getParent()
                                .toString()
                        : System.getProperty("java.io.tmpdir"));
        m.put(Setting.CHANNELS, channels);
        m.put(Setting.NOTIFY_INTERVAL_MS, "0");
        return Config.withOverrides(m);
    }

    private static String sqlite() {
        try {
            return "jdbc:sqlite:"
                    + Files.createTempDirectory("hotfix-notify-bench-").resolve("hotfix.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty schema on the given PostgreSQL, so every case starts from an empty log. */
    private static String freshSchema(String url, String schema) {
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare PostgreSQL schema " + schema + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
