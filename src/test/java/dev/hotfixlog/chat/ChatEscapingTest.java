package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.LifecycleEvent;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Texts a person typed on the web or through the API (a title, an impact, systems, a problem, an owner) and in the
 * chat (a note, a time, an id) reach the chats inert: every body the log sends to Slack or Mattermost is read, and
 * none of them holds a mention, a link or a channel reference made from those texts.
 */
class ChatEscapingTest {
    private static final String PUBLIC_URL = "https://hotfix.example.com";
    private static final String PASSWORD = "correct horse battery staple";
    /** Slack's mrkdwn: a channel ping, a masked link, a person's mention, bold. */
    private static final String SLACK_HOSTILE = "<!channel> <https://evil.example|click> <@U0BOSS> *x* &amp;";
    /** What may never reach Slack raw: each would ping, link or mention. */
    private static final List<String> SLACK_MARKUP =
            List.of("<!channel>", "<!here>", "<!everyone>", "<https://evil", "<@U0BOSS>");

    /** Mattermost's Markdown: channel-wide mentions, a Markdown link, an autolink, bold. */
    private static final String MM_HOSTILE =
            "@channel @here @all [click](https://evil.example) <https://evil.example> **x**";

    private static final Pattern MM_MENTION = Pattern.compile("(^|[^A-Za-z0-9])@(channel|here|all)\\b");
    /** An autolink whose {@code <} is not escaped. */
    private static final Pattern MM_AUTOLINK = Pattern.compile("(^|[^\\\\])<https://evil");

    private static final String MM_USER = "anauser0000000000000000000";
    private static final String MM_TOKEN = "okwexkjpe7ygb8eq1ww58t483w";
    private static final String MM_TEAM = "carya1qs77bemjup96ff538snh";
    private static final String MM_CHANNEL = "jux16pkewjrkfj3ehep1psxyxc";

    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static String planted(String hostile) {
        ObjectNode body = Json.object()
                .put("title", "Checkout " + hostile)
                .put("severity", "high")
                .put("impact", "Impact " + hostile)
                .put("problem", "Problem " + hostile)
                .put("owner", "Owner " + hostile);
        body.putArray("systemsAffected").add("systems " + hostile).add("payments");
        return Json.write(body);
    }

    @BothDatabases
    void hostileTextsFromTheWebAndTheApi_reachSlackInert_inEveryBodySent(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                RunningServer s = new RunningServer(
                        db.config(Map.of(
                                Setting.INTEGRATIONS,
                                "slack acme secret=" + SlackRequests.SECRET + " token=xoxb-17-test api=" + slack.api()
                                        + " channel=C0GENERAL",
                                Setting.PUBLIC_URL,
                                PUBLIC_URL,
                                Setting.NOTIFY_INTERVAL_MS,
                                "0")),
                        clock)) {
            s.app().accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            Http.Response made = s.http().post("/api/v1/hotfixes", planted(SLACK_HOSTILE));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            SlackRequests r = new SlackRequests(new Http(s.url()), clock, slack);

            List<String> triggers = List.of("list", "show", "note", "time", "id");
            r.send("commands", r.command("U0ANA", "list", "list"));
            r.send("commands", r.command("U0ANA", "show HOTFIX-001", "show"));
            r.send("commands", r.command("U0ANA", "note HOTFIX-001 " + SLACK_HOSTILE, "note"));
            r.send("commands", r.command("U0ANA", "deployed HOTFIX-001 " + SLACK_HOSTILE, "time"));
            r.send("commands", r.command("U0ANA", "show " + SLACK_HOSTILE, "id"));
            // Declared from Slack's own form with the same title: its answer and its announcement.
            r.send(
                    "interactions",
                    SlackRequests.submission("U0ANA", "V0HOSTILE", "yes", "no", SLACK_HOSTILE, "critical"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> triggers.stream()
                                    .allMatch(t ->
                                            !slack.calls("/hooks/commands/" + t).isEmpty())
                            && slack.calls("chat.postEphemeral").size() == 1);
            // Resolved as the web does it: the announcement's update, the Hotfix Complete, the Stakeholder Update.
            s.app()
                    .hotfixes()
                    .record(
                            HotfixId.parse("HOTFIX-001"),
                            new LifecycleEvent(LifecycleEvent.Type.RESOLVED, null, true),
                            "jonas");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> triggers.stream()
                                    .allMatch(t ->
                                            !slack.calls("/hooks/commands/" + t).isEmpty())
                            && slack.calls("chat.postEphemeral").size() == 1
                            && slack.calls("chat.postMessage").size() == 4
                            && !slack.calls("chat.update").isEmpty());
            List<String> sent = new ArrayList<>();
            for (FakeSlack.Call c : slack.all()) {
                sent.addAll(c.form().values());
                if (c.form().isEmpty()) {
                    sent.add(c.body());
                }
            }
            assertThat(sent).hasSizeGreaterThan(10);
            for (String markup : SLACK_MARKUP) {
                assertThat(sent).as(markup).noneMatch(t -> t.contains(markup));
            }
            // Shown as typed, escaped: the list, the answer to the declaration, the announcement's fallback.
            String escaped = "&lt;!channel&gt; &lt;https://evil.example|click&gt; &lt;@U0BOSS&gt; *x* &amp;amp;";
            assertThat(slack.calls("/hooks/commands/list")
                            .get(0)
                            .json(null)
                            .path("text")
                            .asText())
                    .contains(escaped);
            assertThat(slack.calls("chat.postEphemeral").get(0).form().get("text"))
                    .isEqualTo("HOTFIX-002 declared: " + escaped);
            assertThat(slack.calls("chat.postMessage").stream()
                            .map(c -> c.form().get("text")))
                    .contains("HOTFIX IN PROGRESS: HOTFIX-001 Checkout " + escaped);
        }
    }

    @BothDatabases
    void hostileTextsFromTheWebAndTheApi_reachMattermostInert_inEveryBodySent(TestDb db) {
        try (FakeMattermost mm = new FakeMattermost();
                db;
                RunningServer s = new RunningServer(
                        db.config(Map.of(
                                Setting.INTEGRATIONS,
                                "mattermost acme secret=" + MM_TOKEN + " token=bot-access-token api=" + mm.api()
                                        + " callback=https://hotfix.internal.example.com channel=" + MM_CHANNEL,
                                Setting.PUBLIC_URL,
                                PUBLIC_URL,
                                Setting.NOTIFY_INTERVAL_MS,
                                "0")),
                        clock)) {
            s.app().accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            mm.email(MM_USER, "ana@example.com");
            Http.Response made = s.http().post("/api/v1/hotfixes", planted(MM_HOSTILE));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            Http http = new Http(s.url());

            List<String> triggers = List.of("list", "show", "time", "id");
            command(http, mm, "list", "list");
            command(http, mm, "show HOTFIX-001", "show");
            command(http, mm, "deployed HOTFIX-001 " + MM_HOSTILE, "time");
            command(http, mm, "show " + MM_HOSTILE, "id");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> triggers.stream()
                            .allMatch(
                                    t -> !mm.calls("POST /hooks/commands/" + t).isEmpty()));
            s.app()
                    .hotfixes()
                    .record(
                            HotfixId.parse("HOTFIX-001"),
                            new LifecycleEvent(LifecycleEvent.Type.RESOLVED, null, true),
                            "jonas");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> triggers.stream()
                                    .allMatch(t -> !mm.calls("POST /hooks/commands/" + t)
                                            .isEmpty())
                            && mm.calls("POST /api/v4/posts").size() == 3
                            && !mm.calls("PUT /api/v4/posts/").isEmpty());
            List<String> sent = new ArrayList<>();
            for (FakeMattermost.Call c : mm.all()) {
                if (!c.body().isEmpty()) {
                    texts(c.json(), sent);
                }
            }
            assertThat(sent).hasSizeGreaterThan(10);
            assertThat(sent)
                    .noneMatch(t -> MM_MENTION.matcher(t).find())
                    .noneMatch(t -> t.contains("](https://evil"))
                    .noneMatch(t -> MM_AUTOLINK.matcher(t).find())
                    .noneMatch(t -> t.contains("**x**"));
            String post = mm.calls("POST /api/v4/posts")
                    .get(0)
                    .json()
                    .path("props")
                    .path("attachments")
                    .get(0)
                    .path("text")
                    .asText();
            assertThat(post)
                    .contains(
                            "**Issue:** Checkout @\u200Bchannel @\u200Bhere @\u200Ball \\[click\\]\\(https://evil.example\\)")
                    .contains("[HOTFIX-001](" + PUBLIC_URL + "/hotfixes/HOTFIX-001)");
        }
    }

    private static void command(Http http, FakeMattermost mm, String text, String trigger) {
        String body = "channel_id=" + MM_CHANNEL + "&channel_name=town-square&command=%2Fhotfix&response_url="
                + enc(mm.responseUrl(trigger)) + "&team_domain=test&team_id=" + MM_TEAM + "&text=" + enc(text)
                + "&token=" + MM_TOKEN + "&trigger_id=" + enc(trigger) + "&user_id=" + MM_USER
                + "&user_name=someone";
        assertThat(http.post(
                                "/api/v1/chat/mattermost/acme/commands",
                                body,
                                "Content-Type",
                                "application/x-www-form-urlencoded",
                                "Authorization",
                                "Token " + MM_TOKEN)
                        .status())
                .isEqualTo(200);
    }

    /** Every text value of a JSON document. */
    private static void texts(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.forEach(child -> texts(child, out));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
