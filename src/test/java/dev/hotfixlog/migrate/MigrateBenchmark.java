package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.bench.WriteBenchmark;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Moving in (issue 23): {@code N} PagerDuty-shaped incidents (each with four log entries, every fifth with a note)
 * served by a local PagerDuty (answers made once, before the clock starts), migrated into a fresh log, against the
 * floor in the same run: the same pages fetched the same way (the same source code, its windows, offsets and eight
 * sub-requests at once) and thrown away. The floor runs before and after each migration; the ratio is the floor's
 * mean time over the migration's. Then the database's own cost, in the same run: the same incidents migrated from
 * the same pages saved to files beforehand, into another fresh log (nothing fetched): no migration can beat
 * fetch-only time over this store-only time, however well it overlaps the two. And the database's own part of that:
 * the very rows the migration stored, copied by the database into a third fresh log with one {@code INSERT … SELECT}
 * a table (its indexes, search columns and triggers included; no Java in the way). Both databases unless one is
 * named. Goal: the migration at least 50% of the fetch-only rate.
 * Run with {@code bench/migrate.sh [incidents=50000] [sqlite|postgresql|both]}.
 */
public final class MigrateBenchmark {
    private static final Instant FIRST = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private MigrateBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        String which = args.length > 1 ? args[1] : "both";
        System.out.printf(
                "# migration benchmark: %d PagerDuty incidents from a local server; %d cores; Java %s%n%n",
                n, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (Server server = new Server(n)) {
            System.out.printf(
                    "served: %d incidents from %s to %s, %.1f MB of answers made in advance%n%n",
                    n, FIRST, server.last(), server.bytes() / 1e6);
            // Warm the JIT on both paths (a tenth of the incidents, fetched; then migrated into a throwaway log).
            fetchOnly(server, FIRST.plus(Duration.between(FIRST, server.last()).dividedBy(10)));
            Path warm = Files.createTempDirectory("hotfix-migrate-warm-");
            migrate(
                    server.url(),
                    "jdbc:sqlite:" + warm.resolve("warm.db"),
                    warm,
                    FIRST.plus(Duration.between(FIRST, server.last()).dividedBy(10)));

            System.out.println("| database | phase | incidents | seconds | incidents/s | vs fetch-only |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            Path pages = server.save(Files.createTempDirectory("hotfix-migrate-pages-"));
            if (!which.equals("postgresql")) {
                Path dir = Files.createTempDirectory("hotfix-migrate-bench-");
                Path dir2 = Files.createTempDirectory("hotfix-migrate-bench-");
                Path dir3 = Files.createTempDirectory("hotfix-migrate-bench-");
                compare(
                        "SQLite",
                        server,
                        n,
                        "jdbc:sqlite:" + dir.resolve("migrate.db"),
                        dir,
                        "jdbc:sqlite:" + dir2.resolve("stored.db"),
                        dir2,
                        "jdbc:sqlite:" + dir3.resolve("copied.db"),
                        dir3,
                        pages);
            }
            if (!which.equals("sqlite")) {
                String pgBase = System.getenv()
                        .getOrDefault("HOTFIX_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                String schema = "bench_" + UUID.randomUUID().toString().substring(0, 8);
                String schema2 = schema + "_stored";
                String schema3 = schema + "_copied";
                for (String sc : new String[] {schema, schema2, schema3}) {
                    WriteBenchmark.exec(pgBase, "CREATE SCHEMA " + sc);
                }
                try {
                    compare(
                            "PostgreSQL",
                            server,
                            n,
                            WriteBenchmark.withSchema(pgBase, schema),
                            Files.createTempDirectory("hotfix-migrate-pg-"),
                            WriteBenchmark.withSchema(pgBase, schema2),
                            Files.createTempDirectory("hotfix-migrate-pg-"),
                            WriteBenchmark.withSchema(pgBase, schema3),
                            Files.createTempDirectory("hotfix-migrate-pg-"),
                            pages);
                } finally {
                    for (String sc : new String[] {schema, schema2, schema3}) {
                        WriteBenchmark.exec(pgBase, "DROP SCHEMA " + sc + " CASCADE");
                    }
                }
            }
        }
        System.exit(0); // the server's and the migration's threads are done with
    }

    private static void compare(
            String name,
            Server server,
            int n,
            String url,
            Path dir,
            String url2,
            Path dir2,
            String url3,
            Path dir3,
            Path pages)
            throws Exception {
        double before = fetchOnly(server, NOW);
        double migrate = migrate(server.url(), url, dir, NOW);
        double after = fetchOnly(server, NOW);
        double stored = migrate(pages.toString(), url2, dir2, NOW);
        double copied = copyRows(url, url3, dir3);
        double floor = (before + after) / 2;
        System.out.printf(
                "| %s | fetch only (before, after) | %d | %.1f, %.1f | %.0f | |%n", name, n, before, after, n / floor);
        System.out.printf(
                "| %s | migrate (stored, evidence kept) | %d | %.1f | %.0f | **%.0f%%** |%n",
                name, n, migrate, n / migrate, 100 * floor / migrate);
        System.out.printf(
                "| %s | store only (the same pages from files) | %d | %.1f | %.0f | ceiling %.0f%% |%n",
                name, n, stored, n / stored, 100 * Math.min(1, floor / stored));
        System.out.printf(
                "| %s | the database's own cost (the stored rows copied) | %d | %.1f | %.0f | ceiling %.0f%% |%n",
                name, n, copied, n / copied, 100 * Math.min(1, floor / copied));
    }

    /** Seconds to fetch every page and every incident's log entries and notes, as the migration does, storing none. */
    private static double fetchOnly(Server server, Instant until) {
        MigrationRequest r = new MigrationRequest(
                new PagerDutyTool(), server.url(), "bench", true, FIRST, until, Map.of(), null, false);
        long t0 = System.nanoTime();
        int read = 0;
        try (PagerDutySource source = new PagerDutySource(r, NOW, d -> Thread.sleep(d.toMillis()))) {
            String cursor = null;
            do {
                SourcePage page = source.page(cursor);
                read += page.docs().size();
                cursor = page.next();
            } while (cursor != null);
        }
        if (read == 0) {
            throw new IllegalStateException("nothing fetched");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double migrate(String from, String url, Path dir, Instant until) {
        Config config = Config.withOverrides(
                Map.of(Setting.DB_URL, url, Setting.DATA_DIR, dir.toString(), Setting.NOTIFY_INTERVAL_MS, "0"));
        try (App app = App.local(config, Clock.fixed(NOW, ZoneOffset.UTC))) {
            MigrationRequest r = new MigrationRequest(
                    new PagerDutyTool(), from, "bench", false, FIRST, until, Map.of(), null, false);
            long t0 = System.nanoTime();
            MigrationReport report = app.migrations().migrate(r, "bench", line -> {});
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!report.finished()
                    || report.created().isEmpty()
                    || !report.skipped().isEmpty()) {
                throw new IllegalStateException("the migration did not finish cleanly: " + report.skipped());
            }
            return seconds;
        }
    }

    /** The tables a migration writes, parents first. */
    private static final String[] WRITTEN = {
        "hotfix",
        "hotfix_step",
        "follow_up",
        "hotfix_system",
        "hotfix_revision",
        "hotfix_redaction",
        "attachment_content",
        "attachment",
        "migration_link"
    };

    /**
     * Seconds for the database to copy the rows the migration stored into a fresh log made by the same migrations:
     * one {@code INSERT … SELECT} a table in one transaction (SQLite through ATTACH; PostgreSQL across schemas),
     * generated columns computed again, indexes and triggers as a migration meets them.
     */
    private static double copyRows(String from, String to, Path dir) throws Exception {
        Config config = Config.withOverrides(
                Map.of(Setting.DB_URL, to, Setting.DATA_DIR, dir.toString(), Setting.NOTIFY_INTERVAL_MS, "0"));
        try (App app = App.local(config, Clock.fixed(NOW, ZoneOffset.UTC))) {
            // made by the application's own migrations, then closed
        }
        boolean sqlite = to.startsWith("jdbc:sqlite:");
        try (Connection c = DriverManager.getConnection(to);
                Statement st = c.createStatement()) {
            String source;
            if (sqlite) {
                st.execute("ATTACH DATABASE '" + from.substring("jdbc:sqlite:".length()) + "' AS src");
                source = "src.";
            } else {
                source = from.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1") + ".";
            }
            Map<String, String> columns = new LinkedHashMap<>();
            for (String t : WRITTEN) {
                StringBuilder cols = new StringBuilder();
                String q = sqlite
                        ? "SELECT name FROM pragma_table_xinfo('" + t + "') WHERE hidden = 0"
                        : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                                + "AND table_name = '" + t + "' AND is_generated = 'NEVER' ORDER BY ordinal_position";
                try (ResultSet rs = st.executeQuery(q)) {
                    while (rs.next()) {
                        cols.append(cols.length() > 0 ? ", " : "").append(rs.getString(1));
                    }
                }
                columns.put(t, cols.toString());
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            for (Map.Entry<String, String> e : columns.entrySet()) {
                st.execute("INSERT INTO " + e.getKey() + " (" + e.getValue() + ") SELECT " + e.getValue() + " FROM "
                        + source + e.getKey());
            }
            c.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** PagerDuty's REST API over incidents made in advance: each answer's bytes are ready before the clock starts. */
    static final class Server implements AutoCloseable {
        private final HttpServer http;
        private final long[] created;
        private final byte[][] incidents;
        private final Map<String, byte[]> entries = new HashMap<>();
        private final Map<String, byte[]> notes = new HashMap<>();
        private final Map<String, Integer> index = new HashMap<>();
        private long bytes;

        Server(int n) throws IOException {
            created = new long[n];
            incidents = new byte[n][];
            long span = Duration.between(FIRST, NOW).toMillis() - 86_400_000L;
            for (int i = 0; i < n; i++) {
                Instant at = FIRST.plusMillis(span * i / n);
                created[i] = at.toEpochMilli();
                String id = String.format("Q%07d", i);
                index.put(id, i);
                ObjectNode inc = Json.object()
                        .put("id", id)
                        .put("type", "incident")
                        .put("incident_number", i + 1)
                        .put("title", Fixtures.title(i))
                        .put("description", Fixtures.title(i) + " (from Prometheus)")
                        .put("status", "resolved")
                        .put("urgency", i % 2 == 0 ? "high" : "low")
                        .put("created_at", at.toString())
                        .put("resolved_at", at.plusSeconds(2280).toString())
                        .put("html_url", "https://acme.pagerduty.com/incidents/" + id);
                inc.putObject("service")
                        .put("id", "S" + i % 7)
                        .put("summary", Fixtures.SERVICES[i % 3])
                        .put("html_url", "https://acme.pagerduty.com/services/S" + i % 7);
                if (i % 4 < 2) {
                    inc.putObject("priority").put("summary", "P" + (1 + i % 4));
                }
                inc.putArray("assignments").addObject().putObject("assignee").put("summary", "Priya Raman");
                incidents[i] = Json.write(inc).getBytes(StandardCharsets.UTF_8);
                ArrayNode log = Json.mapper().createArrayNode();
                log.addObject()
                        .put("type", "trigger_log_entry")
                        .put("created_at", at.toString())
                        .put("summary", "Triggered through the API");
                log.addObject()
                        .put("type", "notify_log_entry")
                        .put("created_at", at.plusSeconds(60).toString())
                        .put("summary", "Notified Priya Raman by SMS");
                log.addObject()
                        .put("type", "acknowledge_log_entry")
                        .put("created_at", at.plusSeconds(240).toString())
                        .putObject("agent")
                        .put("summary", "Priya Raman");
                log.addObject()
                        .put("type", "resolve_log_entry")
                        .put("created_at", at.plusSeconds(2280).toString())
                        .putObject("agent")
                        .put("summary", "Jonas Berg");
                ObjectNode entriesPage = Json.object();
                entriesPage.set("log_entries", log);
                entriesPage.put("limit", 100).put("offset", 0).put("more", false);
                entries.put(id, Json.write(entriesPage).getBytes(StandardCharsets.UTF_8));
                ObjectNode notesPage = Json.object();
                ArrayNode list = notesPage.putArray("notes");
                if (i % 5 == 0) {
                    list.addObject()
                            .put("id", "N" + i)
                            .put("content", "Rolled back to the previous release")
                            .put("created_at", at.plusSeconds(1800).toString())
                            .putObject("user")
                            .put("summary", "Jonas Berg");
                }
                notes.put(id, Json.write(notesPage).getBytes(StandardCharsets.UTF_8));
                bytes += incidents[i].length + entries.get(id).length + notes.get(id).length;
            }
            // The JDK's server writes headers and body apart; without TCP_NODELAY the client's delayed ACK holds
            // every answer about 40 ms. A real API does not do that.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            http.setExecutor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "pagerduty");
                t.setDaemon(true);
                return t;
            }));
            http.createContext("/", this::handle);
            http.start();
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        Instant last() {
            return Instant.ofEpochMilli(created[created.length - 1]);
        }

        long bytes() {
            return bytes;
        }

        /** The same incidents as saved pages of 100, each incident with its log entries and notes. */
        Path save(Path folder) throws IOException {
            for (int from = 0; from < incidents.length; from += 100) {
                StringBuilder b = new StringBuilder("{\"incidents\":[");
                for (int i = from; i < Math.min(incidents.length, from + 100); i++) {
                    ObjectNode inc = Json.parseObject(new String(incidents[i], StandardCharsets.UTF_8));
                    String id = inc.get("id").asText();
                    inc.set(
                            "log_entries",
                            Json.parseObject(new String(entries.get(id), StandardCharsets.UTF_8))
                                    .get("log_entries"));
                    inc.set(
                            "notes",
                            Json.parseObject(new String(notes.get(id), StandardCharsets.UTF_8))
                                    .get("notes"));
                    b.append(i > from ? "," : "").append(Json.write(inc));
                }
                Files.writeString(folder.resolve(String.format("page-%05d.json", from / 100)), b.append("]}"));
            }
            return folder;
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                String path = ex.getRequestURI().getRawPath();
                byte[] body;
                if (path.equals("/incidents")) {
                    body = list(query(ex.getRequestURI().getRawQuery()));
                } else if (path.endsWith("/log_entries")) {
                    body = entries.get(path.split("/")[2]);
                } else if (path.endsWith("/notes")) {
                    body = notes.get(path.split("/")[2]);
                } else {
                    body = null;
                }
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        }

        private byte[] list(Map<String, String> q) {
            long since = Instant.parse(q.get("since")).toEpochMilli();
            long until = Instant.parse(q.get("until")).toEpochMilli();
            int offset = Integer.parseInt(q.get("offset"));
            int limit = Integer.parseInt(q.get("limit"));
            int from = lowerBound(since);
            int to = lowerBound(until);
            int start = Math.min(to, from + offset);
            int end = Math.min(to, start + limit);
            StringBuilder b = new StringBuilder(64 + (end - start) * 700).append("{\"incidents\":[");
            for (int i = start; i < end; i++) {
                b.append(i > start ? "," : "").append(new String(incidents[i], StandardCharsets.UTF_8));
            }
            return b.append("],\"limit\":")
                    .append(limit)
                    .append(",\"offset\":")
                    .append(offset)
                    .append(",\"more\":")
                    .append(end < to)
                    .append(",\"total\":null}")
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
        }

        private int lowerBound(long t) {
            int i = Arrays.binarySearch(created, t);
            if (i < 0) {
                return -i - 1;
            }
            while (i > 0 && created[i - 1] == t) {
                i--;
            }
            return i;
        }

        private static Map<String, String> query(String raw) {
            Map<String, String> out = new HashMap<>();
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                out.put(
                        URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
