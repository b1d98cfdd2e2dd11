package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.TestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Several instances starting at once on one new PostgreSQL database (a deploy of a few replicas): the schema is
 * migrated once — each migration in the history once, all of them successful — and every instance opens.
 */
class ConcurrentStartTest {
    @Test
    void fourInstancesStartingAtOnce_migrateOnce() throws Exception {
        try (TestDb db = TestDb.postgres()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> {
                    go.await();
                    return Database.open(db.url(), "", "", 2);
                }));
            }
            go.countDown();
            for (Future<Database> f : opened) {
                f.get().close();
            }
            pool.shutdown();
            try (Connection c = DriverManager.getConnection(db.url());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version), "
                            + "SUM(CASE WHEN success THEN 0 ELSE 1 END), MAX(CAST(version AS INTEGER)) "
                            + "FROM flyway_schema_history WHERE version IS NOT NULL")) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("each migration once")
                        .isEqualTo(rs.getLong(2))
                        .isEqualTo(Database.SCHEMA_VERSION);
                assertThat(rs.getLong(3)).as("failed migrations").isZero();
                assertThat(rs.getLong(4)).isEqualTo(Database.SCHEMA_VERSION);
            }
        }
    }
}
