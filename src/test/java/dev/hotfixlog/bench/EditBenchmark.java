package dev.hotfixlog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FollowUpDue;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.LocalHotfixes;
import dev.hotfixlog.hotfix.RecordListeners;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.SecretRedactor;
import dev.hotfixlog.store.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sqlite.SQLiteConfig;

/**
 * Edit benchmark of issue 32 ("an edit converts once"): edits per second of a merge patch that changes one field
 * ({@code owner}) of a record with five systems, four follow-ups with text, ticked steps and a redaction, made
 * in-process through {@code HotfixService.edit} by one client, next to the floor measured in the same run on the
 * same database: plain JDBC doing the same UPDATE of the hotfix row (owner, version, updated_at, with the version
 * check) and one revision row, one transaction per edit, with the application's durability (SQLite WAL +
 * synchronous=FULL, PostgreSQL synchronous_commit=on). No record listeners are attached: this is the record's
 * own edit path, not the search index's or the outbox's.
 *
 * <p>Run with {@code bench/edit.sh [edits-per-phase] [rounds] [both|sqlite|postgresql]}. PostgreSQL is {@code HOTFIX_BENCH_PG_URL}, else
 * the local server at 127.0.0.1:5432 (each run uses a fresh schema and drops it afterwards).
 */
public final class EditBenchmark {
    private static final String BODY = """
            {"title":"Checkout returns 502 after payment provider TLS rotation","severity":"critical",
             "owner":"Priya Raman","problem":"Every card payment failed with 502 at the gateway; token=ghp_abcdefghijklmnopqrstuvwxyz0123456789",
             "impact":"All checkouts in EU and US (about 1,900 failed orders in 30 minutes)",
             "whyEmergency":"Production checkout was down; it could not wait 2-4 hours.",
             "systemsAffected":["payments-gateway","feature flag payments.pinning","checkout-web","orders-db","edge-proxy"],
             "triage":{"productionDown":true,"canWait":false},
             "steps":{"alertTeam":{"done":true},"minimalChange":{"done":true,"by":"Priya Raman"}},
             "followUps":{
               "postmortem":{"description":"Post-mortem with the payments team","owner":"Priya Raman","dueAt":"2031-01-10T10:00:00Z"},
               "properFix":{"description":"Pin the provider's root, not its intermediate","owner":"Jonas Berg","dueAt":"2031-01-20T10:00:00Z"},
               "processImprovement":{"description":"Alert on certificate rotation notices","owner":"Ana Lima"},
               "documentation":{"description":"Runbook: provider certificate rotation","owner":"Jonas Berg","link":"https://wiki.example.com/runbooks/tls"}}}""";

    private static final String[] OWNERS = {"Jonas Berg", "Priya Raman"};

    private EditBenchmark() {}

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String only = args.length > 2 ? args[2] : "both";
        String pgBase = System.getenv()
                .getOrDefault("HOTFIX_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        System.out.printf(
                "# edit benchmark: one client, %d edits per phase, %d rounds; %d cores; Java %s%n%n",
                edits, rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("| database | round | path | edits/s | p50 ms | p99 ms | service / floor |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        Path dir = Files.createTempDirectory("hotfix-edit-bench-");
        try {
            if (!only.equals("postgresql")) {
                measure("SQLite", "jdbc:sqlite:" + dir.resolve("edit.db"), edits, rounds);
            }
            if (!only.equals("sqlite")) {
                String schema = "bench_" + UUID.randomUUID().toString().substring(0, 8);
                WriteBenchmark.exec(pgBase, "CREATE SCHEMA " + schema);
                try {
                    measure("PostgreSQL", WriteBenchmark.withSchema(pgBase, schema), edits, rounds);
                } finally {
                    WriteBenchmark.exec(pgBase, "DROP SCHEMA " + schema + " CASCADE");
                }
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measure(String name, String url, int edits, int rounds) throws Exception {
        try (Database db = Database.open(url, "", "", 4)) {
            LocalHotfixes service = LocalHotfixes.on(
                    db,
                    Clock.systemUTC(),
                    new SecretRedactor(),
                    FollowUpDue.SEED,
                    RecordListeners.NONE,
                    CustomFields.NONE);
            Hotfix edited = service.create(MergePatch.of(Json.parseObject(BODY)), "bench");
            Hotfix floorRecord = service.create(MergePatch.of(Json.parseObject(BODY)), "bench");
            int[] version = {edited.version()};
            int[] n = {0};
            Load.Op serviceEdit = () -> {
                ObjectNode patch = Json.object().put("owner", OWNERS[n[0]++ % 2]);
                version[0] = service.edit(edited.id(), version[0], MergePatch.of(patch), "bench")
                        .version();
            };
            try (Connection c = connection(url)) {
                Floor floor = new Floor(c, floorRecord.id(), floorRecord.version());
                Load.run("warm", 1, Math.max(200, edits / 5), serviceEdit);
                Load.run("warm", 1, Math.max(200, edits / 5), floor::edit);
                List<Double> ratios = new ArrayList<>();
                List<Double> ceilings = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    Stats f = Load.run("JDBC floor: UPDATE hotfix + INSERT hotfix_revision", 1, edits, floor::edit);
                    Stats r = Load.run(
                            "JDBC floor with the read: SELECT the record and its rows, then UPDATE + INSERT",
                            1,
                            edits,
                            floor::readThenEdit);
                    Stats s = Load.run("HotfixService.edit, one field (merge patch)", 1, edits, serviceEdit);
                    Stats g = Load.run("(diagnostic) HotfixService.get, the record an edit loads", 1, edits, () -> {
                        service.get(edited.id());
                    });
                    row(name, round, f, null);
                    row(name, round, r, f);
                    row(name, round, s, f);
                    row(name, round, g, null);
                    System.out.printf(
                            "| %s | %d | (diagnostic) CPU ms per edit on the calling thread: floor / with the read"
                                    + " / service | %.3f / %.3f / %.3f | | | |%n",
                            name,
                            round,
                            cpuMillis(edits, floor::edit),
                            cpuMillis(edits, floor::readThenEdit),
                            cpuMillis(edits, serviceEdit));
                    ratios.add(s.perSecond() / f.perSecond());
                    ceilings.add(r.perSecond() / f.perSecond());
                }
                ratios.sort(null);
                ceilings.sort(null);
                System.out.printf(
                        "| %s | median | **service / JDBC floor** | | | | **%.0f%%** |%n",
                        name, 100 * ratios.get(ratios.size() / 2));
                // What an edit that must read the record (to check its rules and say what changed) can reach at
                // best: the same floor with that read in front.
                System.out.printf(
                        "| %s | median | **ceiling: floor with the read / JDBC floor** | | | | **%.0f%%** |%n",
                        name, 100 * ceilings.get(ceilings.size() / 2));
            }
        }
    }

    /**
     * CPU time per edit of the thread that runs it, whatever the machine's load (SQLite's lone writes and every
     * PostgreSQL write run on the caller's thread): what the edit itself costs, apart from waiting.
     */
    private static double cpuMillis(int edits, Load.Op op) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        for (int k = 0; k < edits; k++) {
            op.run();
        }
        return (threads.getCurrentThreadCpuTime() - before) / 1e6 / edits;
    }

    private static void row(String db, int round, Stats s, Stats floor) {
        System.out.printf(
                "| %s | %d | %s | %.0f | %.2f | %.2f | %s |%n",
                db,
                round,
                s.name(),
                s.perSecond(),
                s.percentileMillis(0.50),
                s.percentileMillis(0.99),
                floor == null ? "" : String.format("%.0f%%", 100 * s.perSecond() / floor.perSecond()));
    }

    private static Connection connection(String url) throws SQLException {
        if (!url.startsWith("jdbc:sqlite:")) {
            return DriverManager.getConnection(url);
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(30_000);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return cfg.createConnection(url);
    }

    /** The service's read of a record's rows ({@code RecordChildrenRepository}), for one record. */
    private static final String CHILDREN = """
            SELECT 0 AS t, hotfix_id, ordinal AS o, name AS s1, CAST(NULL AS TEXT) AS s2, CAST(NULL AS TEXT) AS s3,
                   CAST(NULL AS TEXT) AS s4, CAST(NULL AS BIGINT) AS n1, CAST(NULL AS BIGINT) AS n2,
                   CAST(NULL AS BOOLEAN) AS b
            FROM hotfix_system WHERE hotfix_id = ?
            UNION ALL
            SELECT 1, hotfix_id, 0, step, done_by, NULL, NULL, done_at, NULL, done
            FROM hotfix_step WHERE hotfix_id = ?
            UNION ALL
            SELECT 2, hotfix_id, 0, kind, description, owner, link, due_at, done_at, done
            FROM follow_up WHERE hotfix_id = ?
            UNION ALL
            SELECT 3, hotfix_id, ordinal, field, kind, NULL, NULL, redacted_at, NULL, NULL
            FROM hotfix_redaction WHERE hotfix_id = ?
            ORDER BY 1, 3""";

    /** The least an edit of one field must write: the row with its new version, and the revision that says so. */
    private static final class Floor {
        private final Connection c;
        private final String id;
        private int version;
        private int n;

        Floor(Connection c, HotfixId id, int version) throws SQLException {
            this.c = c;
            this.id = id.toString();
            this.version = version;
        }

        /**
         * The floor with the read an edit starts with in front of it: the record's row (every column) and its
         * systems, steps, follow-ups and redactions in one statement, as the service reads them.
         */
        void readThenEdit() throws SQLException {
            try (PreparedStatement p = c.prepareStatement("SELECT * FROM hotfix WHERE id = ?")) {
                p.setString(1, id);
                drain(p);
            }
            try (PreparedStatement p = c.prepareStatement(CHILDREN)) {
                for (int k = 1; k <= 4; k++) {
                    p.setString(k, id);
                }
                drain(p);
            }
            edit();
        }

        private static void drain(PreparedStatement p) throws SQLException {
            try (ResultSet rs = p.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int k = 1; k <= columns; k++) {
                        rs.getObject(k);
                    }
                }
            }
        }

        void edit() throws SQLException {
            String old = OWNERS[(n + 1) % 2];
            String owner = OWNERS[n++ % 2];
            long now = System.currentTimeMillis();
            // One transaction per edit, begun and ended as Jdbi does: a SQLite connection left out of auto-commit
            // would hold the write lock (IMMEDIATE) between edits and lock the service out.
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE hotfix SET owner = ?, version = ?, updated_at = ?" + " WHERE id = ? AND version = ?")) {
                p.setString(1, owner);
                p.setInt(2, version + 1);
                p.setLong(3, now);
                p.setString(4, id);
                p.setInt(5, version);
                if (p.executeUpdate() != 1) {
                    throw new IllegalStateException("the floor's record moved");
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO hotfix_revision (hotfix_id, version, actor,"
                    + " changed_at, action, changes) VALUES (?, ?, 'bench', ?, 'edited', ?)")) {
                p.setString(1, id);
                p.setInt(2, version + 1);
                p.setLong(3, now);
                p.setString(
                        4,
                        Json.object()
                                .put("field", "owner")
                                .put("old", old)
                                .put("new", owner)
                                .toString());
                p.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            version++;
        }
    }
}
