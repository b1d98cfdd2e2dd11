package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.util.Map;

/** `hotfix search` and `hotfix similar`, straight on the database and through a server, with the same output. */
class SearchCliTest {
    @BothDatabases
    void searchAndSimilar_printTheBestFirst_withMatchesInBrackets_andTheRule(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        CliRunner direct = new CliRunner(
                Map.of(
                        "HOTFIX_DB_URL",
                        db.url(),
                        "HOTFIX_DATA_DIR",
                        db.dataDir().toString(),
                        "HOTFIX_ACTOR",
                        "priya"),
                clock);
        assertThat(direct.run("new", "--title", "Checkout 502 after TLS certificate rotation", "--severity", "critical")
                        .code())
                .isZero();
        assertThat(direct.run("set", "1", "operatingRule=Rotate certificates behind a canary.")
                        .code())
                .isZero();
        assertThat(direct.run("new", "--title", "Login outage after certificate renewal", "--severity", "high")
                        .code())
                .isZero();

        CliRunner.Result found = direct.run("search", "certificate", "--severity", "critical");
        assertThat(found.out())
                .startsWith("HOTFIX-001  Checkout 502 after TLS certificate rotation\n"
                        + "    Rotate [certificates] behind a canary")
                .endsWith("\n    rule: Rotate certificates behind a canary.\n")
                .doesNotContain("HOTFIX-002");
        CliRunner.Result similar = direct.run("similar", "2");
        assertThat(similar.out())
                .startsWith("HOTFIX-001  Checkout 502 after TLS certificate rotation\n")
                .contains("rule: Rotate certificates behind a canary.");
        assertThat(direct.run("similar", "1").out()).isEqualTo("nothing similar before HOTFIX-001\n");
        CliRunner.Result draft = direct.run("similar", "--text", "certificates rotated, checkout failing");
        assertThat(draft.out()).startsWith("HOTFIX-001  Checkout 502 after TLS certificate rotation\n");
        assertThat(direct.run("similar", "--text", "zebra").out()).isEqualTo("nothing similar\n");
        CliRunner.Result neither = direct.run("similar");
        assertThat(neither.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(neither.err()).contains("ID").contains("--text");
        assertThat(direct.run("search", "nothing-like-it").out()).isEqualTo("no match\n");
        // --from and --to take the CLI's times, as --detected does: both were detected just now.
        assertThat(direct.run("search", "certificate", "--from", "1 hour ago").out())
                .contains("HOTFIX-001")
                .contains("HOTFIX-002");
        assertThat(direct.run("search", "certificate", "--to", "1 hour ago").out())
                .isEqualTo("no match\n");
        CliRunner.Result badTime = direct.run("search", "certificate", "--from", "yesterday-ish");
        assertThat(badTime.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badTime.err()).contains("--from");

        try (RunningServer server = new RunningServer(db.config(), clock)) {
            CliRunner remote = new CliRunner(
                    Map.of("HOTFIX_SERVER", server.url(), "HOTFIX_TOKEN", server.token("priya", Role.VIEWER)), clock);
            assertThat(remote.run("search", "certificate", "--severity", "critical")
                            .out())
                    .isEqualTo(found.out());
            assertThat(remote.run("similar", "2").out()).isEqualTo(similar.out());
            assertThat(remote.run("similar", "--text", "certificates rotated, checkout failing")
                            .out())
                    .isEqualTo(draft.out());
        }
    }
}
