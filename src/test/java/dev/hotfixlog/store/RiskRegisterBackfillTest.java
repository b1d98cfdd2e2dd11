package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.App;
import dev.hotfixlog.risk.Risk;
import dev.hotfixlog.risk.RiskQuery;
import dev.hotfixlog.risk.RiskState;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * An upgraded log's register (V24) starts with the Risk Accepted its records already hold: accepted at detection
 * (else creation), reviewed after the default period of the record's severity, retired by its proper fix when that
 * follow-up is already done; a record without Risk Accepted brings none.
 */
class RiskRegisterBackfillTest {
    private static final Instant DETECTED = Instant.parse("2026-11-01T02:00:00Z");

    @BothDatabases
    void anUpgradedLog_bringsItsAcceptedRisksIntoTheRegister(TestDb db) throws Exception {
        try (db) {
            Flyway.configure()
                    .dataSource(db.url(), null, null)
                    .locations(
                            "classpath:db/migration/common",
                            "classpath:db/migration/" + (db.isPostgres() ? "postgresql" : "sqlite"))
                    .failOnMissingLocations(false)
                    .target("23")
                    .load()
                    .migrate();
            long at = DETECTED.toEpochMilli();
            try (Connection c = DriverManager.getConnection(db.url());
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE id_counter SET last_value = 3 WHERE name = 'hotfix'");
                st.executeUpdate("INSERT INTO hotfix (id, number, title, severity, status, version, detected_at, "
                        + "risk_accepted, created_at, updated_at) VALUES "
                        + "('HOTFIX-001', 1, 'Open risk', 'high', 'active', 1, " + at + ", ' Not load tested ', 0, 0), "
                        + "('HOTFIX-002', 2, 'Fixed properly', 'critical', 'completed', 1, NULL, 'Pinning off', " + at
                        + ", " + at + "), ('HOTFIX-003', 3, 'No risk', 'medium', 'active', 1, " + at + ", '  ', 0, 0)");
                st.executeUpdate("INSERT INTO follow_up (hotfix_id, kind, description, done, done_at) VALUES "
                        + "('HOTFIX-001', 'properFix', 'Load test the pool', FALSE, NULL), "
                        + "('HOTFIX-002', 'properFix', NULL, TRUE, " + (at + 86_400_000) + ")");
            }
            try (App app = App.local(db.config(), MutableClock.at("2026-12-03T03:00:00Z"))) {
                List<Risk> open = app.risks().list(new RiskQuery(null, null, null, null, 10));
                assertThat(open).hasSize(1);
                Risk r = open.get(0);
                assertThat(r.hotfixId()).isEqualTo("HOTFIX-001");
                assertThat(r.statement()).isEqualTo("Not load tested");
                assertThat(r.acceptedAt()).isEqualTo(DETECTED);
                assertThat(r.reviewBy()).isEqualTo(DETECTED.plus(Duration.ofDays(30)));
                assertThat(r.properFix()).isEqualTo("Load test the pool");
                assertThat(r.standing(Instant.parse("2026-12-03T03:00:00Z"))).isEqualTo(RiskState.EXPIRED);

                List<Risk> retired = app.risks().list(new RiskQuery(RiskState.RETIRED, null, null, null, 10));
                assertThat(retired).hasSize(1);
                assertThat(retired.get(0).hotfixId()).isEqualTo("HOTFIX-002");
                assertThat(retired.get(0).retiredByFix()).isTrue();
                assertThat(retired.get(0).retiredAt()).isEqualTo(DETECTED.plus(Duration.ofDays(1)));
                assertThat(app.risks().history(retired.get(0).id()))
                        .extracting(e -> e.action())
                        .containsExactly("accepted", "retired");
            }
        }
    }
}
