package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.web.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chat benchmark of issue 33: a server with a Slack workspace configured against a local fake of Slack's Web API
 * ({@link ChatBenchSlack}), its board loaded with active hotfixes, then {@value #CLIENTS} concurrent signed requests
 * as Slack sends them — {@code /hotfix declare|list|show}, {@code block_actions} clicks and {@code view_submission}
 * declarations: (1) the acknowledgement's latency per kind (goal p99 under 1 s; Slack's limit is 3 s); (2) a burst
 * of declarations only: declarations per second, from the first submit sent to the last id back in chat, next to
 * the create path's JDBC limit measured in the same run ({@link WriteBenchmark#jdbcLimit}); (3) per declaration,
 * from its submit sent to the fake's receipt of the {@code chat.postEphemeral} naming the new id, and of the
 * Incident Alert's {@code chat.postMessage}. SQLite, and PostgreSQL at {@code HOTFIX_BENCH_PG_URL} (default the
 * local server; fresh schemas, dropped after). Run with {@code bench/chat.sh [mixed=1000] [declarations=300]}.
 */
public final class ChatBenchmark {
    private static final int CLIENTS = 50;
    private static final int USERS = 10;
    private static final int BOARD = 100;
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TOKEN = "bench-bootstrap-token-0123456789";
    private static final String TEAM = "T0TEAM";
    private static final String CHANNEL = "C0INCIDENTS";
    private static final String[] KINDS = {
        "/hotfix declare", "/hotfix list", "/hotfix show", "block_actions", "view_submission"
    };

    private final Http http;
    private final ChatBenchSlack slack;
    private final AtomicInteger serial = new AtomicInteger();

    private ChatBenchmark(Http http, ChatBenchSlack slack) {
        this.http = http;
        this.slack = slack;
    }

    public static void main(String[] args) throws Exception {
        int mixed = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int declarations = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String pg = System.getenv()
                .getOrDefault("HOTFIX_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        System.out.printf(
                "# chat benchmark: %d concurrent clients, %d mixed requests, %d declarations, board of %d active;"
                        + " %d cores; Java %s%n%n",
                CLIENTS,
                mixed,
                declarations,
                BOARD,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try {
            Path dir = Files.createTempDirectory("hotfix-chat-bench-");
            run(
                    "SQLite",
                    "jdbc:sqlite:" + dir.resolve("chat.db"),
                    "jdbc:sqlite:" + dir.resolve("limit.db"),
                    dir,
                    mixed,
                    declarations);
            String a = "bench_chat_" + UUID.randomUUID().toString().substring(0, 8);
            String b = "bench_chat_" + UUID.randomUUID().toString().substring(0, 8);
            exec(pg, "CREATE SCHEMA " + a);
            exec(pg, "CREATE SCHEMA " + b);
            try {
                run("PostgreSQL", withSchema(pg, a), withSchema(pg, b), dir, mixed, declarations);
            } finally {
                exec(pg, "DROP SCHEMA " + a + " CASCADE");
                exec(pg, "DROP SCHEMA " + b + " CASCADE");
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // the server's threads would keep the JVM alive
    }

    private static void run(String db, String url, String limitUrl, Path dir, int mixed, int declarations)
            throws Exception {
        Database.open(limitUrl, "", "", 1).close(); // the limit's schema, from the application's migrations
        try (ChatBenchSlack slack = new ChatBenchSlack();
                App app = App.local(config(url, dir, slack), Clock.systemUTC())) {
            var server = app.serve();
            String base = "http://127.0.0.1:" + server.port();
            for (int u = 0; u < USERS; u++) {
                app.accounts()
                        .create("bench" + u + "@example.com", Role.RESPONDER, "correct horse battery " + u, false);
            }
            for (int i = 0; i < BOARD; i++) {
                app.hotfixes()
                        .create(
                                MergePatch.of(Json.parseObject(
                                        "{\"title\":\"Loaded " + i + "\",\"severity\":\"high\",\"owner\":\"Priya\"}")),
                                "bench");
            }
            ChatBenchmark bench = new ChatBenchmark(new Http(base), slack);
            bench.mixed(db + " warm-up", 200, false);
            bench.mixed(db, mixed, true);
            System.out.printf(
                    "The work behind those acknowledgements (modals opened, answers, stamps, declarations, their"
                            + " announcements) was done %.1f s after the last one.%n%n",
                    bench.quiet() / 1e9);
            String changes = WriteBenchmark.changesOfOneCreate(new Http(base, TOKEN));
            Stats limit = WriteBenchmark.jdbcLimit(limitUrl, Math.max(declarations, 1000), 16, changes);
            System.out.println("| database | declarations | ack p50 / p99 ms | id back in chat p50 / p99 / max ms"
                    + " | Incident Alert posted p50 / p99 ms | declarations/s | JDBC limit creates/s | share |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            bench.declarations(db, 20, 1, limit); // a responder alone: what one person waits for at 3 AM
            bench.declarations(db, declarations, CLIENTS, limit);
            System.out.println();
            server.close();
        }
    }

    /** {@code n} requests of the five kinds in turn, {@value #CLIENTS} at once; each must be acknowledged 200. */
    private void mixed(String db, int n, boolean print) throws Exception {
        Map<String, Queue<Long>> byKind = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        Stats all = Load.run("all", CLIENTS, n, () -> {
            int i = next.getAndIncrement();
            String kind = KINDS[i % KINDS.length];
            long t = System.nanoTime();
            send(kind, i);
            byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t);
        });
        if (!print) {
            return;
        }
        System.out.println("| database | request | n | ack p50 ms | ack p99 ms | ack max ms |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (Map.Entry<String, Queue<Long>> e : new TreeMap<>(byKind).entrySet()) {
            Stats s = Stats.of(
                    e.getKey(),
                    1,
                    e.getValue().stream().mapToLong(Long::longValue).toArray());
            row(db, e.getKey(), s);
        }
        row(db, "**all " + CLIENTS + " at once**", all);
        System.out.println();
    }

    /**
     * Waits until the fake Slack has heard nothing for 2 s (at most 5 minutes): the work queued behind earlier
     * acknowledgements is done. Returns the nanoseconds from the call to the last call the fake heard.
     */
    private long quiet() throws InterruptedException {
        long from = System.nanoTime();
        long last = from;
        int seen = slack.calls();
        while (System.nanoTime() - last < 2_000_000_000L && System.nanoTime() - from < 300_000_000_000L) {
            Thread.sleep(20);
            if (slack.calls() != seen) {
                seen = slack.calls();
                last = System.nanoTime();
            }
        }
        return last - from;
    }

    private static void row(String db, String what, Stats s) {
        System.out.printf(
                "| %s | %s | %d | %.1f | %.1f | %.1f |%n",
                db, what, s.ops(), s.percentileMillis(0.5), s.percentileMillis(0.99), s.percentileMillis(1.0));
    }

    private void send(String kind, int i) {
        String user = "UBENCH" + (i % USERS);
        int loaded = 1 + (i % BOARD);
        String body = switch (kind) {
            case "/hotfix declare" -> command(user, "declare Checkout is down " + i, "trig-" + i);
            case "/hotfix list" -> command(user, "list", "trig-" + i);
            case "/hotfix show" -> command(user, String.format("show HOTFIX-%03d", loaded), "trig-" + i);
            case "block_actions" ->
                button(user, i % 2 == 0 ? "alerted" : "deployed", String.format("HOTFIX-%03d", loaded));
            default -> submission(user, "Mixed " + serial.incrementAndGet());
        };
        String route = kind.startsWith("/") ? "commands" : "interactions";
        Http.Response r = http.post("/api/v1/chat/slack/acme/" + route, body, signed(body));
        if (r.status() != 200) {
            throw new IllegalStateException(kind + " answered " + r.status() + ": " + r.body());
        }
    }

    /**
     * {@code n} declarations at once: acknowledged, then the id back in chat ({@code chat.postEphemeral}) and the
     * Incident Alert posted ({@code chat.postMessage}) for every one.
     */
    private void declarations(String db, int n, int clients, Stats limit) throws Exception {
        long[] sent = new long[n];
        String run = Integer.toString(serial.incrementAndGet());
        AtomicInteger next = new AtomicInteger();
        quiet();
        String marker = " declared: Chat bench " + run + "-";
        long start = System.nanoTime();
        Stats acks = Load.run("ack", clients, n, () -> {
            int i = next.getAndIncrement();
            String body = submission("UBENCH" + (i % USERS), "Chat bench " + run + "-" + i);
            sent[i] = System.nanoTime();
            Http.Response r = http.post("/api/v1/chat/slack/acme/interactions", body, signed(body));
            if (r.status() != 200) {
                throw new IllegalStateException("view_submission answered " + r.status() + ": " + r.body());
            }
            // One at a time is a person alone: the next declaration waits until this one's id is back.
            while (clients == 1
                    && !slack.seenAfter("chat.postEphemeral", marker).containsKey(Integer.toString(i))) {
                Thread.sleep(5);
            }
        });
        long deadline = System.nanoTime() + 300_000_000_000L;
        Map<String, Long> told;
        Map<String, Long> posted;
        do {
            Thread.sleep(50);
            told = slack.seenAfter("chat.postEphemeral", marker);
            posted = slack.seenAfter("chat.postMessage", " Chat bench " + run + "-");
        } while ((told.size() < n || posted.size() < n) && System.nanoTime() < deadline);
        if (told.size() < n) {
            throw new IllegalStateException("only " + told.size() + " of " + n + " ids came back in 300 s");
        }
        long[] back = new long[n];
        long[] alert = new long[n];
        long last = 0;
        for (int i = 0; i < n; i++) {
            long t = told.get(Integer.toString(i));
            back[i] = t - sent[i];
            alert[i] = posted.getOrDefault(Integer.toString(i), Long.MAX_VALUE) - sent[i];
            last = Math.max(last, t);
        }
        double seconds = (last - start) / 1e9;
        Stats idBack = Stats.of("id back", seconds, back);
        Stats alerts = Stats.of("alert", seconds, alert);
        System.out.printf(
                "| %s | %d, %s | %.0f / %.0f | %.0f / %.0f / %.0f | %.0f / %.0f | %.1f | %.0f (%s) | %.1f%% |%n",
                db,
                n,
                clients == 1 ? "one at a time" : clients + " at once",
                acks.percentileMillis(0.5),
                acks.percentileMillis(0.99),
                idBack.percentileMillis(0.5),
                idBack.percentileMillis(0.99),
                idBack.percentileMillis(1.0),
                alerts.percentileMillis(0.5),
                alerts.percentileMillis(0.99),
                n / seconds,
                limit.perSecond(),
                limit.name(),
                100 * (n / seconds) / limit.perSecond());
    }

    private String command(String user, String text, String trigger) {
        return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=" + TEAM + "&team_domain=example&channel_id=" + CHANNEL
                + "&channel_name=incidents&user_id=" + user + "&user_name=someone&command=%2Fhotfix&text=" + enc(text)
                + "&api_app_id=A0HOTFIX&is_enterprise_install=false&response_url="
                + enc(slack.responseUrl("commands/" + trigger)) + "&trigger_id=" + enc(trigger);
    }

    private String button(String user, String action, String hotfix) {
        return "payload="
                + enc("{\"type\":\"block_actions\",\"team\":{\"id\":\"" + TEAM + "\"},\"user\":{\"id\":\""
                        + user + "\"},\"api_app_id\":\"A0HOTFIX\",\"container\":{\"type\":\"message\",\"message_ts\":"
                        + "\"1765100000.000001\",\"channel_id\":\"" + CHANNEL + "\"},\"channel\":{\"id\":\"" + CHANNEL
                        + "\"},\"response_url\":\"" + slack.responseUrl("actions/" + action) + "\",\"actions\":[{"
                        + "\"action_id\":\"hotfix_" + action + "\",\"block_id\":\"hotfix_actions\",\"value\":\""
                        + hotfix
                        + "\",\"type\":\"button\",\"action_ts\":\"" + System.nanoTime() + "\"}]}");
    }

    /** The declare modal submitted: production down, cannot wait, so a hotfix; its own view id each time. */
    private static String submission(String user, String title) {
        String values = "\"down\":{\"down\":{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":\"yes\"}}},"
                + "\"wait\":{\"wait\":{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":\"no\"}}},"
                + "\"title\":{\"title\":{\"type\":\"plain_text_input\",\"value\":\"" + title + "\"}},"
                + "\"severity\":{\"severity\":{\"type\":\"static_select\",\"selected_option\":{\"value\":\"critical\"}}},"
                + "\"systems\":{\"systems\":{\"type\":\"plain_text_input\",\"value\":\"checkout, payments\"}},"
                + "\"problem\":{\"problem\":{\"type\":\"plain_text_input\",\"value\":\"Card payments time out\"}}";
        return "payload="
                + enc("{\"type\":\"view_submission\",\"team\":{\"id\":\"" + TEAM + "\"},\"user\":{\"id\":\""
                        + user + "\"},\"api_app_id\":\"A0HOTFIX\",\"view\":{\"id\":\"V" + UUID.randomUUID()
                        + "\",\"type\":\"modal\",\"callback_id\":\"hotfix_declare\",\"private_metadata\":\"" + CHANNEL
                        + "\",\"state\":{\"values\":{" + values + "}}}}");
    }

    private static String[] signed(String body) {
        long ts = System.currentTimeMillis() / 1000;
        return new String[] {
            "Content-Type",
            "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp",
            Long.toString(ts),
            "X-Slack-Signature",
            "v0=" + Integrations.hmacHex(SECRET, ("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8))
        };
    }

    private static Config config(String url, Path dir, ChatBenchSlack slack) {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        m.put(Setting.DB_URL, url);
        m.put(Setting.PORT, "0");
        m.put(Setting.DATA_DIR, dir.toString());
        m.put(Setting.BOOTSTRAP_TOKEN, TOKEN);
        m.put(Setting.PUBLIC_URL, "https://hotfix.example.com");
        m.put(Setting.NOTIFY_INTERVAL_MS, "0");
        m.put(
                Setting.INTEGRATIONS,
                "slack acme secret=" + SECRET + " token=xoxb-17-bench api=" + slack.api() + " channel=C0GENERAL");
        return Config.withOverrides(m);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void exec(String url, String sql) throws SQLException {
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
