package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Finding F6: a chat whose API is slow or hangs starves no other workspace, and a request acknowledged to the chat
 * is never lost: it is kept with its replay guard (the chat inbox) and run again after a stop, once in effect.
 */
class ChatInboxTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static String entry(String name, FakeSlack slack) {
        return "slack " + name + " secret=" + SlackRequests.SECRET + " token=xoxb-" + name + " api=" + slack.api();
    }

    private static Config config(TestDb db, String integrations) {
        return db.config(Map.of(Setting.INTEGRATIONS, integrations, Setting.NOTIFY_INTERVAL_MS, "0"));
    }

    private static SlackRequests requests(WebServer server, MutableClock clock, FakeSlack slack, String name) {
        return new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack, name);
    }

    private static List<Hotfix> titled(App app, String prefix) {
        return app.hotfixes().list(HotfixQuery.firstPage()).items().stream()
                .filter(h -> h.title().startsWith(prefix))
                .toList();
    }

    @BothDatabases
    void aWorkspaceWhoseApiHangs_doesNotDelayAnotherWorkspacesDeclaration_andItsOwnAreDeclaredOnceItAnswers(TestDb db) {
        try (FakeSlack slow = new FakeSlack();
                FakeSlack quick = new FakeSlack();
                db;
                App app = App.local(config(db, entry("acme", slow) + "\n" + entry("beta", quick)), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            app.accounts().create("ben@example.com", Role.RESPONDER, PASSWORD, false);
            slow.email("U0ANA", "ana@example.com");
            quick.email("U0BEN", "ben@example.com");
            slow.hang("users.info");
            SlackRequests acme = requests(server, clock, slow, "acme");
            SlackRequests beta = requests(server, clock, quick, "beta");

            // More declarations than the chat has threads, each waiting on Acme's users.info, which never answers.
            int many = 24;
            for (int i = 1; i <= many; i++) {
                String form = SlackRequests.submission("U0ANA", "V0ACME" + i, "yes", "no", "Acme down " + i, "high");
                assertThat(acme.send("interactions", form).status()).isEqualTo(200);
            }
            await().until(() -> !slow.calls("users.info").isEmpty());

            String form = SlackRequests.submission("U0BEN", "V0BETA1", "yes", "no", "Beta is down", "critical");
            assertThat(beta.send("interactions", form).status()).isEqualTo(200);

            // Beta's declaration is stored and announced while Acme's API still hangs, nothing of Acme's stored.
            await().until(() -> titled(app, "Beta").size() == 1
                    && quick.calls("chat.postMessage").size() == 1);
            assertThat(titled(app, "Acme")).isEmpty();
            assertThat(quick.calls("chat.postMessage").get(0).form().get("text"))
                    .contains("Beta is down");

            // Acme answers again: every declaration acknowledged to it is declared, each once.
            slow.answerAgain();
            clock.advance(Duration.ofMinutes(10)); // the retries of calls cut short are due
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> titled(app, "Acme").size() == many);
            await().until(() -> slow.calls("chat.postMessage").size() == many);
            assertThat(titled(app, "Acme").stream().map(Hotfix::title).distinct())
                    .hasSize(many);
        }
    }

    @BothDatabases
    void aDeclarationAcknowledgedBeforeTheProcessStopped_isDeclaredAfterTheNextStart_once_andAnnounced(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db) {
            Config config = config(db, entry("acme", slack));
            String form = SlackRequests.submission("U0ANA", "V0FORM1", "yes", "no", "Checkout is down", "critical");
            try (App app = App.local(config, clock);
                    WebServer server = app.serve()) {
                app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
                slack.email("U0ANA", "ana@example.com");
                slack.hang("users.info");
                assertThat(requests(server, clock, slack, "acme")
                                .send("interactions", form)
                                .status())
                        .isEqualTo(200);
                // The form closed in Slack; its work has begun and waits on Slack when the process stops.
                await().until(() -> slack.calls("users.info").size() == 1);
            }
            slack.answerAgain();
            clock.advance(Duration.ofMinutes(1));

            try (App app = App.local(config, clock);
                    WebServer server = app.serve()) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> slack.calls("chat.postMessage").size() == 1);
                List<Hotfix> all = app.hotfixes().list(HotfixQuery.firstPage()).items();
                assertThat(all).extracting(Hotfix::title).containsExactly("Checkout is down");
                assertThat(all.get(0).owner()).isEqualTo("ana@example.com");
                assertThat(slack.calls("chat.postMessage").get(0).form().get("text"))
                        .isEqualTo("HOTFIX IN PROGRESS: HOTFIX-001 Checkout is down");
                await().until(() -> slack.calls("chat.postEphemeral").size() == 1);
                assertThat(slack.calls("chat.postEphemeral").get(0).form())
                        .containsEntry("text", "HOTFIX-001 declared: Checkout is down");

                // Slack's retry of the same request is still the replay it was: nothing more is declared.
                assertThat(requests(server, clock, slack, "acme")
                                .send("interactions", form)
                                .status())
                        .isEqualTo(200);
                assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).hasSize(1);
            }
        }
    }

    @BothDatabases
    void aButtonAndANoteRunAgainAfterAStop_stampAndKeepOnce_andSaySo(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db) {
            Config config = config(db, entry("acme", slack));
            HotfixId id;
            try (App app = App.local(config, clock);
                    WebServer server = app.serve()) {
                app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
                slack.email("U0ANA", "ana@example.com");
                id = app.hotfixes()
                        .create(
                                MergePatch.of(Json.parseObject("{\"title\":\"Queue stuck\",\"severity\":\"high\"}")),
                                "jonas")
                        .id();
                // The stamp and the note are stored; their answers hang when the process stops.
                slack.hang("/hooks/actions/alerted");
                slack.hang("/hooks/commands/trig-note");
                SlackRequests s = requests(server, clock, slack, "acme");
                assertThat(s.send("interactions", s.button("U0ANA", "alerted", id.toString(), "1765100000.000101"))
                                .status())
                        .isEqualTo(200);
                assertThat(s.send("commands", s.command("U0ANA", "note " + id + " lag is back to 0", "trig-note"))
                                .status())
                        .isEqualTo(200);
                await().until(() -> slack.calls("/hooks/actions/alerted").size() == 1
                        && slack.calls("/hooks/commands/trig-note").size() == 1);
                assertThat(app.hotfixes().get(id).timeline().alertedAt()).isEqualTo(clock.instant());
            }
            slack.answerAgain();
            clock.advance(Duration.ofMinutes(1));

            try (App app = App.local(config, clock);
                    WebServer server = app.serve()) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> slack.calls("/hooks/actions/alerted").size() == 2
                                && slack.calls("/hooks/commands/trig-note").size() == 2);
                assertThat(slack.calls("/hooks/actions/alerted")
                                .get(1)
                                .json(null)
                                .path("text")
                                .asText())
                        .isEqualTo(id + ": alerted stamped; it is active now.");
                assertThat(slack.calls("/hooks/commands/trig-note")
                                .get(1)
                                .json(null)
                                .path("text")
                                .asText())
                        .isEqualTo(id + ": your note is kept on the record (evidence).");
                assertThat(app.hotfixes().history(id))
                        .filteredOn(r -> r.action().equals("alerted"))
                        .hasSize(1);
                assertThat(app.hotfixes().get(id).timeline().alertedAt())
                        .isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
                assertThat(app.attachments().list(new Owner(Owner.Kind.HOTFIX, id.toString()), true))
                        .hasSize(1);
            }
        }
    }
}
