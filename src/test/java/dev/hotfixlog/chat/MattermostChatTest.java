package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.AuditEvent;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The log driven from Mattermost, end to end: Mattermost's documented requests (a custom slash command's form
 * with its token, an interactive button's {@code integration.url} post with its context, an interactive dialog's
 * submission) against a real server and database, with Mattermost's REST API as a real local server
 * ({@link FakeMattermost}).
 */
class MattermostChatTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PUBLIC_URL = "https://hotfix.example.com";
    private static final String TOKEN = "okwexkjpe7ygb8eq1ww58t483w";
    private static final String TEAM = "carya1qs77bemjup96ff538snh";
    private static final String CHANNEL = "jux16pkewjrkfj3ehep1psxyxc";
    private static final String CALLBACK = "https://hotfix.internal.example.com";

    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static Config config(TestDb db, FakeMattermost mm) {
        return db.config(Map.of(
                Setting.INTEGRATIONS,
                "mattermost acme secret=" + TOKEN + " token=bot-access-token api=" + mm.api() + " callback=" + CALLBACK,
                Setting.PUBLIC_URL,
                PUBLIC_URL,
                Setting.NOTIFY_INTERVAL_MS,
                "0"));
    }

    /** A custom slash command's form body, as Mattermost posts it. */
    private static String command(FakeMattermost mm, String user, String text, String trigger) {
        return "channel_id=" + CHANNEL + "&channel_name=town-square&command=%2Fhotfix&response_url="
                + enc(mm.responseUrl(trigger)) + "&team_domain=test&team_id=" + TEAM + "&text=" + enc(text)
                + "&token=" + TOKEN + "&trigger_id=" + enc(trigger) + "&user_id=" + user + "&user_name=someone";
    }

    private static Http.Response send(Http http, String route, String body, String... headers) {
        return http.post("/api/v1/chat/mattermost/acme/" + route, body, headers);
    }

    private static Http.Response command(Http http, String body, String token) {
        return token == null
                ? send(http, "commands", body, "Content-Type", "application/x-www-form-urlencoded")
                : send(
                        http,
                        "commands",
                        body,
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "Authorization",
                        "Token " + token);
    }

    /** A dialog's submission, as Mattermost posts it to the dialog's {@code url}. */
    private static String submission(String user, JsonNode dialog, String down, String wait, String title) {
        ObjectNode s = Json.object()
                .put("type", "dialog_submission")
                .put("callback_id", dialog.path("callback_id").asText())
                .put("state", dialog.path("state").asText())
                .put("user_id", user)
                .put("channel_id", CHANNEL)
                .put("team_id", TEAM)
                .put("cancelled", false);
        ObjectNode answers = s.putObject("submission")
                .put("down", down)
                .put("title", title)
                .put("severity", "critical")
                .put("systems", "checkout, payments")
                .put("problem", "Card payments time out");
        if (wait != null) {
            answers.put("wait", wait);
        }
        return Json.write(s);
    }

    /** A button's click, as Mattermost posts it to the button's {@code integration.url}. */
    private static String click(String user, JsonNode action, String post) {
        ObjectNode c = Json.object()
                .put("user_id", user)
                .put("user_name", "someone")
                .put("channel_id", CHANNEL)
                .put("channel_name", "town-square")
                .put("team_id", TEAM)
                .put("team_domain", "test")
                .put("post_id", post)
                .put("trigger_id", "dHJpZ2dlcg==")
                .put("type", "")
                .put("data_source", "");
        c.set("context", action.path("integration").path("context"));
        return Json.write(c);
    }

    private static List<String> actionIds(JsonNode post) {
        List<String> ids = new ArrayList<>();
        post.path("props")
                .path("attachments")
                .get(0)
                .path("actions")
                .forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    private static JsonNode action(JsonNode post, String id) {
        for (JsonNode a : post.path("props").path("attachments").get(0).path("actions")) {
            if (a.path("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no button " + id);
    }

    @BothDatabases
    void aDeclarationFromMattermost_opensTheDialog_storesOneHotfix_andItsPostFollowsEveryChange(TestDb db) {
        try (FakeMattermost mm = new FakeMattermost();
                db;
                App app = App.local(config(db, mm), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            mm.email("anauser0000000000000000000", "ana@example.com");
            Http http = new Http("http://127.0.0.1:" + server.port());

            assertThat(command(
                                    http,
                                    command(mm, "anauser0000000000000000000", "declare Checkout is down", "trig1"),
                                    TOKEN)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("POST /api/v4/actions/dialogs/open").size() == 1);
            FakeMattermost.Call open =
                    mm.calls("POST /api/v4/actions/dialogs/open").get(0);
            assertThat(open.authorization()).isEqualTo("Bearer bot-access-token");
            assertThat(open.json().path("trigger_id").asText()).isEqualTo("trig1");
            assertThat(open.json().path("url").asText())
                    .isEqualTo(CALLBACK + "/api/v1/chat/mattermost/acme/interactions");
            JsonNode dialog = open.json().path("dialog");
            assertThat(dialog.path("callback_id").asText()).startsWith("hotfix-");
            assertThat(dialog.path("state").asText()).startsWith(CHANNEL + " ");
            assertThat(dialog.path("elements").findValuesAsText("name"))
                    .containsExactly("down", "wait", "title", "severity", "systems", "problem");
            assertThat(dialog.path("elements").get(0).path("display_name").asText())
                    .isEqualTo("Is production down or severely degraded?");
            assertThat(dialog.path("elements").get(2).path("default").asText()).isEqualTo("Checkout is down");

            // Submitted, sent again as it was (a retry), and submitted a second time (a double click).
            String submit = submission("anauser0000000000000000000", dialog, "yes", "no", "Checkout is down");
            String[] json = {"Content-Type", "application/json"};
            assertThat(send(http, "interactions", submit, json).status()).isEqualTo(200);
            assertThat(send(http, "interactions", submit, json).status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(2));
            String again = submit.replace("\"cancelled\":false", "\"cancelled\":false,\"again\":1");
            assertThat(send(http, "interactions", again, json).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("POST /api/v4/posts/ephemeral").size() == 2);
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).hasSize(1);
            Hotfix h = app.hotfixes().get(HotfixId.parse("HOTFIX-001"));
            assertThat(h.title()).isEqualTo("Checkout is down");
            assertThat(h.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(h.systemsAffected()).containsExactly("checkout", "payments");
            assertThat(h.owner()).isEqualTo("ana@example.com");
            assertThat(app.hotfixes().history(h.id()).get(0).actor()).isEqualTo("ana@example.com via Mattermost");
            JsonNode told = mm.calls("POST /api/v4/posts/ephemeral").get(0).json();
            assertThat(told.path("user_id").asText()).isEqualTo("anauser0000000000000000000");
            assertThat(told.path("post").path("channel_id").asText()).isEqualTo(CHANNEL);
            assertThat(told.path("post").path("message").asText()).isEqualTo("HOTFIX-001 declared: Checkout is down");

            // The same dialog submitted again, changed: said in the chat's words, not as the API's header.
            clock.advance(Duration.ofSeconds(2));
            String changed = submission("anauser0000000000000000000", dialog, "yes", "no", "Checkout is down!");
            assertThat(send(http, "interactions", changed, json).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("POST /api/v4/posts/ephemeral").size() == 3);
            assertThat(mm.calls("POST /api/v4/posts/ephemeral")
                            .get(2)
                            .json()
                            .path("post")
                            .path("message")
                            .asText())
                    .isEqualTo("Nothing was declared: This form was already submitted; to declare another hotfix,"
                            + " open a new form with `/hotfix declare`.");
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).hasSize(1);

            // One announcement, posted with the bot's token in the channel it was declared from, with its buttons.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("POST /api/v4/posts").size() == 1);
            FakeMattermost.Call post = mm.calls("POST /api/v4/posts").get(0);
            assertThat(post.authorization()).isEqualTo("Bearer bot-access-token");
            assertThat(post.json().path("channel_id").asText()).isEqualTo(CHANNEL);
            JsonNode attachment = post.json().path("props").path("attachments").get(0);
            assertThat(attachment.path("title").asText()).isEqualTo("🚨 HOTFIX IN PROGRESS 🚨");
            assertThat(attachment.path("text").asText())
                    .contains("**Issue:** Checkout is down")
                    .contains("[HOTFIX-001](" + PUBLIC_URL + "/hotfixes/HOTFIX-001)");
            assertThat(actionIds(post.json())).containsExactly("alerted", "deployed", "resolved");
            assertThat(action(post.json(), "deployed")
                            .path("integration")
                            .path("url")
                            .asText())
                    .isEqualTo(CALLBACK + "/api/v1/chat/mattermost/acme/interactions");

            // A change made through the service (the web, the CLI, an alert): the same post follows.
            app.hotfixes().record(h.id(), new LifecycleEvent(LifecycleEvent.Type.DEPLOYED, null, false), "jonas");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("PUT /api/v4/posts/").size() == 1);
            FakeMattermost.Call update = mm.calls("PUT /api/v4/posts/").get(0);
            assertThat(update.path()).isEqualTo("/api/v4/posts/post1");
            assertThat(update.json().path("id").asText()).isEqualTo("post1");
            assertThat(update.json()
                            .path("props")
                            .path("attachments")
                            .get(0)
                            .path("text")
                            .asText())
                    .contains("Status: deployed")
                    .contains("Fix deployed 2026-12-07 02:17 UTC");
            assertThat(actionIds(update.json())).containsExactly("alerted", "resolved");

            // A forged click (a context whose MAC is not the log's) is refused; the real button stamps.
            ObjectNode forged = (ObjectNode) action(update.json(), "resolved").deepCopy();
            ((ObjectNode) forged.path("integration").path("context")).put("hotfix", "HOTFIX-002");
            assertThat(send(http, "interactions", click("anauser0000000000000000000", forged, "post1"), json)
                            .status())
                    .isEqualTo(401);
            // The real context, but a user id that is no Mattermost id: refused before it reaches any URL.
            JsonNode resolved = action(update.json(), "resolved");
            for (String user : List.of("a/b", "../x", "anauser0000000000000000000/../../x")) {
                assertThat(send(http, "interactions", click(user, resolved, "post1"), json)
                                .status())
                        .as(user)
                        .isEqualTo(400);
            }
            // The real context copied into another message or channel does not act: it is bound to its announcement.
            assertThat(send(http, "interactions", click("anauser0000000000000000000", resolved, "post9"), json)
                            .status())
                    .isEqualTo(403);
            ObjectNode otherChannel =
                    (ObjectNode) Json.parseObject(click("anauser0000000000000000000", resolved, "post1"));
            otherChannel.put("channel_id", "zzz16pkewjrkfj3ehep1psxyxc");
            assertThat(send(http, "interactions", Json.write(otherChannel), json)
                            .status())
                    .isEqualTo(403);
            assertThat(mm.all().stream().map(FakeMattermost.Call::path)).noneMatch(p -> p.contains(".."));
            assertThat(app.hotfixes().get(h.id()).status()).isEqualTo(Status.DEPLOYED);
            clock.advance(Duration.ofMinutes(10));
            assertThat(send(http, "interactions", click("anauser0000000000000000000", resolved, "post1"), json)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("PUT /api/v4/posts/").size() == 2);
            Hotfix done = app.hotfixes().get(h.id());
            assertThat(done.status()).isEqualTo(Status.COMPLETED);
            assertThat(done.timeline().resolvedAt()).isEqualTo(clock.instant());
            assertThat(mm.calls("PUT /api/v4/posts/")
                            .get(1)
                            .json()
                            .path("props")
                            .path("attachments")
                            .get(0)
                            .path("title")
                            .asText())
                    .isEqualTo("✅ HOTFIX COMPLETE");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("POST /api/v4/posts/ephemeral").size() == 4);
            assertThat(mm.calls("POST /api/v4/posts/ephemeral")
                            .get(3)
                            .json()
                            .path("post")
                            .path("message")
                            .asText())
                    .isEqualTo("HOTFIX-001: resolved stamped; it is completed now.");
            assertThat(app.hotfixes().history(h.id()).get(0).actor()).isEqualTo("ana@example.com via Mattermost");
            // The seed's Hotfix Complete and Stakeholder Update, in the announcement's thread.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("POST /api/v4/posts").size() >= 3);
            List<JsonNode> thread = mm.calls("POST /api/v4/posts").stream()
                    .skip(1)
                    .map(FakeMattermost.Call::json)
                    .toList();
            assertThat(thread)
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(p.path("root_id").asText()).isEqualTo("post1"));
            assertThat(thread.get(0).path("message").asText()).startsWith("✅ HOTFIX DEPLOYED ✅\nIssue: ");
            assertThat(thread.get(1).path("message").asText()).startsWith("Production Issue Resolved - ");
        }
    }

    @BothDatabases
    void requests_withABadOrMissingToken_orAStateOfSomeoneElse_areRefused_andAReplay_isNotActedOnTwice(TestDb db) {
        try (FakeMattermost mm = new FakeMattermost();
                db;
                App app = App.local(config(db, mm), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            app.accounts().create("vic@example.com", Role.RESPONDER, PASSWORD, false);
            mm.email("anauser0000000000000000000", "ana@example.com");
            mm.email("vicuser0000000000000000000", "vic@example.com");
            Http http = new Http("http://127.0.0.1:" + server.port());
            String list = command(mm, "anauser0000000000000000000", "list", "trig-list");

            Http.Response wrong = command(http, list, "not-the-token");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(command(http, list.replace(TOKEN, "not-the-token"), null).status())
                    .as("the form's token alone, and wrong")
                    .isEqualTo(401);
            assertThat(command(http, list.replace("&token=" + TOKEN, ""), null).status())
                    .as("no token at all")
                    .isEqualTo(401);
            // A workspace no entry names answers as a wrong token does: names cannot be found by asking.
            Http.Response unknown = http.post(
                    "/api/v1/chat/mattermost/other/commands",
                    list,
                    "Content-Type",
                    "application/x-www-form-urlencoded",
                    "Authorization",
                    "Token " + TOKEN);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.body().replace("mattermost/other", "mattermost/acme"))
                    .isEqualTo(wrong.body());
            assertThat(app.audit().recent(50))
                    .anyMatch(e -> e.outcome() == 401
                            && "no mattermost integration named 'other' (HOTFIX_INTEGRATIONS)".equals(e.detail()));
            assertThat(command(http, list, null).status())
                    .as("the form's token, right")
                    .isEqualTo(200);
            assertThat(command(http, list, TOKEN).status()).as("replayed").isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !mm.calls("POST /hooks/commands/trig-list").isEmpty());
            assertThat(mm.calls("POST /hooks/commands/trig-list")).hasSize(1);
            assertThat(mm.calls("POST /hooks/commands/trig-list")
                            .get(0)
                            .json()
                            .path("text")
                            .asText())
                    .isEqualTo("No active or deployed hotfixes.");

            // A dialog's state is the person's it was opened for: replayed as someone else, it proves nothing.
            assertThat(command(http, command(mm, "anauser0000000000000000000", "declare", "trig-d"), TOKEN)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("POST /api/v4/actions/dialogs/open").size() == 1);
            JsonNode dialog =
                    mm.calls("POST /api/v4/actions/dialogs/open").get(0).json().path("dialog");
            String[] json = {"Content-Type", "application/json"};
            assertThat(send(
                                    http,
                                    "interactions",
                                    submission("vicuser0000000000000000000", dialog, "yes", "no", "Mine"),
                                    json)
                            .status())
                    .isEqualTo(401);
            assertThat(send(http, "interactions", "{\"user_id\":\"anauser0000000000000000000\",\"context\":{}}", json)
                            .status())
                    .isEqualTo(401);
            assertThat(send(http, "interactions", "not json", json).status()).isEqualTo(401);
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).isEmpty();
            List<AuditEvent> audit = app.audit().recent(50);
            assertThat(audit)
                    .anyMatch(e ->
                            e.outcome() == 401 && e.action().equals("POST /api/v1/chat/mattermost/acme/interactions"));
            assertThat(audit)
                    .anyMatch(e -> e.actor().equals("ana@example.com via Mattermost")
                            && e.action().equals("Mattermost /hotfix list"));
        }
    }

    @BothDatabases
    void aViewer_isRefused_anUnlinkedPerson_isToldHowToLink_andANoHotfixDialog_storesNothing(TestDb db) {
        try (FakeMattermost mm = new FakeMattermost();
                db;
                App app = App.local(config(db, mm), clock);
                WebServer server = app.serve()) {
            app.accounts().create("vic@example.com", Role.VIEWER, PASSWORD, false);
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            mm.email("vicuser0000000000000000000", "vic@example.com");
            mm.email("anauser0000000000000000000", "ana@example.com");
            Http http = new Http("http://127.0.0.1:" + server.port());

            assertThat(command(http, command(mm, "vicuser0000000000000000000", "declare Mine", "trig-vic"), TOKEN)
                            .status())
                    .isEqualTo(200);
            assertThat(command(http, command(mm, "nobody00000000000000000000", "list", "trig-nobody"), TOKEN)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !mm.calls("POST /hooks/commands/trig-vic").isEmpty()
                            && !mm.calls("POST /hooks/commands/trig-nobody").isEmpty());
            assertThat(mm.calls("POST /hooks/commands/trig-vic")
                            .get(0)
                            .json()
                            .path("text")
                            .asText())
                    .isEqualTo("vic@example.com has the role viewer; declaring a hotfix needs responder");
            assertThat(mm.calls("POST /hooks/commands/trig-nobody")
                            .get(0)
                            .json()
                            .path("text")
                            .asText())
                    .startsWith("You are not linked to a Hotfix Log account yet.")
                    .contains("/hotfix link CODE");
            assertThat(mm.calls("POST /api/v4/actions/dialogs/open")).isEmpty();

            assertThat(command(http, command(mm, "anauser0000000000000000000", "declare", "trig-ana"), TOKEN)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mm.calls("POST /api/v4/actions/dialogs/open").size() == 1);
            JsonNode dialog =
                    mm.calls("POST /api/v4/actions/dialogs/open").get(0).json().path("dialog");
            String[] json = {"Content-Type", "application/json"};
            Http.Response normal = send(
                    http, "interactions", submission("anauser0000000000000000000", dialog, "no", null, "Typo"), json);
            assertThat(normal.status()).isEqualTo(200);
            assertThat(normal.json().path("error").asText())
                    .startsWith("Use normal process")
                    .contains("nothing was stored");
            Http.Response unanswered = send(
                    http, "interactions", submission("anauser0000000000000000000", dialog, "yes", null, "Down"), json);
            assertThat(unanswered.json().path("errors").path("wait").asText()).contains("can it wait 2–4 hours?");
            // The tree's answers are yes or no, nothing else; the record's fields are checked while the dialog
            // is open: each error is the dialog's, at its field.
            Http.Response maybe = send(
                    http,
                    "interactions",
                    submission("anauser0000000000000000000", dialog, "maybe", null, "Down"),
                    json);
            assertThat(maybe.json().path("errors").path("down").asText())
                    .contains("'maybe'")
                    .contains("yes or no");
            Http.Response untitled = send(
                    http, "interactions", submission("anauser0000000000000000000", dialog, "yes", "no", " "), json);
            assertThat(untitled.json().path("errors").path("title").asText()).isNotEmpty();
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).isEmpty();
            assertThat(mm.calls("POST /api/v4/posts")).isEmpty();
            assertThat(mm.calls("POST /api/v4/posts/ephemeral")).isEmpty();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @BothDatabases
    void aResponseUrlOutsideTheMattermostServersOrigin_isNotCalled_andTheAnswerIsPostedEphemerally(TestDb db) {
        try (FakeMattermost mm = new FakeMattermost();
                FakeMattermost elsewhere = new FakeMattermost();
                db;
                App app = App.local(config(db, mm), clock);
                WebServer server = app.serve()) {
            Http http = new Http("http://127.0.0.1:" + server.port());
            String own = enc(mm.responseUrl("trig-help"));
            String other = enc(elsewhere.responseUrl("trig-help"));

            assertThat(command(
                                    http,
                                    command(mm, "anauser0000000000000000000", "help", "trig-help")
                                            .replace(own, other),
                                    TOKEN)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !mm.calls("POST /api/v4/posts/ephemeral").isEmpty());
            JsonNode told = mm.calls("POST /api/v4/posts/ephemeral").get(0).json();
            assertThat(told.path("user_id").asText()).isEqualTo("anauser0000000000000000000");
            assertThat(told.path("post").path("channel_id").asText()).isEqualTo(CHANNEL);
            assertThat(elsewhere.calls("POST /hooks/commands/trig-help")).isEmpty();

            assertThat(command(http, command(mm, "anauser0000000000000000000", "help", "trig-help"), TOKEN)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !mm.calls("POST /hooks/commands/trig-help").isEmpty());
            assertThat(elsewhere.calls("POST /hooks/commands/trig-help")).isEmpty();

            // A command's user id is a Mattermost id too, or the command is refused before anything is called.
            assertThat(command(http, command(mm, "../x", "list", "trig-bad"), TOKEN)
                            .status())
                    .isEqualTo(400);

            // A typed title longer than the dialog's field is cut to it.
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            mm.email("anauser0000000000000000000", "ana@example.com");
            String typed = "b".repeat(250);
            assertThat(command(http, command(mm, "anauser0000000000000000000", "declare " + typed, "trig-long"), TOKEN)
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !mm.calls("POST /api/v4/actions/dialogs/open").isEmpty());
            JsonNode title = null;
            for (JsonNode e : mm.calls("POST /api/v4/actions/dialogs/open")
                    .get(0)
                    .json()
                    .path("dialog")
                    .path("elements")) {
                if (e.path("name").asText().equals("title")) {
                    title = e;
                }
            }
            assertThat(title).isNotNull();
            assertThat(title.path("max_length").asInt()).isEqualTo(200);
            assertThat(title.path("default").asText()).isEqualTo("b".repeat(200));
        }
    }
}
