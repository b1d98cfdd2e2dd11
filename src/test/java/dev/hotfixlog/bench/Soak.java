package dev.hotfixlog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.Ports;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.WebhookReceiver;
import dev.hotfixlog.web.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 21's soak: two {@code hotfix serve} processes on one PostgreSQL behind HAProxy (Debian's), 16 writers
 * declaring critical hotfixes and 4 readers through the proxy for a while, one instance {@code kill -9}ed and
 * restarted twice, a signed-in Chromium session using the board throughout, and a webhook receiver taking every
 * alert. Afterwards, from the database and the receiver: every acknowledged write is there, no write made twice
 * (each carries an {@code Idempotency-Key}, which the writers resend after a failure, as a client should), no
 * alert delivered twice or missing, and the browser session never had to sign in again.
 *
 * <p>Run with {@code bench/soak.sh [seconds=300] [PostgreSQL JDBC URL]}; {@code MultiInstanceSoakTest} runs it for
 * 45 seconds in every build.
 */
public final class Soak {
    public static final String TOKEN = "soak-bootstrap-admin-token-0123456789";
    private static final String PASSWORD = "a long soak password";
    private static final int WRITERS = 16;
    private static final int READERS = 4;

    /** What the soak saw; {@link #problems()} lists what must be zero. */
    public record Report(
            long acknowledged,
            long stored,
            long missing,
            long duplicateWrites,
            long clientRetries,
            long writesGivenUp,
            long reads,
            long readErrors,
            long alertsDelivered,
            String messagesByKind,
            long duplicateAlerts,
            long inDoubt,
            long resentInDoubt,
            long missingAlerts,
            int browserChecks,
            int browserSignedOut,
            double seconds,
            Stats writes,
            Stats readStats,
            String readFailures,
            List<String> kills) {
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            if (missing > 0) {
                out.add(missing + " acknowledged writes missing");
            }
            if (duplicateWrites > 0) {
                out.add(duplicateWrites + " writes stored twice");
            }
            if (writesGivenUp > 0) {
                out.add(writesGivenUp + " writes never acknowledged after retrying for 60 s");
            }
            if (duplicateAlerts > 0) {
                out.add(duplicateAlerts + " messages delivered twice that no kill left in doubt");
            }
            if (missingAlerts > 0) {
                out.add(missingAlerts + " alerts never delivered");
            }
            if (browserSignedOut > 0 || browserChecks == 0) {
                out.add("the browser session failed " + browserSignedOut + " of " + browserChecks
                        + " checks (signed out, " + "or a form save with its CSRF token did not take)");
            }
            if (acknowledged == 0) {
                out.add("no write was acknowledged");
            }
            return out;
        }

        public String markdown() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("| measure | value |%n|---|---:|%n"));
            row(b, "seconds under load", String.format("%.0f", seconds));
            row(b, "writes acknowledged", acknowledged + String.format(" (%.0f/s)", writes.perSecond()));
            row(
                    b,
                    "write p50 / p99 / max ms (with retries)",
                    String.format(
                            "%.1f / %.1f / %.0f",
                            writes.percentileMillis(0.5), writes.percentileMillis(0.99), writes.percentileMillis(1.0)));
            row(b, "client retries (same Idempotency-Key)", String.valueOf(clientRetries));
            row(b, "reads (failed: how)", reads + " (" + readErrors + ": " + readFailures + ")");
            row(
                    b,
                    "read p50 / p99 ms",
                    String.format("%.1f / %.1f", readStats.percentileMillis(0.5), readStats.percentileMillis(0.99)));
            row(b, "hotfixes stored (acknowledged or not)", String.valueOf(stored));
            row(b, "acknowledged writes missing", String.valueOf(missing));
            row(b, "writes stored twice", String.valueOf(duplicateWrites));
            row(
                    b,
                    "hotfixes alerted / repeats no kill explains / missing",
                    alertsDelivered + " / " + duplicateAlerts + " / " + missingAlerts);
            row(b, "webhook messages by kind", messagesByKind);
            row(
                    b,
                    "messages in doubt at the kills / sent again (same Idempotency-Key)",
                    inDoubt + " / " + resentInDoubt);
            row(
                    b,
                    "browser checks (pages, and form saves with the CSRF token) / failed",
                    browserChecks + " / " + browserSignedOut);
            b.append(String.format("%nKills: %s%n", String.join("; ", kills)));
            return b.toString();
        }

        private static void row(StringBuilder b, String k, String v) {
            b.append("| ").append(k).append(" | ").append(v).append(" |\n");
        }
    }

    private Soak() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String url = args.length > 1 ? args[1] : null;
        String schema = null;
        if (url == null) {
            String base = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            schema = "soak_" + UUID.randomUUID().toString().substring(0, 8);
            WriteBenchmark.exec(base, "CREATE SCHEMA " + schema);
            url = WriteBenchmark.withSchema(base, schema);
        }
        System.out.printf(
                "# soak: %d s, %d writers, %d readers, two instances behind HAProxy on PostgreSQL; "
                        + "%d cores; Java %s%n%n",
                seconds,
                WRITERS,
                READERS,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try {
            Report r = run(url, Files.createTempDirectory("hotfix-soak-"), Duration.ofSeconds(seconds));
            System.out.println(r.markdown());
            System.out.println(
                    r.problems().isEmpty() ? "OK: nothing lost, nothing twice" : "PROBLEMS: " + r.problems());
            System.exit(r.problems().isEmpty() ? 0 : 1);
        } finally {
            if (schema != null) {
                WriteBenchmark.exec(
                        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** Runs the soak against an empty log at {@code dbUrl} (PostgreSQL), in {@code dir}, for {@code length}. */
    public static Report run(String dbUrl, Path dir, Duration length) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/haproxy"))) {
            throw new IllegalStateException(
                    "/usr/sbin/haproxy is missing; install it with: apt-get install -y haproxy");
        }
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<Setting, String> settings = new EnumMap<>(Setting.class);
            settings.put(Setting.DB_URL, dbUrl);
            settings.put(Setting.DATA_DIR, dir.resolve("setup").toString());
            settings.put(Setting.CHANNELS, "webhook " + receiver.url("/hook"));
            try (App app = App.local(Config.withOverrides(settings), Clock.systemUTC())) {
                app.accounts().create("lead", Role.RESPONDER, PASSWORD, false);
            }
            int portA = Ports.free();
            int portB = Ports.free();
            int portProxy = Ports.free();
            Instance a = new Instance("a", portA, dbUrl, dir.resolve("a"), receiver);
            Instance b = new Instance("b", portB, dbUrl, dir.resolve("b"), receiver);
            a.start();
            b.start();
            Path cfg = dir.resolve("haproxy.cfg");
            Files.writeString(cfg, haproxyConfig(portProxy, portA, portB));
            Process proxy = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("haproxy.log").toFile())
                    .start();
            try {
                String front = "http://127.0.0.1:" + portProxy;
                waitHealthy(front);
                return load(front, dbUrl, length, a, receiver);
            } finally {
                proxy.destroy();
                a.stop();
                b.stop();
            }
        }
    }

    private static Report load(String front, String dbUrl, Duration length, Instance victim, WebhookReceiver receiver)
            throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // id -> title
        ConcurrentLinkedQueue<Long> writeLatencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> readLatencies = new ConcurrentLinkedQueue<>();
        AtomicLong retries = new AtomicLong();
        AtomicLong givenUp = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        AtomicLong readErrors = new AtomicLong();
        Map<String, AtomicLong> readFailures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(started(new Thread(
                    () -> {
                        for (int n = 0; running.get(); n++) {
                            String title = "soak w" + writer + " n" + n;
                            String key = UUID.randomUUID().toString();
                            long t0 = System.nanoTime();
                            String id = writeUntilAcknowledged(http, front, title, key, retries);
                            if (id == null) {
                                givenUp.incrementAndGet();
                            } else {
                                acknowledged.put(id, title);
                                writeLatencies.add(System.nanoTime() - t0);
                            }
                        }
                    },
                    "soak-writer-" + w)));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(started(new Thread(
                    () -> {
                        while (running.get()) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> res = http.send(
                                        api(front, "/api/v1/hotfixes?limit=20")
                                                .GET()
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (res.statusCode() == 200) {
                                    readLatencies.add(System.nanoTime() - t0);
                                } else {
                                    readErrors.incrementAndGet();
                                    readFailures
                                            .computeIfAbsent("HTTP " + res.statusCode(), k -> new AtomicLong())
                                            .incrementAndGet();
                                }
                            } catch (IOException e) {
                                readErrors.incrementAndGet();
                                readFailures
                                        .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                                        .incrementAndGet();
                            } catch (InterruptedException e) {
                                return;
                            }
                            reads.incrementAndGet();
                        }
                    },
                    "soak-reader-" + r)));
        }
        List<String> kills = new ArrayList<>();
        Set<String> inDoubt = new HashSet<>(); // messages a killed instance was sending
        int[] browser = new int[2]; // checks, signed out
        long started = System.nanoTime();
        try (Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Page page = Chromium.signIn(context, front, "lead", PASSWORD);
            page.waitForURL(u -> !u.contains("/sign-in"));
            for (int kill = 1; kill <= 2; kill++) {
                sleepUntil(started, length.multipliedBy(kill).dividedBy(3), () -> checkSession(page, front, browser));
                long t0 = System.nanoTime();
                victim.kill();
                inDoubt.addAll(sendingNow(dbUrl));
                victim.start();
                kills.add(String.format(
                        "kill -9 of instance a at %.0f s, serving again after %.1f s",
                        (t0 - started) / 1e9, (System.nanoTime() - t0) / 1e9));
                checkSession(page, front, browser);
                editThroughTheForm(page, front, "after kill " + kill, browser);
            }
            sleepUntil(started, length, () -> checkSession(page, front, browser));
            running.set(false);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(90));
            }
            checkSession(page, front, browser);
            editThroughTheForm(page, front, "at the end", browser);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // Every alert delivered: wait for the outbox to empty (both instances deliver).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150); // past a killed claim's 60 s lease
        while (pendingMessages(dbUrl) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Map<String, Integer> byKey = new HashMap<>();
        Map<String, Integer> alertsByHotfix = new HashMap<>();
        Map<String, Integer> byEvent = new TreeMap<>();
        for (WebhookReceiver.Received r : receiver.accepted()) {
            byKey.merge(r.headers().get("idempotency-key"), 1, Integer::sum);
            JsonNode body = Json.mapper().readTree(r.body());
            byEvent.merge(body.path("event").asText(), 1, Integer::sum);
            if (body.path("event").asText().equals("alert")) {
                alertsByHotfix.merge(body.path("hotfix").asText(), 1, Integer::sum);
            }
        }
        // A message the killed instance was sending may have reached the receiver before its outcome was written: it
        // is sent again, with the same Idempotency-Key, when its lease runs out. Any other repeat is a defect.
        long duplicateAlerts = byKey.entrySet().stream()
                .filter(e -> e.getValue() > 1 && !inDoubt.contains(e.getKey()))
                .mapToLong(e -> e.getValue() - 1)
                .sum();
        long resentInDoubt = byKey.entrySet().stream()
                .filter(e -> e.getValue() > 1 && inDoubt.contains(e.getKey()))
                .mapToLong(e -> e.getValue() - 1)
                .sum();

        Map<String, String> stored = new HashMap<>();
        long duplicateWrites;
        try (Connection c = DriverManager.getConnection(dbUrl);
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, title FROM hotfix")) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT impact FROM hotfix WHERE id = 'HOTFIX-001'")) {
                if (!rs.next() || !"soak: saved at the end".equals(rs.getString(1))) {
                    browser[1]++; // the last form save did not reach the database
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM "
                    + "hotfix GROUP BY title HAVING COUNT(*) > 1) d")) {
                rs.next();
                duplicateWrites = rs.getLong(1);
            }
        }
        long missing = acknowledged.entrySet().stream()
                .filter(e -> !e.getValue().equals(stored.get(e.getKey())))
                .count();
        long missingAlerts = stored.keySet().stream()
                .filter(id -> !alertsByHotfix.containsKey(id))
                .count();
        return new Report(
                acknowledged.size(),
                stored.size(),
                missing,
                duplicateWrites,
                retries.get(),
                givenUp.get(),
                reads.get(),
                readErrors.get(),
                alertsByHotfix.size(),
                byEvent.toString(),
                duplicateAlerts,
                inDoubt.size(),
                resentInDoubt,
                missingAlerts,
                browser[0],
                browser[1],
                seconds,
                Stats.of("writes", seconds, toArray(writeLatencies)),
                Stats.of("reads", seconds, toArray(readLatencies)),
                new TreeMap<>(readFailures).toString(),
                kills);
    }

    /**
     * Declares one hotfix, resending the same request (same Idempotency-Key) after any failure, as a careful
     * client does, for up to 60 s. The id, or null when it never got an answer.
     */
    private static String writeUntilAcknowledged(
            HttpClient http, String front, String title, String key, AtomicLong retries) {
        String body = Json.write(Json.object().put("title", title).put("severity", "critical"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
                sleep(100L * Math.min(attempt, 10));
            }
            try {
                HttpResponse<String> res = http.send(
                        api(front, "/api/v1/hotfixes")
                                .header("Idempotency-Key", key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 201 || res.statusCode() == 200) {
                    return Json.mapper().readTree(res.body()).path("id").asText();
                }
            } catch (IOException e) {
                // the instance died under the request, or the proxy had no server for it: resend
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static HttpRequest.Builder api(String front, String path) {
        return HttpRequest.newBuilder(URI.create(front + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN);
    }

    /** The signed-in page still shows the board, through whichever instance the proxy picks. */
    private static void checkSession(Page page, String front, int[] browser) {
        for (String path : List.of("/", "/hotfixes", "/")) {
            page.navigate(front + path);
            browser[0]++;
            if (page.url().contains("/sign-in")) {
                browser[1]++;
            }
        }
    }

    /**
     * Saves HOTFIX-001's Impact through the record page's form (htmx, with the session's CSRF token), through the
     * proxy, so either instance may check the token; counts a check, and a failure when the saved text does not
     * show.
     */
    private static void editThroughTheForm(Page page, String front, String text, int[] browser) {
        browser[0]++;
        // As a person would: a save that did not show within 15 s (the proxy still settling after a kill, two
        // cores shared with the load) is made once more. Only a session that is gone, or a save that never
        // takes, fails the check; a retry is reported.
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                page.navigate(front + "/hotfixes/HOTFIX-001");
                page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions()
                                        .setName("Edit The Emergency")
                                        .setExact(true))
                        .click();
                page.getByLabel("Impact").fill("soak: saved " + text);
                page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Save").setExact(true))
                        .click();
                page.locator("#sec-emergency")
                        .getByText("soak: saved " + text)
                        .waitFor(new Locator.WaitForOptions().setTimeout(15_000));
                return;
            } catch (PlaywrightException e) {
                System.err.println("soak: the form save '" + text + "' (attempt " + attempt + ") did not show: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + " at " + page.url());
                if (page.url().contains("/sign-in")) {
                    break; // signed out: no retry makes that right
                }
            }
        }
        browser[1]++;
    }

    private static void sleepUntil(long started, Duration at, Runnable meanwhile) {
        while (System.nanoTime() - started < at.toNanos()) {
            meanwhile.run();
            sleep(1_000);
        }
    }

    /** The Idempotency-Keys of the messages being sent right now (after a kill: the ones it left in doubt). */
    private static List<String> sendingNow(String dbUrl) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(dbUrl);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM outbox_message WHERE status = 'sending'")) {
            while (rs.next()) {
                keys.add("hotfix-log-" + rs.getLong(1));
            }
        }
        return keys;
    }

    private static long pendingMessages(String dbUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM outbox_message WHERE delivered_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void waitHealthy(String front) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(front + "/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException ignored) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the proxy never answered /health");
    }

    static String haproxyConfig(int front, int a, int b) {
        return String.join(
                "\n",
                "global",
                "    maxconn 4000",
                "defaults",
                "    mode http",
                "    timeout connect 1s",
                "    timeout client 60s",
                "    timeout server 60s",
                "    retries 3",
                "    option redispatch 1",
                "    retry-on conn-failure empty-response response-timeout",
                "frontend hotfix",
                "    bind 127.0.0.1:" + front,
                "    default_backend instances",
                "backend instances",
                "    balance roundrobin",
                "    option httpchk GET /health",
                "    http-check expect status 200",
                "    server a 127.0.0.1:" + a + " check inter 250 fall 2 rise 2",
                "    server b 127.0.0.1:" + b + " check inter 250 fall 2 rise 2",
                "");
    }

    private static Thread started(Thread t) {
        t.start();
        return t;
    }

    private static long[] toArray(ConcurrentLinkedQueue<Long> q) {
        return q.isEmpty()
                ? new long[] {0}
                : q.stream().mapToLong(Long::longValue).toArray();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One {@code hotfix serve} process on a fixed port, which can be killed and started again on it. */
    private static final class Instance {
        private final String name;
        private final int port;
        private final String dbUrl;
        private final Path dataDir;
        private final WebhookReceiver receiver;
        private Process process;

        Instance(String name, int port, String dbUrl, Path dataDir, WebhookReceiver receiver) {
            this.name = name;
            this.port = port;
            this.dbUrl = dbUrl;
            this.dataDir = dataDir;
            this.receiver = receiver;
        }

        void start() throws Exception {
            List<String> command = new ArrayList<>(ServerProcess.javaCommand(List.of("-Xmx384m")));
            command.addAll(
                    List.of("serve", "--port", String.valueOf(port), "--db", dbUrl, "--data-dir", dataDir.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolveSibling(name + ".log").toFile()));
            Files.createDirectories(dataDir);
            pb.environment().put("HOTFIX_BOOTSTRAP_TOKEN", TOKEN);
            pb.environment().put("HOTFIX_CHANNELS", "webhook " + receiver.url("/hook"));
            pb.environment().put("HOTFIX_NOTIFY_INTERVAL_MS", "200");
            pb.environment().put("HOTFIX_LOG_LEVEL", "WARN");
            process = pb.start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("serving on")) {
                    Thread drainer = new Thread(() -> drain(out), "soak-drain-" + name);
                    drainer.setDaemon(true);
                    drainer.start();
                    return;
                }
            }
            throw new IllegalStateException("instance " + name + " ended before serving (exit " + process.waitFor()
                    + "); see " + dataDir.resolveSibling(name + ".log"));
        }

        private static void drain(BufferedReader out) {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        /** SIGKILL: no shutdown hook runs, no connection is closed politely. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }
}
