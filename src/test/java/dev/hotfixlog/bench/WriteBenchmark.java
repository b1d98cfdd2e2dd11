package dev.hotfixlog.bench;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.sqlite.SQLiteConfig;

/**
 * Write benchmark of issue "The hotfix record": API creates per second and p50/p99 at 16 concurrent clients, next
 * to the physical limit measured in the same run — the same rows (counter, hotfix, systems, steps, follow-ups,
 * revision) written straight over JDBC in one transaction each, through the same pool with the same durability
 * (SQLite WAL + synchronous=FULL, PostgreSQL synchronous_commit=on).
 *
 * <p>Run with {@code bench/write.sh [ops] [clients]}. PostgreSQL is {@code HOTFIX_BENCH_PG_URL}, else the local
 * server at 127.0.0.1:5432 (each run uses a fresh schema and drops it afterwards).
 */
public final class WriteBenchmark {
    private static final String BODY = """
            {"title":"Checkout returns 502 after payment provider TLS rotation","severity":"critical",
             "owner":"Priya Raman","problem":"Every card payment failed with 502 at the gateway; the provider rotated its intermediate certificate.",
             "impact":"All checkouts in EU and US (about 1,900 failed orders in 30 minutes)",
             "whyEmergency":"Production checkout was down; it could not wait 2-4 hours.",
             "systemsAffected":["payments-gateway","feature flag payments.pinning"],
             "triage":{"productionDown":true,"canWait":false}}""";

    private static final int ROUNDS = 3;
    /** The benchmark authenticates like any client: an admin token made at start-up. */
    private static final String TOKEN = "bench-bootstrap-token-0123456789";

    private WriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String pgBase = System.getenv()
                .getOrDefault("HOTFIX_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        System.out.printf(
                "# write benchmark: %d concurrent clients; JDBC %d creates per phase; API %d s of wrk; "
                        + "%d cores; Java %s%n%n",
                clients, ops, seconds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| database | round | path | creates/s | p50 ms | p99 ms | API / limit |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        Path dir = Files.createTempDirectory("hotfix-bench-");
        try {
            measure(
                    "SQLite",
                    "jdbc:sqlite:" + dir.resolve("jdbc.db"),
                    "jdbc:sqlite:" + dir.resolve("api.db"),
                    dir,
                    ops,
                    clients,
                    seconds);
            String schemaA = "bench_" + UUID.randomUUID().toString().substring(0, 8);
            String schemaB = "bench_" + UUID.randomUUID().toString().substring(0, 8);
            exec(pgBase, "CREATE SCHEMA " + schemaA);
            exec(pgBase, "CREATE SCHEMA " + schemaB);
            try {
                measure(
                        "PostgreSQL",
                        withSchema(pgBase, schemaA),
                        withSchema(pgBase, schemaB),
                        dir,
                        ops,
                        clients,
                        seconds);
            } finally {
                exec(pgBase, "DROP SCHEMA " + schemaA + " CASCADE");
                exec(pgBase, "DROP SCHEMA " + schemaB + " CASCADE");
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // the servers' threads would keep the JVM alive
    }

    private static void measure(String name, String jdbcUrl, String apiUrl, Path dir, int ops, int clients, int seconds)
            throws Exception {
        // The schema comes from the application's own migrations; the rows are then written without it.
        Database.open(jdbcUrl, "", "", 1).close();
        Config apiConfig = Config.withOverrides(Map.of(
                Setting.DB_URL,
                apiUrl,
                Setting.PORT,
                "0",
                Setting.DATA_DIR,
                dir.toString(),
                Setting.DB_POOL_SIZE,
                String.valueOf(clients),
                Setting.BOOTSTRAP_TOKEN,
                TOKEN));
        try (App app = App.local(apiConfig, Clock.systemUTC())) {
            var server = app.serve();
            String base = "http://127.0.0.1:" + server.port();
            Http client = new Http(base, TOKEN);
            String changes = changesOfOneCreate(client);
            Wrk.run(base + "/api/v1/hotfixes", TOKEN, clients, 2, "POST", BODY); // warm-up
            // The machine is shared and noisy: alternate limit and API in rounds, report every round and the
            // median ratio rather than one lucky or unlucky figure.
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                Stats limit = jdbcLimit(jdbcUrl, ops, clients, changes);
                Wrk.Result api = Wrk.run(base + "/api/v1/hotfixes", TOKEN, clients, seconds, "POST", BODY);
                if (api.bad() > 0) {
                    throw new IllegalStateException(api.bad() + " creates did not answer 201");
                }
                System.out.printf(
                        "| %s | %d | %s | %.0f | %.2f | %.2f | |%n",
                        name,
                        round,
                        limit.name(),
                        limit.perSecond(),
                        limit.percentileMillis(0.50),
                        limit.percentileMillis(0.99));
                row(name, round, "REST API create (wrk, " + clients + " connections)", api, limit);
                ratios.add(api.perSecond() / limit.perSecond());
            }
            Wrk.Result floor = Wrk.run(base + "/health", TOKEN, clients, seconds, "GET", null);
            System.out.printf(
                    "| %s | | HTTP floor: GET /health, no write (wrk) | %.0f | %.2f | %.2f | |%n",
                    name, floor.perSecond(), floor.p50Millis(), floor.p99Millis());
            ratios.sort(null);
            System.out.printf(
                    "| %s | median | **REST API / JDBC limit** | | | | **%.0f%%** |%n",
                    name, 100 * ratios.get(ratios.size() / 2));
            server.close();
        }
    }

    /**
     * The physical limit: the same rows, one transaction per create, with the application's durability settings
     * and no application code. SQLite takes one writer at a time, so its best is one connection committing back
     * to back (16 connections would only queue on the lock); PostgreSQL gets one connection per client.
     */
    static Stats jdbcLimit(String url, int ops, int clients, String changes) throws Exception {
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        int threads = sqlite ? 1 : clients;
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            connections.add(sqlite ? sqliteConnection(url) : DriverManager.getConnection(url));
        }
        ConcurrentLinkedQueue<Connection> free = new ConcurrentLinkedQueue<>(connections);
        Load.Op op = () -> {
            Connection c = free.poll();
            try {
                c.setAutoCommit(false);
                insertSameRows(c, changes);
                c.commit();
            } finally {
                free.add(c);
            }
        };
        Load.run("warm", threads, Math.max(200, ops / 10), op);
        Stats s = Load.run(
                "JDBC, same rows, " + threads + (threads == 1 ? " connection" : " connections") + " (limit)",
                threads,
                ops,
                op);
        for (Connection c : connections) {
            c.close();
        }
        return s;
    }

    private static Connection sqliteConnection(String url) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(30_000);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return cfg.createConnection(url);
    }

    private static void row(String db, int round, String path, Wrk.Result r, Stats limit) {
        System.out.printf(
                "| %s | %d | %s | %.0f | %.2f | %.2f | %.0f%% |%n",
                db, round, path, r.perSecond(), r.p50Millis(), r.p99Millis(), 100 * r.perSecond() / limit.perSecond());
    }

    static String changesOfOneCreate(Http http) {
        String id = http.post("/api/v1/hotfixes", BODY).json().path("id").asText();
        return http.get("/api/v1/hotfixes/" + id + "/history")
                .json()
                .path("items")
                .get(0)
                .path("changes")
                .toString();
    }

    /** Exactly the rows one API create writes, as plain prepared statements. */
    private static void insertSameRows(Connection c, String changes) throws SQLException {
        long number;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("UPDATE id_counter SET last_value = last_value + 1 WHERE name = 'hotfix'"
                        + " RETURNING last_value")) {
            rs.next();
            number = rs.getLong(1);
        }
        String id = String.format("HOTFIX-%03d", number);
        long now = System.currentTimeMillis();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO hotfix (id, number, title, severity, status, owner,"
                + " problem, impact, why_emergency, change_made, rollback_plan, root_cause, risk_accepted, monitoring,"
                + " detected_at, alerted_at, fix_deployed_at, resolved_at, explicit_duration_seconds, production_down,"
                + " can_wait, triage_outcome, category, constraint_text, signal_text, boundary_text, operating_rule,"
                + " learning, postmortem_url, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] v = {
                id,
                number,
                "Checkout returns 502 after payment provider TLS rotation",
                "critical",
                "active",
                "Priya Raman",
                "Every card payment failed with 502 at the gateway; the provider rotated its"
                        + " intermediate certificate.",
                "All checkouts in EU and US (about 1,900 failed orders in 30 minutes)",
                "Production checkout was down; it could not wait 2-4 hours.",
                null,
                null,
                null,
                null,
                null,
                now,
                null,
                null,
                null,
                null,
                true,
                false,
                "hotfix",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                now,
                now
            };
            for (int i = 0; i < v.length; i++) {
                if (v[i] == null) {
                    p.setNull(i + 1, Types.NULL);
                } else {
                    p.setObject(i + 1, v[i]);
                }
            }
            p.executeUpdate();
        }
        try (PreparedStatement p =
                c.prepareStatement("INSERT INTO hotfix_system (hotfix_id, ordinal, name) VALUES (?, ?, ?)")) {
            String[] systems = {"payments-gateway", "feature flag payments.pinning"};
            for (int i = 0; i < systems.length; i++) {
                p.setString(1, id);
                p.setInt(2, i);
                p.setString(3, systems[i]);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO hotfix_step (hotfix_id, step, done, done_at, done_by) VALUES (?, ?, ?, ?, ?)")) {
            for (String step : List.of(
                    "alertTeam", "startLog", "minimalChange", "quickReview", "deployWithMonitoring", "completeLog")) {
                boolean done = step.equals("startLog");
                p.setString(1, id);
                p.setString(2, step);
                p.setBoolean(3, done);
                if (done) {
                    p.setLong(4, now);
                    p.setString(5, "api");
                } else {
                    p.setNull(4, Types.BIGINT);
                    p.setNull(5, Types.VARCHAR);
                }
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO follow_up (hotfix_id, kind, description, owner,"
                + " due_at, done, done_at, link) VALUES (?, ?, NULL, NULL, NULL, ?, NULL, NULL)")) {
            for (String kind : List.of("postmortem", "properFix", "processImprovement", "documentation")) {
                p.setString(1, id);
                p.setString(2, kind);
                p.setBoolean(3, false);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO hotfix_revision (hotfix_id, version, actor,"
                + " changed_at, action, changes) VALUES (?, 1, 'api', ?, 'created', ?)")) {
            p.setString(1, id);
            p.setLong(2, now);
            p.setString(3, changes);
            p.executeUpdate();
        }
    }

    public static String withSchema(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void exec(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
