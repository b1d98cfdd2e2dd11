package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.time.Duration;
import java.util.Map;

/** Where a workspace's hotfixes may be declared: its entry's {@code declare-in=} channels. */
class SlackChannelsTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static Config config(TestDb db, FakeSlack slack, String options) {
        return db.config(Map.of(
                Setting.INTEGRATIONS,
                "slack acme secret=" + SlackRequests.SECRET + " token=xoxb-17-test api=" + slack.api() + " " + options,
                Setting.NOTIFY_INTERVAL_MS,
                "0"));
    }

    @BothDatabases
    void declaringOutsideTheAllowedChannels_isAnsweredWithWhereItMayBeDone_whileStampsWorkAnywhere(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack, "declare-in=C0WARROOM,C0SRE"), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);

            // Typed in #incidents, which the entry leaves out: told where, no form opened.
            assertThat(s.send("commands", s.command("U0ANA", "declare Checkout is down", "trig-1"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-1").isEmpty());
            var answer = slack.calls("/hooks/commands/trig-1").get(0).json(null);
            assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(answer.path("text").asText())
                    .isEqualTo("Hotfixes are declared in <#C0WARROOM>, <#C0SRE>, not here; stamps and notes work"
                            + " in any channel.");

            // A form that names #incidents as where it was opened is answered in the form, kept open; nothing stored.
            String submit = SlackRequests.submission("U0ANA", "V0FORM1", "yes", "no", "Checkout is down", "critical");
            Http.Response refused = s.send("interactions", submit);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.json().path("response_action").asText()).isEqualTo("errors");
            assertThat(refused.json().path("errors").path("title").asText())
                    .startsWith("Hotfixes are declared in C0WARROOM, C0SRE, not here");
            assertThat(slack.calls("chat.postEphemeral")).isEmpty();
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).isEmpty();

            // In an allowed channel the form opens.
            s.send("commands", s.command("U0ANA", "declare Checkout is down", "trig-2", "C0SRE"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("views.open").size() == 1);
            assertThat(slack.calls("views.open").get(0).form()).containsEntry("trigger_id", "trig-2");
            assertThat(slack.calls("/hooks/commands/trig-2")).isEmpty();

            // Stamps work from #incidents all the same.
            app.hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject("{\"title\":\"Search is slow\",\"severity\":\"high\"}")),
                            "jonas");
            s.send("commands", s.command("U0ANA", "deployed HOTFIX-001", "trig-3"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-3").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-3")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .isEqualTo("HOTFIX-001: fix deployed stamped; it is deployed now.");
            assertThat(app.hotfixes()
                            .get(HotfixId.parse("HOTFIX-001"))
                            .timeline()
                            .fixDeployedAt())
                    .isNotNull();
        }
    }

    @BothDatabases
    void aHotfixDeclaredFromSlack_getsAChannelOfItsOwn_withItsDeclarerInvited_theAnnouncementPinned_archivedWhenDone(
            TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app =
                        App.local(config(db, slack, "channel=C0GENERAL channel-per-hotfix=Hotfix-{id}-{slug}"), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);
            String submit = SlackRequests.submission(
                    "U0ANA", "V0FORM1", "yes", "no", "Checkout is DOWN: card payments fail (EU)", "critical");
            assertThat(s.send("interactions", submit).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("pins.add").size() == 1);

            assertThat(slack.calls("conversations.create")).hasSize(1);
            assertThat(slack.calls("conversations.create").get(0).form())
                    .containsEntry("name", "hotfix-hotfix-001-checkout-is-down-card-payments-fail-eu");
            assertThat(slack.calls("conversations.invite").get(0).form())
                    .containsEntry("channel", "C0OWN1")
                    .containsEntry("users", "U0ANA");
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
            assertThat(slack.calls("chat.postMessage").get(0).form()).containsEntry("channel", "C0OWN1");
            assertThat(slack.calls("pins.add").get(0).form())
                    .containsEntry("channel", "C0OWN1")
                    .containsEntry("timestamp", "1765100000.000101");
            assertThat(slack.calls("conversations.archive")).isEmpty();

            // Deployed: updated in its channel, still open; resolved: updated, then archived, once.
            HotfixId id = HotfixId.parse("HOTFIX-001");
            app.hotfixes().record(id, new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, null, false), "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.update").size() == 1);
            assertThat(slack.calls("conversations.archive")).isEmpty();
            app.hotfixes().record(id, new LifecycleEvent(LifecycleEvent.Type.RESOLVED, null, false), "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("conversations.archive").size() == 1);
            assertThat(slack.calls("conversations.archive").get(0).form()).containsEntry("channel", "C0OWN1");
            assertThat(slack.calls("chat.update")).hasSize(2);
            assertThat(slack.calls("chat.update").get(1).form())
                    .containsEntry("channel", "C0OWN1")
                    .containsEntry("ts", "1765100000.000101");

            // A later change (its owner, on the completed record) updates the message and archives nothing again.
            app.hotfixes()
                    .edit(
                            id,
                            app.hotfixes().get(id).version(),
                            MergePatch.of(Json.parseObject("{\"owner\":\"Priya\"}")),
                            "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.update").size() == 3);
            assertThat(slack.calls("conversations.archive")).hasSize(1);
        }
    }

    @org.junit.jupiter.api.Test
    void aChannelPerHotfix_fromTheDocumentedTemplate_namesTheIdOnce_andSpellsAccentedLettersPlain() {
        dev.hotfixlog.security.Integration entry = new dev.hotfixlog.security.Integration(
                null,
                "acme",
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofMinutes(5),
                java.util.List.of(),
                Map.of("channel-per-hotfix", "{id}-{slug}"));
        dev.hotfixlog.chat.internal.Workspace w = new dev.hotfixlog.chat.internal.Workspace(null, entry, null);

        assertThat(w.channelFor("HOTFIX-040", "Ünïcödé façade: Crème brûlée DOWN"))
                .isEqualTo("hotfix-040-unicode-facade-creme-brulee-down");
    }
}
