package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.security.AuditEvent;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The log driven from Slack, end to end: Slack's documented requests, signed as Slack signs them, against a real
 * server and database, with Slack's Web API and response URLs as a real local server ({@link FakeSlack}) that the
 * SDK is pointed at.
 */
class SlackChatTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PUBLIC_URL = "https://hotfix.example.com";

    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static Config config(TestDb db, FakeSlack slack) {
        return db.config(Map.of(
                Setting.INTEGRATIONS,
                "slack acme secret=" + SlackRequests.SECRET + " token=xoxb-17-test api=" + slack.api()
                        + " channel=C0GENERAL",
                Setting.PUBLIC_URL,
                PUBLIC_URL,
                Setting.NOTIFY_INTERVAL_MS,
                "0"));
    }

    private static JsonNode blocks(FakeSlack.Call call) {
        return Json.parseObject("{\"blocks\":" + call.form().get("blocks") + "}")
                .path("blocks");
    }

    private static List<String> actionIds(JsonNode blocks) {
        List<String> ids = new ArrayList<>();
        blocks.forEach(b -> b.path("elements").forEach(e -> {
            if (e.has("action_id")) {
                ids.add(e.path("action_id").asText());
            }
        }));
        return ids;
    }

    @BothDatabases
    void aDeclarationFromSlack_asksTheDecisionTreeFirst_storesOneHotfix_andItsAnnouncementFollowsEveryChange(
            TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);

            Http.Response ack = s.send("commands", s.command("U0ANA", "declare Checkout is down", "trig-1"));
            assertThat(ack.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("views.open").size() == 1);
            FakeSlack.Call open = slack.calls("views.open").get(0);
            assertThat(open.form()).containsEntry("trigger_id", "trig-1");
            assertThat(open.authorization()).isEqualTo("Bearer xoxb-17-test");
            JsonNode view = Json.parseObject(open.form().get("view"));
            assertThat(view.path("callback_id").asText()).isEqualTo("hotfix_declare");
            assertThat(view.path("private_metadata").asText()).isEqualTo(SlackRequests.CHANNEL);
            JsonNode questions = view.path("blocks");
            assertThat(questions.get(0).path("label").path("text").asText())
                    .isEqualTo("Is production down or severely degraded?");
            assertThat(questions.get(1).path("label").path("text").asText()).startsWith("Can it wait 2–4 hours?");
            assertThat(questions.get(2).path("element").path("initial_value").asText())
                    .isEqualTo("Checkout is down");
            assertThat(questions.findValuesAsText("block_id"))
                    .containsExactly("down", "wait", "title", "severity", "systems", "problem");

            // Submitted, retried by Slack (the same request again), and submitted a second time (a double click).
            String submit = SlackRequests.submission("U0ANA", "V0FORM1", "yes", "no", "Checkout is down", "critical");
            String[] signed = SlackRequests.signed(submit, clock.instant().getEpochSecond(), SlackRequests.SECRET);
            assertThat(s.send("interactions", submit, signed).status()).isEqualTo(200);
            String[] retry = Stream.concat(
                            Arrays.stream(signed),
                            Stream.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                    .toArray(String[]::new);
            assertThat(s.send("interactions", submit, retry).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(2));
            // A second click is a request of its own (its own trigger), of the same form.
            String again = submit.replace("ad0a1f0b1b5e5f5d5", "ad0a1f0b1b5e5f5d6");
            assertThat(again).isNotEqualTo(submit);
            assertThat(s.send("interactions", again).status()).isEqualTo(200);

            // The first and the double click are each told; the retry is not acted on.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postEphemeral").size() == 2);
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).hasSize(1);
            Hotfix h = app.hotfixes().get(HotfixId.parse("HOTFIX-001"));
            assertThat(h.title()).isEqualTo("Checkout is down");
            assertThat(h.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(h.systemsAffected()).containsExactly("checkout", "payments");
            assertThat(h.text("problem")).isEqualTo("Card payments time out");
            assertThat(h.owner()).isEqualTo("ana@example.com");
            assertThat(h.triage().outcome()).isEqualTo(Triage.Outcome.HOTFIX);
            assertThat(app.hotfixes().history(h.id()).get(0).actor()).isEqualTo("ana@example.com via Slack");
            assertThat(slack.calls("chat.postEphemeral").get(0).form())
                    .containsEntry("channel", SlackRequests.CHANNEL)
                    .containsEntry("user", "U0ANA")
                    .containsEntry("text", "HOTFIX-001 declared: Checkout is down");

            // One announcement, in the channel it was declared from, with its buttons.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postMessage").size() == 1);
            FakeSlack.Call post = slack.calls("chat.postMessage").get(0);
            assertThat(post.form()).containsEntry("channel", SlackRequests.CHANNEL);
            assertThat(post.form().get("text")).isEqualTo("HOTFIX IN PROGRESS: HOTFIX-001 Checkout is down");
            JsonNode alert = blocks(post);
            assertThat(alert.get(0).path("text").path("text").asText()).isEqualTo("🚨 HOTFIX IN PROGRESS 🚨");
            assertThat(alert.get(1).path("text").path("text").asText())
                    .contains("*Issue:* Checkout is down")
                    .contains("*Owner:* ana@example.com")
                    .contains("<" + PUBLIC_URL + "/hotfixes/HOTFIX-001|HOTFIX-001>");
            assertThat(actionIds(alert))
                    .containsExactly("hotfix_alerted", "hotfix_deployed", "hotfix_resolved", "hotfix_open");
            assertThat(alert.findValuesAsText("url")).containsExactly(PUBLIC_URL + "/hotfixes/HOTFIX-001");

            // A change made through the service, as the web, the CLI or an alert makes it: the same message follows.
            app.hotfixes().record(h.id(), new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, null, false), "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.update").size() == 1);
            FakeSlack.Call update = slack.calls("chat.update").get(0);
            assertThat(update.form())
                    .containsEntry("channel", SlackRequests.CHANNEL)
                    .containsEntry("ts", "1765100000.000101");
            assertThat(blocks(update)
                            .get(2)
                            .path("elements")
                            .get(0)
                            .path("text")
                            .asText())
                    .startsWith("Status: deployed")
                    .contains("Fix deployed 2026-12-07 02:17 UTC");
            assertThat(actionIds(blocks(update))).containsExactly("hotfix_alerted", "hotfix_resolved", "hotfix_open");

            // A button stamps as the linked person; the message says it is complete.
            clock.advance(Duration.ofMinutes(10));
            assertThat(s.send("interactions", s.button("U0ANA", "resolved", "HOTFIX-001", "1765100000.000101"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.update").size() == 2);
            Hotfix done = app.hotfixes().get(h.id());
            assertThat(done.status()).isEqualTo(Status.COMPLETED);
            assertThat(done.timeline().resolvedAt()).isEqualTo(clock.instant());
            assertThat(blocks(slack.calls("chat.update").get(1))
                            .get(0)
                            .path("text")
                            .path("text")
                            .asText())
                    .isEqualTo("✅ HOTFIX COMPLETE");
            // The seed's Hotfix Complete goes in the announcement's thread.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postMessage").size() >= 2);
            FakeSlack.Call complete = slack.calls("chat.postMessage").get(1);
            assertThat(complete.form())
                    .containsEntry("channel", SlackRequests.CHANNEL)
                    .containsEntry("thread_ts", "1765100000.000101");
            assertThat(complete.form().get("text"))
                    .startsWith("✅ HOTFIX DEPLOYED ✅\nIssue: ")
                    .contains("Log: " + PUBLIC_URL + "/hotfixes/HOTFIX-001");
            // Then the seed's Stakeholder Update ("Production Issue Resolved"), due now that it is resolved.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postMessage").size() >= 3);
            FakeSlack.Call stakeholders = slack.calls("chat.postMessage").get(2);
            assertThat(stakeholders.form())
                    .containsEntry("channel", SlackRequests.CHANNEL)
                    .containsEntry("thread_ts", "1765100000.000101");
            assertThat(stakeholders.form().get("text"))
                    .startsWith("Production Issue Resolved - Checkout is down\n")
                    .contains("Resolution: ", "Timeline: ");
            // Once per change to completed: an edit of the completed record updates the message, nothing more.
            Hotfix completed = app.hotfixes().get(h.id());
            app.hotfixes()
                    .edit(
                            h.id(),
                            completed.version(),
                            MergePatch.of(Json.parseObject("{\"impact\":\"All card payments for 12 minutes\"}")),
                            "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.update").size() == 3);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/actions/resolved").isEmpty());
            JsonNode answer = slack.calls("/hooks/actions/resolved").get(0).json(null);
            assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(answer.path("text").asText()).isEqualTo("HOTFIX-001: resolved stamped; it is completed now.");
            assertThat(app.hotfixes().history(h.id()).get(0).actor()).isEqualTo("ana@example.com via Slack");

            // Declared elsewhere (the API, the web): announced in the workspace's own channel.
            Hotfix web = app.hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject("{\"title\":\"Search is slow\",\"severity\":\"high\"}")),
                            "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postMessage").size() == 4);
            assertThat(slack.calls("chat.postMessage").get(3).form())
                    .containsEntry("channel", "C0GENERAL")
                    .containsEntry("text", "HOTFIX IN PROGRESS: " + web.id() + " Search is slow");
            assertThat(slack.calls("chat.postMessage").stream()
                            .filter(c -> c.form().containsKey("thread_ts")))
                    .hasSize(2);
        }
    }

    @BothDatabases
    void manyChangesToOneHotfixInARow_leaveOneMessage_showingTheLastChange(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock)) {
            Hotfix h = app.hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject("{\"title\":\"Queue stuck 0\",\"severity\":\"high\"}")),
                            "jonas");
            // Faster than a push: the pushes asked for while one waits or runs become one that reads the record.
            for (int i = 1; i <= 20; i++) {
                Hotfix now = app.hotfixes().get(h.id());
                app.hotfixes()
                        .edit(
                                h.id(),
                                now.version(),
                                MergePatch.of(Json.parseObject("{\"title\":\"Queue stuck " + i + "\"}")),
                                "jonas");
            }
            String last = "HOTFIX IN PROGRESS: " + h.id() + " Queue stuck 20";
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Stream.concat(
                                    slack.calls("chat.postMessage").stream(), slack.calls("chat.update").stream())
                            .anyMatch(c -> last.equals(c.form().get("text"))));
            assertThat(slack.calls("chat.postMessage")).hasSize(1);
            String ts = "1765100000.000101";
            assertThat(slack.calls("chat.update"))
                    .hasSizeLessThanOrEqualTo(20)
                    .allSatisfy(c -> assertThat(c.form()).containsEntry("ts", ts));
            List<FakeSlack.Call> updates = slack.calls("chat.update");
            String shown = updates.isEmpty()
                    ? slack.calls("chat.postMessage").get(0).form().get("text")
                    : updates.get(updates.size() - 1).form().get("text");
            assertThat(shown).isEqualTo(last);
        }
    }

    @BothDatabases
    void aFormSubmittedManyTimesAtOnce_andTheSameRequestSentManyTimesAtOnce_declareOneHotfix_announcedOnce(TestDb db)
            throws Exception {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);
            String submit = SlackRequests.submission("U0ANA", "V0RACE", "yes", "no", "Payments down", "critical");
            ExecutorService clients = Executors.newFixedThreadPool(16);
            try {
                List<Future<Http.Response>> sent = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    // Eight clicks, each a request of its own; eight copies of one request (Slack's retries).
                    String body = i < 8 ? submit.replace("ad0a1f0b1b5e5f5d5", "ad0a1f0b1b5e5f5d" + (10 + i)) : submit;
                    sent.add(clients.submit(() -> s.send("interactions", body)));
                }
                for (var f : sent) {
                    assertThat(f.get().status()).isEqualTo(200);
                }
            } finally {
                clients.shutdownNow();
            }
            // Every click that was acted on is told; the copies of one request are acted on once between them.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> slack.calls("chat.postEphemeral").size() == 9);
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items())
                    .singleElement()
                    .extracting(Hotfix::title)
                    .isEqualTo("Payments down");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postMessage").size() == 1);
            assertThat(slack.calls("chat.postEphemeral"))
                    .allSatisfy(c -> assertThat(c.form().get("text")).isEqualTo("HOTFIX-001 declared: Payments down"));
        }
    }

    @BothDatabases
    void requests_withABadStaleOrMissingSignature_areRefused_andAReplay_isNotActedOnTwice(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            app.hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject("{\"title\":\"Queue stuck\",\"severity\":\"high\"}")),
                            "jonas");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);
            long now = clock.instant().getEpochSecond();
            String note = s.command("U0ANA", "note HOTFIX-001 consumer lag back to 0 after the restart", "trig-note");

            assertThat(s.send("commands", note, SlackRequests.signed(note, now, "not-the-secret"))
                            .status())
                    .isEqualTo(401);
            assertThat(s.send("commands", note, SlackRequests.signed(note, now - 301, SlackRequests.SECRET))
                            .status())
                    .as("stale: signed more than five minutes ago")
                    .isEqualTo(401);
            assertThat(s.send("commands", note, SlackRequests.signed(note, now + 400, SlackRequests.SECRET))
                            .status())
                    .isEqualTo(401);
            assertThat(s.send("commands", note, "Content-Type", "application/x-www-form-urlencoded")
                            .status())
                    .isEqualTo(401);
            // A workspace no entry names answers as a wrong signature does: names cannot be found by asking.
            Http.Response wrong = s.send("commands", note, SlackRequests.signed(note, now, "not-the-secret"));
            Http.Response unknown = new Http("http://127.0.0.1:" + server.port())
                    .post(
                            "/api/v1/chat/slack/other/commands",
                            note,
                            SlackRequests.signed(note, now, SlackRequests.SECRET));
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.body().replace("slack/other", "slack/acme")).isEqualTo(wrong.body());
            assertThat(app.audit().recent(50))
                    .anyMatch(e -> e.outcome() == 401
                            && "no slack integration named 'other' (HOTFIX_INTEGRATIONS)".equals(e.detail()));
            String[] good = SlackRequests.signed(note, now, SlackRequests.SECRET);
            String tampered = note.replace("consumer", "producer");
            assertThat(s.send("commands", tampered, good).status())
                    .as("a body that is not the one signed")
                    .isEqualTo(401);

            assertThat(s.send("commands", note, good).status()).isEqualTo(200);
            assertThat(s.send("commands", note, good).status())
                    .as("replayed as it was")
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-note").isEmpty());
            // The replay was acknowledged and dropped before any work was queued: nothing more can come of it.
            assertThat(slack.calls("/hooks/commands/trig-note")).hasSize(1);
            assertThat(slack.calls("/hooks/commands/trig-note")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .isEqualTo("HOTFIX-001: your note is kept on the record (evidence).");
            var kept = app.attachments().list(new Owner(Owner.Kind.HOTFIX, "HOTFIX-001"), false);
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).note()).isEqualTo("consumer lag back to 0 after the restart");
            assertThat(kept.get(0).addedBy()).isEqualTo("ana@example.com via Slack");

            // A stamp with a time as people type it; the announcement of this web-declared hotfix follows it.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postMessage").size() == 1);
            assertThat(slack.calls("chat.postMessage").get(0).form()).containsEntry("channel", "C0GENERAL");
            clock.advance(Duration.ofMinutes(30));
            assertThat(s.send("commands", s.command("U0ANA", "deployed HOTFIX-001 15 minutes ago", "trig-dep"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-dep").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-dep")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .isEqualTo("HOTFIX-001: fix deployed stamped at 2026-12-07 02:32 UTC; it is deployed now.");
            assertThat(app.hotfixes()
                            .get(HotfixId.parse("HOTFIX-001"))
                            .timeline()
                            .fixDeployedAt())
                    .isEqualTo(clock.instant().minus(Duration.ofMinutes(15)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.update").size() == 1);
            assertThat(slack.calls("chat.update").get(0).form())
                    .containsEntry("channel", "C0GENERAL")
                    .containsEntry("ts", "1765100000.000101");
            assertThat(s.send("commands", s.command("U0ANA", "show HOTFIX-001", "trig-show"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-show").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-show")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .startsWith("HOTFIX-001 🟡 *Queue stuck* (deployed)");
            assertThat(s.send("commands", s.command("U0ANA", "deployed HOTFIX-999", "trig-none"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-none").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-none")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .as("the chat's own command, not the CLI's or the API's")
                    .isEqualTo("no hotfix HOTFIX-999; list them with `/hotfix list`.");
            assertThat(s.send("commands", s.command("U0ANA", "deployed", "trig-noid"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-noid").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-noid")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .isEqualTo("`/hotfix deployed` needs a hotfix id, e.g. `/hotfix deployed HOTFIX-12`.");
            List<AuditEvent> audit = app.audit().recent(50);
            assertThat(audit)
                    .anyMatch(e -> e.outcome() == 401 && e.action().equals("POST /api/v1/chat/slack/acme/commands"));
            assertThat(audit)
                    .anyMatch(e -> e.actor().equals("ana@example.com via Slack")
                            && e.action().equals("Slack /hotfix note"));
        }
    }

    @BothDatabases
    void aViewer_isRefused_anUnlinkedPerson_isToldHowToLink_andAOneTimeCodeLinksThem(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            String url = "http://127.0.0.1:" + server.port();
            app.accounts().create("vic@example.com", Role.VIEWER, PASSWORD, false);
            app.accounts().create("lee", Role.RESPONDER, PASSWORD, false);
            slack.email("U0VIC", "vic@example.com");
            SlackRequests s = new SlackRequests(new Http(url), clock, slack);

            assertThat(s.send("commands", s.command("U0VIC", "declare Checkout is down", "trig-vic"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-vic").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-vic")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .isEqualTo("vic@example.com has the role viewer; declaring a hotfix needs responder");
            assertThat(slack.calls("views.open")).isEmpty();
            // A viewer's submitted form (one opened before the role was taken away) declares nothing either.
            assertThat(s.send("interactions", SlackRequests.submission("U0VIC", "V0VIC", "yes", "no", "Mine", "high"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("chat.postEphemeral").isEmpty());
            assertThat(slack.calls("chat.postEphemeral").get(0).form().get("text"))
                    .isEqualTo("Nothing was declared: vic@example.com has the role viewer; declaring a hotfix needs "
                            + "responder");
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).isEmpty();

            assertThat(s.send("commands", s.command("U0LEE", "list", "trig-lee"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-lee").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-lee")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .startsWith("You are not linked to a Hotfix Log account yet.")
                    .contains("/hotfix link CODE");

            // Signed in on the web, lee asks for a code and types it in Slack.
            Browser web = new Browser(url);
            String csrf = web.get("/sign-in").csrf();
            web.postForm("/sign-in", Map.of("_csrf", csrf, "username", "lee", "password", PASSWORD, "next", "/"));
            Browser.Page code = web.postJson(
                    "/api/v1/chat/link-codes", "", "X-CSRF-Token", web.get("/").csrf());
            assertThat(code.status()).as(code.body()).isEqualTo(201);
            String typed = Json.parseObject(code.body()).path("code").asText();
            assertThat(s.send("commands", s.command("U0LEE", "link " + typed, "trig-link"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-link").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-link")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .isEqualTo("Linked: here you act as lee.");
            assertThat(s.send("commands", s.command("U0OTHER", "link " + typed, "trig-again"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-again").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-again")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .startsWith("That code is unknown, used or expired.");

            assertThat(s.send("commands", s.command("U0LEE", "list", "trig-list"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-list").isEmpty());
            assertThat(slack.calls("/hooks/commands/trig-list")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .isEqualTo("No active or deployed hotfixes.");
            assertThat(app.audit().recent(50))
                    .anyMatch(
                            e -> e.actor().equals("lee via Slack") && e.action().equals("Slack /hotfix list"));
        }
    }

    @BothDatabases
    void aDecisionTreeThatSaysNoHotfix_isAnsweredInTheForm_andStoresNothing(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);

            Http.Response normal =
                    s.send("interactions", SlackRequests.submission("U0ANA", "V0N", "no", null, "Typo", "medium"));
            assertThat(normal.status()).isEqualTo(200);
            assertThat(normal.json().path("response_action").asText()).isEqualTo("update");
            assertThat(normal.json()
                            .path("view")
                            .path("blocks")
                            .get(0)
                            .path("text")
                            .path("text")
                            .asText())
                    .startsWith("*Use normal process*")
                    .contains("nothing was stored");
            Http.Response expedited =
                    s.send("interactions", SlackRequests.submission("U0ANA", "V0E", "yes", "yes", "Slow", "high"));
            assertThat(expedited
                            .json()
                            .path("view")
                            .path("blocks")
                            .get(0)
                            .path("text")
                            .path("text")
                            .asText())
                    .startsWith("*Use expedited PR process*");
            Http.Response unanswered =
                    s.send("interactions", SlackRequests.submission("U0ANA", "V0U", "yes", null, "Down", "high"));
            assertThat(unanswered.json().path("response_action").asText()).isEqualTo("errors");
            assertThat(unanswered.json().path("errors").path("wait").asText()).contains("can it wait 2–4 hours?");

            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).isEmpty();
            assertThat(slack.all()).isEmpty();
        }
    }

    @BothDatabases
    void aReplyAddressThatIsNotSlacksOwn_isNotCalled_andTheAnswerIsToldInTheChannelInstead(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                FakeSlack elsewhere = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);
            String own = SlackRequests.enc(slack.responseUrl("commands/trig-own"));
            String other = SlackRequests.enc(elsewhere.responseUrl("commands/trig-own"));

            assertThat(s.send("commands", s.command("U0ANY", "help", "trig-own").replace(own, other))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("chat.postEphemeral").isEmpty());
            FakeSlack.Call told = slack.calls("chat.postEphemeral").get(0);
            assertThat(told.form())
                    .containsEntry("channel", SlackRequests.CHANNEL)
                    .containsEntry("user", "U0ANY");
            assertThat(told.form().get("text")).contains("/hotfix declare");
            assertThat(elsewhere.all()).isEmpty();

            // The workspace's own address (the fake's origin, as api= names it) is followed.
            assertThat(s.send("commands", s.command("U0ANY", "help", "trig-own"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("/hooks/commands/trig-own").isEmpty());
            assertThat(elsewhere.all()).isEmpty();

            // A typed title longer than the form's field is cut to it (Slack refuses the whole view otherwise),
            // never inside a surrogate pair.
            app.accounts().create("any@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANY", "any@example.com");
            String typed = "a".repeat(199) + "😀 and more";
            assertThat(s.send("commands", s.command("U0ANY", "declare " + typed, "trig-long"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("views.open").isEmpty());
            JsonNode title = Json.parseObject(
                            slack.calls("views.open").get(0).form().get("view"))
                    .path("blocks")
                    .get(2)
                    .path("element");
            assertThat(title.path("max_length").asInt()).isEqualTo(200);
            assertThat(title.path("initial_value").asText()).isEqualTo("a".repeat(199));
        }
    }

    @org.junit.jupiter.api.Test
    void onlySlacksOwnHostsOverHttps_orTheApisOwnOrigin_areReplyAddresses() {
        List<String> hosts = List.of("hooks.slack.com", "slack.example.com");
        String api = "https://slack.example.com/api/";
        assertThat(dev.hotfixlog.chat.internal.ReplyAddress.allowed(
                        "https://hooks.slack.com/commands/T0/1/abc?x=1", api, hosts))
                .isTrue();
        assertThat(dev.hotfixlog.chat.internal.ReplyAddress.allowed("https://slack.example.com/hooks/x", api, hosts))
                .isTrue();
        for (String refused : List.of(
                "http://hooks.slack.com/commands/T0/1/abc",
                "https://hooks.slack.com.evil.example/commands",
                "https://hooks.slack.com@evil.example/commands",
                "https://169.254.169.254/latest/meta-data",
                "http://127.0.0.1:8080/admin",
                "ftp://hooks.slack.com/x",
                "not a url")) {
            assertThat(dev.hotfixlog.chat.internal.ReplyAddress.allowed(refused, api, hosts))
                    .as(refused)
                    .isFalse();
        }
        assertThat(dev.hotfixlog.chat.internal.ReplyAddress.allowed(
                        "http://127.0.0.1:8080/hooks/x", "http://127.0.0.1:8080/api/", List.of()))
                .isTrue();
        assertThat(dev.hotfixlog.chat.internal.ReplyAddress.allowed(
                        "http://127.0.0.1:8081/hooks/x", "http://127.0.0.1:8080/api/", List.of()))
                .isFalse();
    }
}
