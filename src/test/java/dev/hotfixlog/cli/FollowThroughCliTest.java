package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.WebhookReceiver;
import dev.hotfixlog.web.Role;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** `announce`, `followups` and `debt` from the CLI, straight on the database and through a server, and the API's send. */
class FollowThroughCliTest {
    @BothDatabases
    void announce_previewsTheTemplate_thenSendsItOnce_andTheSameOutputComesThroughAServer(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "HOTFIX_DB_URL",
                    db.url(),
                    "HOTFIX_DATA_DIR",
                    db.dataDir().toString(),
                    "HOTFIX_ACTOR",
                    "priya",
                    "HOTFIX_CHANNELS",
                    "webhook " + receiver.url("/hook") + " events=stakeholder name=leads"));
            CliRunner direct = new CliRunner(env, clock);
            assertThat(direct.run("new", "--title", "Checkout 502", "--severity", "critical", "--who", "Priya")
                            .code())
                    .isZero();
            assertThat(direct.run("mark", "1", "deployed").code()).isZero();
            clock.advance(Duration.ofMinutes(20));
            assertThat(direct.run("mark", "1", "resolved").code()).isZero();

            CliRunner.Result preview = direct.run("announce", "1", "stakeholder");
            assertThat(preview.code()).isZero();
            assertThat(preview.out())
                    .startsWith("Subject: Production Issue Resolved - Checkout 502\n\nIssue: "
                            + "Checkout 502 (detected 2026-10-04 02:17 UTC)\n")
                    .contains("\n(--send would send it to: leads)\n");
            assertThat(receiver.all()).isEmpty();

            CliRunner.Result sent = direct.run("announce", "1", "stakeholder", "--send");
            assertThat(sent.out()).isEqualTo("Stakeholder Update → leads: delivered\n");
            assertThat(receiver.accepted()).hasSize(1);
            assertThat(Json.parseObject(receiver.accepted().get(0).body())
                            .path("subject")
                            .asText())
                    .isEqualTo("Production Issue Resolved - Checkout 502");

            CliRunner.Result noChannel = direct.run("announce", "1", "alert", "--send");
            assertThat(noChannel.code()).isEqualTo(3);
            assertThat(noChannel.err()).contains("no channel takes Incident Alert messages for critical hotfixes");
            assertThat(direct.run("announce", "1", "reminder").err()).contains("reminder messages go out on their own");

            try (RunningServer server = new RunningServer(
                    db.config(Map.of(Setting.CHANNELS, env.get("HOTFIX_CHANNELS"), Setting.NOTIFY_INTERVAL_MS, "0")),
                    clock)) {
                CliRunner remote = new CliRunner(
                        Map.of("HOTFIX_SERVER", server.url(), "HOTFIX_TOKEN", server.token("priya", Role.RESPONDER)),
                        clock);
                assertThat(remote.run("announce", "1", "stakeholder").out()).isEqualTo(preview.out());

                // The API's send: the same Idempotency-Key twice queues it once.
                Http api = server.as("sam", Role.RESPONDER);
                Http.Response first =
                        api.post("/api/v1/hotfixes/HOTFIX-001/messages/stakeholder", "{}", "Idempotency-Key", "k-1");
                Http.Response again =
                        api.post("/api/v1/hotfixes/HOTFIX-001/messages/stakeholder", "{}", "Idempotency-Key", "k-1");
                assertThat(first.status()).isEqualTo(202);
                assertThat(again.json().path("items")).isEqualTo(first.json().path("items"));
                assertThat(api.get("/api/v1/hotfixes/HOTFIX-001/deliveries")
                                .json()
                                .path("items"))
                        .hasSize(2);
                assertThat(api.post("/api/v1/hotfixes/HOTFIX-001/messages/alert", "{}")
                                .status())
                        .isEqualTo(409);
                assertThat(api.post("/api/v1/hotfixes/HOTFIX-001/messages/stakeholder", "{\"eta\":5}")
                                .status())
                        .isEqualTo(422);
                assertThat(server.app().deliverNow()).isEqualTo(1);
                assertThat(receiver.accepted()).hasSize(2);
            }
        }
    }

    @BothDatabases
    void followupsAndDebt_listWhatIsOverdueAndOutstanding(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        CliRunner cli = new CliRunner(
                Map.of(
                        "HOTFIX_DB_URL",
                        db.url(),
                        "HOTFIX_DATA_DIR",
                        db.dataDir().toString(),
                        "HOTFIX_ACTOR",
                        "priya",
                        "HOTFIX_FOLLOWUP_DUE",
                        "postmortem=48h,properFix=7d"),
                clock);
        cli.run("new", "--title", "Checkout 502", "--severity", "critical", "--who", "Priya");
        cli.run("mark", "1", "deployed");
        cli.run("mark", "1", "resolved");
        cli.run("set", "1", "followUps.properFix.description=Rotate certificates automatically");
        clock.advance(Duration.ofDays(3));

        CliRunner.Result overdue = cli.run("followups", "--overdue", "--owner", "@PRIYA");
        assertThat(overdue.code()).isZero();
        assertThat(overdue.out()).isEqualTo("""
                STATE      HOTFIX       FOLLOW-UP               DUE                   OWNER           WHAT
                overdue    HOTFIX-001   Post-mortem scheduled   2026-10-06 02:17 UTC  Priya           Checkout 502
                """);
        assertThat(cli.run("followups", "--overdue", "--owner", "jonas").out()).isEqualTo("no overdue follow-ups\n");

        CliRunner.Result debt = cli.run("debt");
        assertThat(debt.out())
                .startsWith("1 proper fix outstanding, growing against the end of last month\n")
                .contains("2026-10            1      1       0\n")
                .endsWith("HOTFIX-001   3 d       Priya           Checkout 502\n");
        assertThat(cli.run("followups", "--overdue", "--json").out()).contains("\"state\" : \"overdue\"");
        assertThat(cli.run("followups", "--owner").code()).isEqualTo(2);
    }
}
