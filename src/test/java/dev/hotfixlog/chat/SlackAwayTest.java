package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/** What the log owes Slack is given once Slack is back, or another way when one way is closed. */
@Tag("slow") // waits out the announcements' 10-second retries: 90 s a run
class SlackAwayTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static Config config(TestDb db, FakeSlack slack, String options) {
        return db.config(Map.of(
                Setting.INTEGRATIONS,
                "slack acme secret=" + SlackRequests.SECRET + " token=xoxb-17-test api=" + slack.api() + " " + options,
                Setting.NOTIFY_INTERVAL_MS,
                "0"));
    }

    private static List<FakeSlack.Call> threadPosts(List<FakeSlack.Call> calls) {
        return calls.stream()
                .filter(c -> c.method().equals("chat.postMessage") && c.form().containsKey("thread_ts"))
                .toList();
    }

    @BothDatabases
    void anAnnouncementThatFailedWhileSlackWasDown_isPostedOnceSlackIsBack_andOnlyOnce(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack, "channel=C0GENERAL"), clock)) {
            slack.fail("chat.postMessage");
            app.hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject("{\"title\":\"Search is slow\",\"severity\":\"high\"}")),
                            "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("chat.postMessage").isEmpty());
            slack.recover();
            int failed = slack.calls("chat.postMessage").size();

            // No change to the record: the announcement left behind is posted all the same.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> slack.calls("chat.postMessage").size() == failed + 1);
            assertThat(slack.calls("chat.postMessage").get(failed).form()).containsEntry("channel", "C0GENERAL");

            // Its id was kept: the next change updates it, nothing is posted again.
            HotfixId id = HotfixId.parse("HOTFIX-001");
            app.hotfixes().record(id, new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, null, false), "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.update").size() == 1);
            assertThat(slack.calls("chat.update").get(0).form())
                    .containsEntry("channel", "C0GENERAL")
                    .containsEntry("ts", "1765100000.000101");
            assertThat(slack.calls("chat.postMessage")).hasSize(failed + 1);
        }
    }

    @BothDatabases
    void aHotfixOfItsOwnChannel_hasItsThreadPostsMadeBeforeTheChannelIsArchived_evenWhenSlackWasAwayAtFirst(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app =
                        App.local(config(db, slack, "channel=C0GENERAL channel-per-hotfix=Hotfix-{id}-{slug}"), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);
            String submit = SlackRequests.submission("U0ANA", "V0FORM1", "yes", "no", "Checkout is down", "critical");
            assertThat(s.send("interactions", submit).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("pins.add").size() == 1);

            HotfixId id = HotfixId.parse("HOTFIX-001");
            app.hotfixes().record(id, new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, null, false), "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.update").size() == 1);

            // Resolved while Slack refuses posts: the thread posts fail, the channel stays open.
            slack.fail("chat.postMessage");
            app.hotfixes().record(id, new LifecycleEvent(LifecycleEvent.Type.RESOLVED, null, false), "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !threadPosts(slack.all()).isEmpty());
            assertThat(slack.calls("conversations.archive")).isEmpty();
            slack.recover();
            int from = slack.all().size();

            // Once Slack is back: the Hotfix Complete and the Stakeholder Update, each once, then the archive.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> slack.calls("conversations.archive").size() == 1);
            List<FakeSlack.Call> after = slack.all().subList(from, slack.all().size());
            List<FakeSlack.Call> posts = threadPosts(after);
            assertThat(posts).hasSize(2);
            assertThat(posts)
                    .allSatisfy(c -> assertThat(c.form())
                            .containsEntry("channel", "C0OWN1")
                            .containsEntry("thread_ts", "1765100000.000101"));
            assertThat(posts.get(0).form().get("text")).startsWith("✅ HOTFIX DEPLOYED ✅");
            assertThat(posts.get(1).form().get("text")).startsWith("Production Issue Resolved - Checkout is down");
            assertThat(after.indexOf(posts.get(1)))
                    .isLessThan(
                            after.indexOf(slack.calls("conversations.archive").get(0)));
        }
    }

    @BothDatabases
    void aCommandWhoseResponseUrlCannotBeReached_isAnsweredThroughTheWebApiAtOnce(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack, "channel=C0GENERAL"), clock);
                WebServer server = app.serve()) {
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);
            // https to the host of api= is Slack's own (ReplyAddress), but nothing listens on this port.
            String closed = "https://127.0.0.1:" + closedPort() + "/hooks/commands/trig-1";
            String command = s.command("U0ANA", "help", "trig-1")
                    .replace(SlackRequests.enc(slack.responseUrl("commands/trig-1")), SlackRequests.enc(closed));
            assertThat(command).contains(SlackRequests.enc(closed));
            assertThat(s.send("commands", command).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("chat.postEphemeral").isEmpty());
            assertThat(slack.calls("chat.postEphemeral").get(0).form())
                    .containsEntry("channel", SlackRequests.CHANNEL)
                    .containsEntry("user", "U0ANA");
            assertThat(slack.calls("chat.postEphemeral").get(0).form().get("text"))
                    .contains("/hotfix");
            assertThat(slack.calls("chat.postEphemeral")).hasSize(1);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
