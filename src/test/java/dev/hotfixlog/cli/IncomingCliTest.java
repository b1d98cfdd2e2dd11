package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.Setting;
import dev.hotfixlog.incoming.IncomingReplayTest;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.time.Instant;
import java.util.Map;

/**
 * {@code hotfix incoming}: the open alerts, one shown, one declared with the tree's answers, one dismissed; the
 * same through a server ({@code --server} mode) as straight on the database.
 */
class IncomingCliTest {
    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    @BothDatabases
    void incoming_listsShowsDeclaresAndDismisses_directAndThroughAServer(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.INTEGRATIONS, IncomingReplayTest.INTEGRATIONS)), clock)) {
            deliver(s, "HighErrorRate", "payments");
            deliver(s, "DiskFull", "search-index");
            deliver(s, "QueueLag", "billing");
            CliRunner direct = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "priya"),
                    clock);
            CliRunner remote = new CliRunner(
                    Map.of(
                            "HOTFIX_SERVER",
                            s.url(),
                            "HOTFIX_TOKEN",
                            s.token("priya", Role.RESPONDER),
                            "HOTFIX_ACTOR",
                            "priya"),
                    clock);

            for (CliRunner cli : new CliRunner[] {direct, remote}) {
                CliRunner.Result list = cli.run("incoming", "list");
                assertThat(list.code()).isZero();
                assertThat(list.out()).contains("ALERT-1", "ALERT-2", "ALERT-3", "1/1 firing", "alertmanager/prod");
            }
            assertThat(direct.run("incoming", "show", "ALERT-1").out())
                    .isEqualTo(remote.run("incoming", "show", "1").out())
                    .contains("runbook:", "https://runbooks.example/high-errors", "firing:      1 of 1");

            CliRunner.Result declared =
                    direct.run("incoming", "declare", "ALERT-1", "--prod-down", "yes", "--can-wait", "no");
            assertThat(declared.code()).as(declared.err()).isZero();
            assertThat(declared.out()).isEqualTo("HOTFIX-001\n  declared from ALERT-1: HighErrorRate on payments\n");
            assertThat(direct.run("show", "1").out()).contains("HOTFIX APPROVED", "payments");

            CliRunner.Result dismissed = remote.run("incoming", "dismiss", "ALERT-2", "noise");
            assertThat(dismissed.code()).as(dismissed.err()).isZero();
            assertThat(dismissed.out()).isEqualTo("dismissed ALERT-2 as noise\n");
            CliRunner.Result dup = direct.run("incoming", "dismiss", "3", "duplicate");
            assertThat(dup.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(dup.err()).contains("note");
            assertThat(remote.run("incoming", "dismiss", "3", "duplicate", "--note", "ALERT-1")
                            .code())
                    .isZero();
            assertThat(direct.run("incoming", "dismiss", "3", "noise").code())
                    .as("decided already")
                    .isEqualTo(ExitCodes.CONFLICT);
            assertThat(direct.run("incoming", "list").out()).isEqualTo("no incoming alert waits for a decision\n");
            assertThat(remote.run("incoming", "list", "--state", "all").out())
                    .contains("declared HOTFIX-001", "dismissed (noise)", "dismissed (duplicate)");
            assertThat(direct.run("incoming", "show", "ALERT-99").code()).isEqualTo(ExitCodes.BAD_INPUT);
        }
    }

    private static void deliver(RunningServer s, String name, String service) {
        String body = IncomingReplayTest.am(
                        "{}:{alertname=\"" + name + "\"}",
                        "firing",
                        IncomingReplayTest.alert("fp-" + name, "firing", T0.minusSeconds(60), null, service))
                .replace("HighErrorRate", name)
                .replace("Error rate above 5% on payments", name + " on " + service);
        IncomingReplayTest.deliver(s, body);
    }
}
