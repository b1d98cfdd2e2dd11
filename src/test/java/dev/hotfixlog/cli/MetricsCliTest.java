package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.metrics.MetricsTest;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.util.Map;

/** `hotfix metrics` prints the hand-computed history's figures, the same on the database and through a server. */
class MetricsCliTest {
    @BothDatabases
    void metrics_printsThePeriodsFigures_directAndRemoteAlike(TestDb db) {
        MutableClock clock = MutableClock.at("2026-06-01T00:00:00Z");
        try (RunningServer server = new RunningServer(db.config(), clock)) {
            MetricsTest.history(server.http());
            CliRunner direct = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString()),
                    clock);
            CliRunner.Result r = direct.run("metrics", "--from", "2026-01", "--to", "2026-04");
            assertThat(r.code()).isZero();
            assertThat(r.out())
                    .startsWith("""
                    5 hotfixes detected 2026-01-01T00:00:00Z .. 2026-04-01T00:00:00Z (UTC)

                    RESPONSE TIME      MEDIAN    P90       WITHIN TARGET
                    detection → alert  2 min     10 min    75% < 5 min (4)
                    alert → fix        20 min    40 min    50% < 30 min (2)
                    total              40 min    1.3 h     75% < 60 min (4)

                    post-mortems within 48 h   50% (2 of 4; target 100%)
                    prevention rate            50% (1 of 2 held 90 days)
                    process improvements       2026-Q1 2
                    hotfixes per month         2026-01 2, 2026-02 1, 2026-03 2 (trend: up)
                    repeat incidents           60% (3; target < 10%)
                    team confidence            4.5 of 5 (2 ratings: 5 ×1, 4 ×1)
                    """)
                    .contains("\nConfiguration rollout                 3       0\n")
                    .contains("\nBREACHED overdue-postmortems      1 (act above 0)\n");

            CliRunner remote = new CliRunner(
                    Map.of("HOTFIX_SERVER", server.url(), "HOTFIX_TOKEN", server.token("lead", Role.VIEWER)), clock);
            assertThat(remote.run("metrics", "--from", "2026-01", "--to", "2026-04")
                            .out())
                    .isEqualTo(r.out());
            assertThat(direct.run("metrics", "--zone", "Nowhere/Atlantis").code())
                    .isEqualTo(2);
        }
    }
}
