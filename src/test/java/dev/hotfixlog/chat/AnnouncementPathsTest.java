package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.incoming.IncomingReplayTest;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One Slack message per hotfix, kept true whatever path changes the record: the web's form, an incoming alert,
 * the CLI (whose process runs its own app and so its own announcements), and a CLI run without the Slack settings,
 * whose change the server shows at its next start.
 */
class AnnouncementPathsTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Instant T0 = Instant.parse("2026-12-07T02:17:00Z");
    private static final String GROUP = "{}/{}:{alertname=\"HighErrorRate\"}";

    private final MutableClock clock = new MutableClock(T0);

    private static String integrations(FakeSlack slack) {
        return "alertmanager prod bearer=am-secret-1 systems=service\nslack acme secret=" + SlackRequests.SECRET
                + " token=xoxb-17-test api=" + slack.api() + " channel=C0GENERAL";
    }

    private static Config config(TestDb db, FakeSlack slack) {
        return db.config(Map.of(Setting.INTEGRATIONS, integrations(slack), Setting.NOTIFY_INTERVAL_MS, "0"));
    }

    private CliRunner cli(TestDb db, String integrations) {
        Map<String, String> env = new HashMap<>(Map.of(
                "HOTFIX_DB_URL", db.url(), "HOTFIX_DATA_DIR", db.dataDir().toString(), "HOTFIX_ACTOR", "tester"));
        if (integrations != null) {
            env.put("HOTFIX_INTEGRATIONS", integrations);
        }
        return new CliRunner(env, clock);
    }

    private static String status(FakeSlack.Call update) {
        JsonNode blocks =
                Json.parseObject("{\"b\":" + update.form().get("blocks") + "}").path("b");
        return blocks.get(2).path("elements").get(0).path("text").asText();
    }

    @BothDatabases
    void theAnnouncement_isUpdatedInPlace_afterTheWebTheCliAndAnIncomingAlertChangeTheRecord(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db) {
            Instant aStart = T0.minusSeconds(180);
            try (RunningServer s = new RunningServer(config(db, slack), clock)) {
                s.app().accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);

                // Declared from an incoming alert through the API: announced in the workspace's channel.
                String incoming = IncomingReplayTest.deliver(
                                s,
                                IncomingReplayTest.am(
                                        GROUP,
                                        "firing",
                                        IncomingReplayTest.alert("fp-a", "firing", aStart, null, "payments")))
                        .path("incoming")
                        .asText();
                String id = s.http()
                        .post("/api/v1/incoming/" + incoming + "/declare", "{\"triage\":{\"productionDown\":true}}")
                        .json()
                        .path("id")
                        .asText();
                assertThat(id).isEqualTo("HOTFIX-001");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> slack.calls("chat.postMessage").size() == 1);
                FakeSlack.Call post = slack.calls("chat.postMessage").get(0);
                assertThat(post.form()).containsEntry("channel", "C0GENERAL");
                String ts = "1765100000.000101"; // the fake's first message

                // The web: the record page's "Fix deployed" form, signed in.
                Browser web = new Browser(s.url());
                String csrf = web.get("/sign-in").csrf();
                web.postForm(
                        "/sign-in",
                        Map.of("_csrf", csrf, "username", "ana@example.com", "password", PASSWORD, "next", "/"));
                Browser.Page done = web.postForm(
                        "/hotfixes/" + id + "/events",
                        Map.of("_csrf", web.get("/hotfixes/" + id).csrf(), "event", "deployed"));
                assertThat(done.status()).as(done.body()).isEqualTo(303);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> slack.calls("chat.update").size() == 1);
                assertThat(slack.calls("chat.update").get(0).form())
                        .containsEntry("channel", "C0GENERAL")
                        .containsEntry("ts", ts);
                assertThat(status(slack.calls("chat.update").get(0))).startsWith("Status: deployed");

                // An incoming alert: the group resolves, the record takes its all-clear time.
                clock.advance(Duration.ofMinutes(2));
                Instant aEnd = clock.instant().minusSeconds(5);
                IncomingReplayTest.deliver(
                        s,
                        IncomingReplayTest.am(
                                GROUP,
                                "resolved",
                                IncomingReplayTest.alert("fp-a", "resolved", aStart, aEnd, "payments")));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> slack.calls("chat.update").size() == 2);
                assertThat(slack.calls("chat.update").get(1).form()).containsEntry("ts", ts);
                assertThat(s.app().hotfixes().history(HotfixId.parse(id)).stream()
                                .map(c -> c.actor())
                                .toList())
                        .contains("alerts:alertmanager/prod");
                assertThat(s.app().hotfixes().get(HotfixId.parse(id)).timeline().alertsClearedAt())
                        .isEqualTo(aEnd);

                // The CLI with the Slack settings: its own process updates the message before it exits.
                CliRunner.Result set = cli(db, integrations(slack)).run("set", id, "owner=Priya");
                assertThat(set.code()).as(set.err()).isZero();
                assertThat(slack.calls("chat.update")).hasSize(3);
                assertThat(slack.calls("chat.update").get(2).form()).containsEntry("ts", ts);
                assertThat(blocks(slack.calls("chat.update").get(2))).contains("*Owner:* Priya");

                // The CLI without them: nothing is sent from that process; the message is marked behind.
                CliRunner.Result mark = cli(db, null).run("mark", id, "resolved");
                assertThat(mark.code()).as(mark.err()).isZero();
                assertThat(slack.calls("chat.update")).hasSize(3);
            }
            // The server's next start brings it up to date: the same message says the hotfix is complete.
            try (RunningServer again = new RunningServer(config(db, slack), clock)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> slack.calls("chat.update").size() == 4);
                FakeSlack.Call last = slack.calls("chat.update").get(3);
                assertThat(last.form()).containsEntry("ts", "1765100000.000101");
                assertThat(blocks(last)).contains("HOTFIX COMPLETE");
                assertThat(slack.calls("chat.postMessage")).hasSize(1);
            }
        }
    }

    private static String blocks(FakeSlack.Call call) {
        return call.form().get("blocks");
    }
}
