package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.TestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * V29 lets a record state no severity (NULL) without touching anything that hangs on the table: on SQLite the
 * table's declaration is edited in place (no rebuild), so its rows, the rows that reference it, its views and its
 * triggers are all as they were, and the file is still whole.
 */
class SeverityNotStatedMigrationTest {
    @BothDatabases
    void aLogOneMigrationBehind_keepsEveryRow_andTakesARecordWithoutSeverity(TestDb db) throws SQLException {
        String vendor = db.isPostgres() ? "postgresql" : "sqlite";
        Flyway.configure()
                .dataSource(db.url(), null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(false)
                .target("28")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(db.url());
                Statement st = c.createStatement()) {
            st.execute(row("HOTFIX-001", 1, "'high'"));
            st.execute("INSERT INTO hotfix_step (hotfix_id, step, done) VALUES ('HOTFIX-001', 'alertTeam', TRUE)");
            assertThatThrownBy(() -> st.execute(row("HOTFIX-009", 9, "NULL")))
                    .as("before V29 a severity is required")
                    .isInstanceOf(SQLException.class);
        }
        try (Database d = Database.open(db.url(), "", "", 2)) {
            d.write(h -> h.execute(row("HOTFIX-002", 2, "NULL")));
            List<String> facts = d.read(h -> h.createQuery("SELECT id, severity FROM record_facts ORDER BY number")
                    .map((rs, c) -> rs.getString(1) + "=" + rs.getString(2))
                    .list());
            assertThat(facts).containsExactly("HOTFIX-001=high", "HOTFIX-002=null");
            assertThat(steps(d)).as("the rows that reference a record are kept").isEqualTo(1);
            d.write(h -> h.execute("DELETE FROM hotfix WHERE id = 'HOTFIX-001'"));
            assertThat(steps(d)).as("and still deleted with it").isZero();
            if (!db.isPostgres()) {
                List<String> integrity = d.read(h -> h.createQuery("PRAGMA integrity_check")
                        .mapTo(String.class)
                        .list());
                assertThat(integrity).containsExactly("ok");
                List<Map<String, Object>> broken = d.read(h ->
                        h.createQuery("PRAGMA foreign_key_check").mapToMap().list());
                assertThat(broken).isEmpty();
            }
        }
    }

    private static int steps(Database d) {
        return d.read(h -> h.createQuery("SELECT COUNT(*) FROM hotfix_step")
                .mapTo(Integer.class)
                .one());
    }

    private static String row(String id, int number, String severity) {
        return "INSERT INTO hotfix (id, number, title, severity, status, version, created_at, updated_at) VALUES ('"
                + id + "', " + number + ", 'Checkout down', " + severity + ", 'active', 1, 0, 0)";
    }
}
