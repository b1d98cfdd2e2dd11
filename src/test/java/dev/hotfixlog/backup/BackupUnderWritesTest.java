package dev.hotfixlog.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * A backup taken while 16 writers create hotfixes is one moment of the log: restored into a new log, every
 * hotfix has all its steps, follow-ups and revision, and the id counter says exactly how many there are.
 */
class BackupUnderWritesTest {
    @BothDatabases
    void aBackupDuringSixteenWriters_isOneConsistentMoment_andRestores(TestDb db) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-01T00:00:00Z");
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        AtomicInteger created = new AtomicInteger();
        try (db;
                App app = App.local(db.config(), clock)) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                done.add(writers.submit(() -> {
                    while (writing.get()) {
                        app.hotfixes()
                                .create(
                                        MergePatch.of(Json.object()
                                                .put("title", "under load")
                                                .put("severity", "high")
                                                .set(
                                                        "systemsAffected",
                                                        Json.mapper()
                                                                .createArrayNode()
                                                                .add("payments")
                                                                .add("search"))),
                                        "writer");
                        created.incrementAndGet();
                    }
                    return null;
                }));
            }
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> created.get() >= 50);
            Manifest m = app.backups().backup(archive);
            int atBackup = created.get();
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> created.get() >= atBackup + 50);
            writing.set(false);
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            long inArchive = m.tables().get("hotfix").rows();
            assertThat(inArchive).isPositive().isLessThan(created.get());
        }
        try (TestDb fresh = db.isPostgres() ? TestDb.postgres() : TestDb.sqlite();
                App app = App.local(fresh.config(), clock)) {
            Manifest restored = app.backups().restore(new ByteArrayInputStream(archive.toByteArray()));
            long n = restored.tables().get("hotfix").rows();
            try (Connection c = DriverManager.getConnection(fresh.url());
                    Statement st = c.createStatement()) {
                assertThat(one(st, "SELECT last_value FROM id_counter WHERE name = 'hotfix'"))
                        .as("the counter")
                        .isEqualTo(n);
                assertThat(one(st, "SELECT MAX(number) FROM hotfix")).isEqualTo(n);
                assertThat(one(st, "SELECT COUNT(*) FROM hotfix_step")).isEqualTo(6 * n);
                assertThat(one(st, "SELECT COUNT(*) FROM follow_up")).isEqualTo(4 * n);
                assertThat(one(st, "SELECT COUNT(*) FROM hotfix_system")).isEqualTo(2 * n);
                assertThat(one(st, "SELECT COUNT(*) FROM hotfix_revision")).isEqualTo(n);
                assertThat(one(
                                st,
                                "SELECT COUNT(*) FROM hotfix_step s WHERE NOT EXISTS (SELECT 1 FROM hotfix h "
                                        + "WHERE h.id = s.hotfix_id)"))
                        .isZero();
            }
        }
    }

    private static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
