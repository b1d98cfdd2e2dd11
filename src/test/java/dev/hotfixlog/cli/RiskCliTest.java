package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.util.Map;

/**
 * {@code hotfix risks} and {@code hotfix risk …} on the database: the register from Risk Accepted, --expired after
 * the review date, a risk added by hand, retired with a reason, and the history that keeps it all.
 */
class RiskCliTest {
    @BothDatabases
    void theRegister_fromRiskAccepted_expiresAndRetiresWithItsHistory(TestDb db) {
        MutableClock clock = MutableClock.at("2026-12-03T03:00:00Z");
        try (db) {
            CliRunner cli = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "priya"),
                    clock);
            assertThat(cli.run(
                                    "new",
                                    "--title",
                                    "Checkout 502",
                                    "--severity",
                                    "critical",
                                    "--prod-down",
                                    "yes",
                                    "--can-wait",
                                    "no")
                            .code())
                    .isZero();
            assertThat(cli.run("set", "HOTFIX-001", "riskAccepted=Pinning off; no load test")
                            .code())
                    .isZero();
            CliRunner.Result risks = cli.run("risks");
            assertThat(risks.out()).contains("RISK-1", "HOTFIX-001", "open", "Pinning off; no load test");
            assertThat(cli.run("risks", "--expired").out()).startsWith("no accepted risk is past its review date");

            clock.advance(Duration.ofDays(15));
            assertThat(cli.run("risks", "--expired").out()).contains("RISK-1", "expired");
            CliRunner.Result added = cli.run(
                    "risk",
                    "add",
                    "HOTFIX-001",
                    "--statement",
                    "Retry may double-charge",
                    "--controls",
                    "refund script",
                    "--decision",
                    "mitigate");
            assertThat(added.code()).as(added.err()).isZero();
            assertThat(added.out())
                    .startsWith("RISK-2\nRISK-2  HOTFIX-001  open")
                    .contains("refund script");

            CliRunner.Result noReason = cli.run("risk", "retire", "RISK-1", "--reason", " ");
            assertThat(noReason.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(noReason.err()).contains("reason");
            assertThat(cli.run("risk", "retire", "RISK-1", "--reason", "pin check shipped")
                            .out())
                    .contains("retired", "pin check shipped");
            assertThat(cli.run("risks", "--state", "retired").out())
                    .contains("RISK-1")
                    .doesNotContain("RISK-2");
            CliRunner.Result show = cli.run("risk", "show", "RISK-1");
            assertThat(show.out())
                    .contains("History:", "accepted: from HOTFIX-001's Risk Accepted", "retired: pin check shipped");
            assertThat(cli.run("risks", "--json").out()).contains("\"id\" : \"RISK-2\"");
        }
    }
}
