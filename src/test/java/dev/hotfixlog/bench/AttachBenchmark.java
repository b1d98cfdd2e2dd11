package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.attachment.Upload;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.web.WebServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Attachments (issue "The seed's last pieces"): {@code N} distinct screenshots of about 300 KB (real PNGs of noise,
 * which do not compress) uploaded over HTTP by 8 clients (multipart, bearer token, 50 to a hotfix) and read back,
 * against the floor in the same run: the same bytes written to the same database by 8 threads with plain JDBC
 * (one INSERT and commit each, a connection per thread) and read back by key. Then the record page of a hotfix
 * with 50 attachments, one request at a time: p50 and p99. Both databases unless one is named. Goal: uploads at
 * least 50% of the JDBC floor's throughput; the page's p50 under 50 ms.
 * Run with {@code bench/attach.sh [files=1000] [sqlite|postgresql|both]}.
 */
public final class AttachBenchmark {
    private static final String TOKEN = "bench-bootstrap-token-0123456789";
    private static final int CLIENTS = 8;
    private static final int PER_HOTFIX = 50;

    private AttachBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String which = args.length > 1 ? args[1] : "both";
        System.out.printf(
                "# attachments benchmark: %d screenshots of ~300 KB, %d clients; %d cores; Java %s%n%n",
                files, CLIENTS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<byte[]> shots = screenshots(files);
        long total = shots.stream().mapToLong(b -> b.length).sum();
        System.out.printf(
                "generated %d PNGs, %.1f MB in all (mean %d KB)%n%n", files, total / 1e6, total / files / 1024);
        System.out.println("| database | phase | files/s | MB/s | p50 ms | p99 ms | vs JDBC floor |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        if (!which.equals("postgresql")) {
            Path dir = Files.createTempDirectory("hotfix-attach-bench-");
            run("SQLite", "jdbc:sqlite:" + dir.resolve("attach.db"), dir, shots, total);
        }
        if (!which.equals("sqlite")) {
            String pgBase = System.getenv()
                    .getOrDefault("HOTFIX_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
            String schema = "bench_" + UUID.randomUUID().toString().substring(0, 8);
            WriteBenchmark.exec(pgBase, "CREATE SCHEMA " + schema);
            try {
                run(
                        "PostgreSQL",
                        WriteBenchmark.withSchema(pgBase, schema),
                        Files.createTempDirectory("hotfix-att-"),
                        shots,
                        total);
            } finally {
                WriteBenchmark.exec(pgBase, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
        System.exit(0); // the servers' and workers' threads are done with; nothing else to wait for
    }

    private static void run(String name, String url, Path dir, List<byte[]> shots, long total) throws Exception {
        Config config = Config.withOverrides(Map.of(
                Setting.DB_URL,
                url,
                Setting.PORT,
                "0",
                Setting.DATA_DIR,
                dir.toString(),
                Setting.BOOTSTRAP_TOKEN,
                TOKEN,
                Setting.NOTIFY_INTERVAL_MS,
                "0",
                // the last hotfix takes the in-process uploads, all of them
                Setting.ATTACH_MAX_RECORD,
                String.valueOf(1L << 30)));
        try (App app = App.local(config, Clock.systemUTC())) {
            int hotfixes = (shots.size() + PER_HOTFIX - 1) / PER_HOTFIX + 1;
            for (int i = 0; i < hotfixes; i++) {
                app.hotfixes()
                        .create(
                                MergePatch.of(Json.object()
                                        .put("title", "Checkout 502 #" + i)
                                        .put("severity", "high")),
                                "bench");
            }
            WebServer server = app.serve();
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            Stats floorWrite = jdbcWrites(url, shots);
            Stats floorRead = jdbcReads(url, shots.size());
            // Uploads and reads from a second process (wrk), so the load generator does not take the server's cores.
            Path shotsDir = Files.createTempDirectory("hotfix-shots-");
            for (int i = 0; i < shots.size(); i++) {
                Files.write(shotsDir.resolve(i + ".png"), shots.get(i));
            }
            // wrk runs for whole seconds: a warm-up (from the last screenshot down, to its own hotfix) measures the
            // rate, then the measured run lasts about as long as N uploads take at it, from the first screenshot up.
            Wrk.Result warm = Wrk.script(base, uploadScript(shotsDir, shots.size(), -1, hotfixes), CLIENTS, 3);
            // What HTTP alone costs here: the same posts, read and parsed whole, then refused (404: no such hotfix).
            Wrk.Result transport = Wrk.script(base, uploadScript(shotsDir, shots.size(), 1, 999_999), CLIENTS, 3);
            int seconds = (int) Math.max(2, Math.round(shots.size() / warm.perSecond()));
            Wrk.Result upload = Wrk.script(base, uploadScript(shotsDir, shots.size(), 1, 0), CLIENTS, seconds);
            if (upload.bad() > 0 || warm.bad() > 0) {
                throw new IllegalStateException((upload.bad() + warm.bad()) + " uploads were refused");
            }
            long stored = stored(url);
            System.out.printf(
                    "| %s | (uploads: %d in %d s after a warm-up of %d; %d attachments stored) | | | | | |%n",
                    name, upload.requests(), seconds, warm.requests(), stored);
            if (stored < upload.requests() + warm.requests()) {
                throw new IllegalStateException("wrk counted " + (upload.requests() + warm.requests())
                        + " uploads but the log holds " + stored + " attachments");
            }
            Wrk.Result readBack =
                    Wrk.script(base, readScript((int) Math.min(shots.size(), upload.requests())), CLIENTS, seconds);
            // The same uploads in process, through the service the routes call: what HTTP adds is the difference.
            AtomicInteger direct = new AtomicInteger();
            int half = shots.size() / 2;
            Stats service = Load.run("service", CLIENTS, half, () -> {
                int i = direct.getAndIncrement();
                app.attachments()
                        .add(
                                Owner.parse("HOTFIX-" + String.format("%03d", hotfixes)),
                                new Upload("direct-" + i + ".png", null, shots.get(i)),
                                "bench");
            });
            long mean = total / shots.size();
            row(name, "JDBC floor: write (INSERT + commit)", floorWrite, total, null);
            row(name, "(service.add in process, no HTTP; half the files)", service, total / 2, floorWrite);
            row(name, "upload through the API (wrk, multipart)", upload, mean, floorWrite);
            System.out.printf(
                    "| %s | HTTP floor: the same posts read, parsed and refused (404) | %.0f | %.1f | %.1f | %.1f "
                            + "| uploads are %.0f%% of it |%n",
                    name,
                    transport.perSecond(),
                    transport.perSecond() * mean / 1e6,
                    transport.p50Millis(),
                    transport.p99Millis(),
                    100 * upload.perSecond() / transport.perSecond());
            row(name, "JDBC floor: read by key", floorRead, total, null);
            row(name, "read back through the API (wrk)", readBack, mean, floorRead);

            // The record page of a hotfix holding 50 attachments: 40 screenshots and 10 logs, as evidence goes.
            String pageHotfix = app.hotfixes()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", "Page with evidence")
                                    .put("severity", "high")),
                            "bench")
                    .id()
                    .toString();
            for (int i = 0; i < 50; i++) {
                byte[] bytes = i < 40
                        ? shots.get(i)
                        : ("02:17:0" + i + " ERROR upstream 502 from payments\n")
                                .repeat(200)
                                .getBytes(StandardCharsets.UTF_8);
                app.attachments()
                        .add(
                                Owner.parse(pageHotfix),
                                new Upload(
                                        i < 40 ? "graph-" + i + ".png" : "pod-" + i + ".log", "evidence " + i, bytes),
                                "bench");
            }
            String page = base + "/hotfixes/" + pageHotfix;
            for (int i = 0; i < 50; i++) {
                get(http, page);
            }
            long[] lat = new long[300];
            long start = System.nanoTime();
            for (int i = 0; i < lat.length; i++) {
                long t = System.nanoTime();
                int bytes = get(http, page);
                lat[i] = System.nanoTime() - t;
                if (i == 0) {
                    System.out.printf(
                            "| %s | (record page: %d bytes of HTML, %d attachments) | | | | | |%n",
                            name, bytes, Math.min(PER_HOTFIX, shots.size()));
                }
            }
            Stats pageStats = Stats.of("page", (System.nanoTime() - start) / 1e9, lat);
            System.out.printf(
                    "| %s | record page with 50 attachments | %.0f req/s | | %.2f | %.2f | goal p50 < 50 ms |%n",
                    name, pageStats.perSecond(), pageStats.percentileMillis(0.5), pageStats.percentileMillis(0.99));
            server.close();
        }
    }

    private static void row(String db, String phase, Wrk.Result w, long meanBytes, Stats floor) {
        System.out.printf(
                "| %s | %s | %.0f | %.1f | %.1f | %.1f | %s |%n",
                db,
                phase,
                w.perSecond(),
                w.perSecond() * meanBytes / 1e6,
                w.p50Millis(),
                w.p99Millis(),
                String.format("%.0f%%", 100.0 * w.perSecond() / floor.perSecond()));
    }

    /**
     * wrk's 2 threads post the screenshots in turn, each every other one (multipart, 50 to a hotfix); {@code step}
     * 1 from the first up, -1 from the last down; {@code fixedHotfix} > 0 sends every one to that hotfix.
     */
    private static String uploadScript(Path dir, int n, int step, int fixedHotfix) {
        return """
                local dir, total, step, fixed = "%s", %d, %d, %d
                local threads = {}
                function setup(thread)
                  thread:set("tid", #threads)
                  table.insert(threads, thread)
                end
                function init(args)
                  k = tid
                end
                function request()
                  local i = (step > 0 and k or (total - 1 - k)) %% total
                  k = k + 2
                  local f = io.open(dir .. "/" .. i .. ".png", "rb")
                  local data = f:read("*all")
                  f:close()
                  local body = "--B0undary\\r\\nContent-Disposition: form-data; name=\\"file\\"; filename=\\"graph-" .. i
                    .. ".png\\"\\r\\nContent-Type: image/png\\r\\n\\r\\n" .. data .. "\\r\\n--B0undary--\\r\\n"
                  local hotfix = string.format("HOTFIX-%%03d", fixed > 0 and fixed or 1 + math.floor(i / %d))
                  return wrk.format("POST", "/api/v1/hotfixes/" .. hotfix .. "/attachments",
                    {["Authorization"] = "Bearer %s", ["Content-Type"] = "multipart/form-data; boundary=B0undary"},
                    body)
                end
                """.formatted(dir, n, step, fixedHotfix, PER_HOTFIX, TOKEN);
    }

    /** wrk's 2 threads read the first {@code n} attachments back in turn. */
    private static String readScript(int n) {
        return """
                local total = %d
                local threads = {}
                function setup(thread)
                  thread:set("tid", #threads)
                  table.insert(threads, thread)
                end
                function init(args)
                  next_id = tid
                end
                function request()
                  local id = 1 + (next_id %% total)
                  next_id = next_id + 2
                  return wrk.format("GET", "/api/v1/attachments/" .. id .. "/content",
                    {["Authorization"] = "Bearer %s"})
                end
                """.formatted(n, TOKEN);
    }

    private static void row(String db, String phase, Stats s, long bytes, Stats floor) {
        System.out.printf(
                "| %s | %s | %.0f | %.1f | %.1f | %.1f | %s |%n",
                db,
                phase,
                s.perSecond(),
                bytes / 1e6 / s.seconds(),
                s.percentileMillis(0.5),
                s.percentileMillis(0.99),
                floor == null ? "" : String.format("%.0f%%", 100.0 * s.perSecond() / floor.perSecond()));
    }

    private static int get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode());
        }
        return r.body().length;
    }

    private static long stored(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM attachment")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The floor: the same bytes into a plain table of the same database, 8 threads, a commit per row. */
    private static Stats jdbcWrites(String url, List<byte[]> shots) throws Exception {
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_blob (id INTEGER PRIMARY KEY, bytes " + (sqlite ? "BLOB" : "BYTEA")
                    + " NOT NULL)");
        }
        AtomicInteger next = new AtomicInteger();
        ThreadLocal<Connection> conn = ThreadLocal.withInitial(() -> open(url));
        Stats s = Load.run("jdbc-write", CLIENTS, shots.size(), () -> {
            int i = next.getAndIncrement();
            try (PreparedStatement ps =
                    conn.get().prepareStatement("INSERT INTO bench_blob (id, bytes) VALUES (?, ?)")) {
                ps.setInt(1, i + 1);
                ps.setBytes(2, shots.get(i));
                ps.executeUpdate();
            }
        });
        return s;
    }

    private static Stats jdbcReads(String url, int n) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ThreadLocal<Connection> conn = ThreadLocal.withInitial(() -> open(url));
        return Load.run("jdbc-read", CLIENTS, n, () -> {
            int id = next.incrementAndGet();
            try (PreparedStatement ps = conn.get().prepareStatement("SELECT bytes FROM bench_blob WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBytes(1).length < 100_000) {
                        throw new IllegalStateException("short read");
                    }
                }
            }
        });
    }

    /** SQLite as the log opens it: WAL, synchronous FULL, a busy timeout for the 8 writers. */
    private static Connection open(String url) {
        try {
            Connection c = DriverManager.getConnection(url);
            if (url.startsWith("jdbc:sqlite:")) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode=WAL");
                    st.execute("PRAGMA synchronous=FULL");
                    st.execute("PRAGMA busy_timeout=30000");
                }
            }
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Distinct PNGs of noise, 320×320 RGB: about 300 KB each, as a full-screen graph's PNG often is. */
    private static List<byte[]> screenshots(int n) throws Exception {
        List<byte[]> out = new ArrayList<>(n);
        Random random = new Random(42);
        BufferedImage img = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < 320; y++) {
                for (int x = 0; x < 320; x++) {
                    img.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream(320 * 1024);
            ImageIO.write(img, "png", b);
            out.add(b.toByteArray());
        }
        return out;
    }
}
