package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.attachment.Attachment;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The message shortcut "Add to hotfix…", end to end: Slack's documented {@code message_action} and the modal's
 * {@code view_submission}, signed as Slack signs them, against a real server and database, with {@link FakeSlack}
 * as Slack's Web API.
 */
class SlackShortcutTest {
    private static final String PASSWORD = "correct horse battery staple";
    /** 2026-12-07T02:10:00Z, seven minutes before the test's now. */
    private static final String TS = "1796609400.000200";

    private static final String SAID =
            "deploy failed: key AKIAIOSFODNN7EXAMPLE in the env, set password=hunter2hunter2; retried";

    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static Config config(TestDb db, FakeSlack slack) {
        return db.config(Map.of(
                Setting.INTEGRATIONS,
                "slack acme secret=" + SlackRequests.SECRET + " token=xoxb-17-test api=" + slack.api(),
                Setting.NOTIFY_INTERVAL_MS,
                "0"));
    }

    private static String answer(FakeSlack slack, String hook) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.calls(hook).isEmpty());
        return slack.calls(hook).get(0).json(null).path("text").asText();
    }

    @BothDatabases
    void aMessageAddedFromSlack_isKeptMasked_withItsAuthorTimeAndPermalink_onceUnderRetriesAndDoubleSubmits(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            slack.name("U0BOB", "Bob");
            app.hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject("{\"title\":\"Checkout is down\",\"severity\":\"high\"}")),
                            "jonas");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);

            assertThat(s.send("interactions", s.messageAction("U0ANA", "U0BOB", TS, SAID, "trig-add"))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("views.open").size() == 1);
            FakeSlack.Call open = slack.calls("views.open").get(0);
            assertThat(open.form()).containsEntry("trigger_id", "trig-add");
            JsonNode view = Json.parseObject(open.form().get("view"));
            assertThat(view.path("callback_id").asText()).isEqualTo("hotfix_add_message");
            assertThat(view.findValuesAsText("value")).containsExactly("HOTFIX-001");
            String metadata = view.path("private_metadata").asText();
            // Masked before it left the log at all: the form's metadata goes through Slack and back.
            assertThat(metadata).contains("[REDACTED:aws-access-key-id]").doesNotContain("AKIAIOSFODNN7EXAMPLE");
            assertThat(open.body()).doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("hunter2hunter2");

            // Submitted, retried by Slack (the same request), and submitted again (a double click: its own trigger).
            String submit = SlackRequests.addSubmission("U0ANA", "V0ADD", "HOTFIX-001", metadata, "trig-submit-1");
            String[] signed = SlackRequests.signed(submit, clock.instant().getEpochSecond(), SlackRequests.SECRET);
            assertThat(s.send("interactions", submit, signed).status()).isEqualTo(200);
            String[] retry = Stream.concat(Arrays.stream(signed), Stream.of("X-Slack-Retry-Num", "1"))
                    .toArray(String[]::new);
            assertThat(s.send("interactions", submit, retry).status()).isEqualTo(200);
            String again = SlackRequests.addSubmission("U0ANA", "V0ADD", "HOTFIX-001", metadata, "trig-submit-2");
            assertThat(s.send("interactions", again).status()).isEqualTo(200);

            // The first and the double click are each told; the retry is not acted on; one message is kept.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postEphemeral").size() == 2);
            assertThat(slack.calls("chat.postEphemeral").stream()
                            .map(c -> c.form().get("text"))
                            .toList())
                    .containsExactlyInAnyOrder(
                            "HOTFIX-001: the message is kept on the record (evidence), with its link.",
                            "HOTFIX-001: this form's message is kept already.");
            List<Attachment> kept = app.attachments().list(new Owner(Owner.Kind.HOTFIX, "HOTFIX-001"), false);
            assertThat(kept).hasSize(1);
            String permalink = FakeSlack.permalink(SlackRequests.CHANNEL, TS);
            assertThat(slack.calls("chat.getPermalink"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.form())
                            .containsEntry("channel", SlackRequests.CHANNEL)
                            .containsEntry("message_ts", TS));
            Attachment note = kept.get(0);
            assertThat(note.addedBy()).isEqualTo("ana@example.com via Slack");
            assertThat(note.note())
                    .startsWith("deploy failed: key [REDACTED:aws-access-key-id] in the env, set password=[REDACTED:")
                    .endsWith(" — Bob (U0BOB), " + permalink)
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE")
                    .doesNotContain("hunter2hunter2");
            String content = new String(app.attachments().content(note.id()).bytes(), StandardCharsets.UTF_8);
            assertThat(content)
                    .startsWith("Slack message by Bob (U0BOB) at 2026-12-07T02:10:00.000200Z in "
                            + SlackRequests.CHANNEL + "\n" + permalink + "\nadded 2026-12-07T02:17:00Z by "
                            + "ana@example.com via Slack\n")
                    .contains("[REDACTED:aws-access-key-id]")
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE")
                    .doesNotContain("hunter2hunter2");
            assertThat(app.audit().recent(20))
                    .anyMatch(e -> e.actor().equals("ana@example.com via Slack")
                            && e.action().equals("Slack add to hotfix")
                            && "HOTFIX-001".equals(e.subject()));
        }
    }

    @BothDatabases
    void theShortcut_withNoActiveHotfix_saysSo_aViewerIsRefused_andAnUnlinkedPersonIsToldHowToLink(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            app.accounts().create("vic@example.com", Role.VIEWER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            slack.email("U0VIC", "vic@example.com");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);

            s.send("interactions", s.messageAction("U0ANA", "U0BOB", TS, SAID, "trig-none"));
            assertThat(answer(slack, "/hooks/app/trig-none"))
                    .isEqualTo("No hotfix is active: there is none to add this message to.");

            app.hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject("{\"title\":\"Checkout is down\",\"severity\":\"high\"}")),
                            "jonas");
            s.send("interactions", s.messageAction("U0VIC", "U0BOB", TS, SAID, "trig-vic"));
            assertThat(answer(slack, "/hooks/app/trig-vic"))
                    .isEqualTo("vic@example.com has the role viewer; adding a message to a hotfix needs responder");
            s.send("interactions", s.messageAction("U0LEE", "U0BOB", TS, SAID, "trig-lee"));
            assertThat(answer(slack, "/hooks/app/trig-lee"))
                    .startsWith("You are not linked to a Hotfix Log account yet.")
                    .contains("/hotfix link CODE");
            assertThat(slack.calls("views.open")).isEmpty();

            // A viewer's submitted form (opened before the role was taken away) keeps nothing either.
            String metadata =
                    "{\"c\":\"" + SlackRequests.CHANNEL + "\",\"ts\":\"" + TS + "\",\"a\":\"U0BOB\",\"t\":\"x\"}";
            s.send("interactions", SlackRequests.addSubmission("U0VIC", "V0VIC", "HOTFIX-001", metadata, "t-v"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !slack.calls("chat.postEphemeral").isEmpty());
            assertThat(slack.calls("chat.postEphemeral").get(0).form())
                    .containsEntry("user", "U0VIC")
                    .containsEntry(
                            "text",
                            "Nothing was added: vic@example.com has the role viewer; adding a message to a hotfix "
                                    + "needs responder");
            assertThat(app.attachments().list(new Owner(Owner.Kind.HOTFIX, "HOTFIX-001"), true))
                    .isEmpty();
        }
    }

    @BothDatabases
    void aLongMessage_isKeptWhole_thoughTheFormCarriesOnlyItsStart_andItsEndIsMaskedToo(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            app.hotfixes()
                    .create(
                            MergePatch.of(Json.parseObject("{\"title\":\"Checkout is down\",\"severity\":\"high\"}")),
                            "jonas");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);
            StringBuilder log = new StringBuilder();
            for (int i = 0; log.length() < 6500; i++) {
                log.append("line ").append(i).append(": payment worker timed out\n");
            }
            String said = log + "the end: " + SAID;
            assertThat(said.length()).isGreaterThan(6000);

            s.send("interactions", s.messageAction("U0ANA", "U0BOB", TS, said, "trig-long"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("views.open").size() == 1);
            String metadata = Json.parseObject(
                            slack.calls("views.open").get(0).form().get("view"))
                    .path("private_metadata")
                    .asText();
            assertThat(metadata.length()).as("Slack's cap on a form's metadata").isLessThanOrEqualTo(3000);
            s.send("interactions", SlackRequests.addSubmission("U0ANA", "V0LONG", "HOTFIX-001", metadata, "t-long"));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slack.calls("chat.postEphemeral").size() == 1);
            assertThat(slack.calls("chat.postEphemeral").get(0).form().get("text"))
                    .isEqualTo("HOTFIX-001: the message is kept on the record (evidence), with its link.");
            Attachment note = app.attachments()
                    .list(new Owner(Owner.Kind.HOTFIX, "HOTFIX-001"), false)
                    .get(0);
            String content = new String(app.attachments().content(note.id()).bytes(), StandardCharsets.UTF_8);
            assertThat(content)
                    .contains(log.toString())
                    .contains("the end: deploy failed: key [REDACTED:aws-access-key-id]")
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE")
                    .doesNotContain("hunter2hunter2");
        }
    }
}
