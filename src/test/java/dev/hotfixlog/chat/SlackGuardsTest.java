package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What Slack's requests cannot do: guess link codes without bound, lose a declare form's input to an error, or
 * make Slack's certificate check ({@code ssl_check}) into anything but an empty 200.
 */
class SlackGuardsTest {
    private static final String PASSWORD = "correct horse battery staple";
    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static Config config(TestDb db, FakeSlack slack, String extra) {
        return db.config(Map.of(
                Setting.INTEGRATIONS,
                "slack acme secret=" + SlackRequests.SECRET + " token=xoxb-17-test api=" + slack.api() + extra,
                Setting.NOTIFY_INTERVAL_MS,
                "0"));
    }

    private String answer(FakeSlack slack, SlackRequests s, String user, String text, String trigger) {
        assertThat(s.send("commands", s.command(user, text, trigger)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !slack.calls("/hooks/commands/" + trigger).isEmpty());
        return slack.calls("/hooks/commands/" + trigger)
                .get(0)
                .json(null)
                .path("text")
                .asText();
    }

    @BothDatabases
    void linkCodes_areLong_fewAliveAtOnce_andGuessingThemIsBoundedPerChatUser(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack, ""), clock);
                WebServer server = app.serve()) {
            String url = "http://127.0.0.1:" + server.port();
            app.accounts().create("lee", Role.RESPONDER, PASSWORD, false);
            SlackRequests s = new SlackRequests(new Http(url), clock, slack);
            Browser web = new Browser(url);
            String csrf = web.get("/sign-in").csrf();
            web.postForm("/sign-in", Map.of("_csrf", csrf, "username", "lee", "password", PASSWORD, "next", "/"));
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Browser.Page code = web.postJson(
                        "/api/v1/chat/link-codes",
                        "",
                        "X-CSRF-Token",
                        web.get("/").csrf());
                assertThat(code.status()).as(code.body()).isEqualTo(201);
                codes.add(Json.parseObject(code.body()).path("code").asText());
                clock.advance(Duration.ofSeconds(1));
            }
            // Twelve letters of 32: 60 bits.
            assertThat(codes).allMatch(c -> c.matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"));
            // At most three live codes per account: asking for a fourth dropped the oldest.
            assertThat(answer(slack, s, "U0LEE", "link " + codes.get(0), "old"))
                    .startsWith("That code is unknown, used or expired.");

            // Five wrong codes from one chat user: the sixth try is refused whatever it is, and audited.
            for (int i = 0; i < 4; i++) {
                assertThat(answer(slack, s, "U0EVE", "link AAAA-AAAA-AAA" + (i + 2), "guess-" + i))
                        .startsWith("That code is unknown, used or expired.");
            }
            assertThat(answer(slack, s, "U0EVE", "link " + codes.get(0), "guess-4"))
                    .startsWith("That code is unknown, used or expired.");
            assertThat(answer(slack, s, "U0EVE", "link " + codes.get(3), "guess-5"))
                    .startsWith("Too many wrong codes");
            assertThat(app.audit().recent(50))
                    .anyMatch(e -> e.outcome() == 429
                            && e.actor().equals("U0EVE via Slack")
                            && "too many wrong link codes".equals(e.detail()));
            // Another person of the workspace is not held back by it: lee's first wrong try was one of one.
            assertThat(answer(slack, s, "U0LEE", "link " + codes.get(3), "lee"))
                    .isEqualTo("Linked: here you act as lee.");
            // Ten minutes later the person may try again.
            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            Browser.Page fresh = web.postJson(
                    "/api/v1/chat/link-codes", "", "X-CSRF-Token", web.get("/").csrf());
            assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
            assertThat(answer(
                            slack,
                            s,
                            "U0EVE",
                            "link "
                                    + Json.parseObject(fresh.body())
                                            .path("code")
                                            .asText(),
                            "later"))
                    .isEqualTo("Linked: here you act as lee.");
        }
    }

    @BothDatabases
    void aDeclareFormWithFieldsToFix_staysOpenWithAnErrorAtEachField_andNothingIsStoredOrSaid(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack, " declare-in=C0INCIDENTS,C0SRE"), clock);
                WebServer server = app.serve()) {
            app.accounts().create("ana@example.com", Role.RESPONDER, PASSWORD, false);
            slack.email("U0ANA", "ana@example.com");
            SlackRequests s = new SlackRequests(new Http("http://127.0.0.1:" + server.port()), clock, slack);

            JsonNode maybe = errors(
                    s.send("interactions", SlackRequests.submission("U0ANA", "V0A", "maybe", null, "Down", "high")));
            assertThat(maybe.path("down").asText()).contains("'maybe'").contains("yes or no");
            JsonNode perhaps = errors(
                    s.send("interactions", SlackRequests.submission("U0ANA", "V0B", "yes", "perhaps", "Down", "high")));
            assertThat(perhaps.path("wait").asText()).contains("'perhaps'");
            assertThat(perhaps.has("down")).isFalse();

            JsonNode fields = errors(
                    s.send("interactions", SlackRequests.submission("U0ANA", "V0C", "yes", "no", " ", "catastrophic")));
            assertThat(fields.path("title").asText()).isNotEmpty();
            assertThat(fields.path("severity").asText()).contains("catastrophic");

            String many = IntStream.range(0, 101).mapToObj(i -> "svc" + i).collect(Collectors.joining(", "));
            JsonNode systems = errors(s.send(
                    "interactions",
                    withSystems(SlackRequests.submission("U0ANA", "V0D", "yes", "no", "Down", "high"), many)));
            assertThat(systems.path("systems").asText()).contains("at most 100 systems");

            // A form that names a channel the entry leaves out (opened before declare-in= changed).
            JsonNode channel = errors(s.send(
                    "interactions",
                    SlackRequests.submission("U0ANA", "V0E", "yes", "no", "Down", "high")
                            .replace(SlackRequests.CHANNEL, "C0RANDOM")));
            assertThat(channel.path("title").asText()).startsWith("Hotfixes are declared in C0INCIDENTS, C0SRE");

            // Slack's own unanswered radio buttons: the error is at the question left open, not the next one.
            JsonNode undecided = errors(s.send(
                    "interactions",
                    edited(
                            SlackRequests.submission("U0ANA", "V0F", "yes", "yes", "Down", "high"),
                            "\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"Yes\"},\"value\":\"yes\"}",
                            "\"selected_option\":null")));
            assertThat(undecided.path("down").asText()).contains("Answer yes or no");
            assertThat(undecided.has("wait")).isFalse();

            // A control character in a text is the form's own error at its field, never an HTTP refusal.
            for (String control : List.of("\\u0000", "\\u0007")) {
                JsonNode title = errors(s.send(
                        "interactions",
                        edited(
                                SlackRequests.submission("U0ANA", "V0G", "yes", "no", "Down", "high"),
                                "\"value\":\"Down\"",
                                "\"value\":\"Do" + control + "wn\"")));
                assertThat(title.path("title").asText()).as(control).contains("control character");
            }

            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).isEmpty();
            assertThat(slack.all()).as("every error was the form's own answer").isEmpty();

            // Fixed, the same form (the same view) declares.
            assertThat(s.send("interactions", SlackRequests.submission("U0ANA", "V0A", "yes", "no", "Down", "high"))
                            .body())
                    .isEmpty();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !app.hotfixes()
                            .list(HotfixQuery.firstPage())
                            .items()
                            .isEmpty());
        }
    }

    @BothDatabases
    void slacksSslCheck_isAnEmpty200_actingOnNothing(TestDb db) {
        try (FakeSlack slack = new FakeSlack();
                db;
                App app = App.local(config(db, slack, ""), clock);
                WebServer server = app.serve()) {
            Http http = new Http("http://127.0.0.1:" + server.port());
            String check = "ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO";
            for (String path : List.of("/api/v1/chat/slack/acme/commands", "/api/v1/chat/slack/other/commands")) {
                Http.Response r = http.post(path, check, "Content-Type", "application/x-www-form-urlencoded");
                assertThat(r.status()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).isEmpty();
            }
            // Anything more than the check is a request like any other: unsigned, refused.
            assertThat(http.post(
                                    "/api/v1/chat/slack/acme/commands",
                                    check + "&command=%2Fhotfix&text=list",
                                    "Content-Type",
                                    "application/x-www-form-urlencoded")
                            .status())
                    .isEqualTo(401);
            assertThat(slack.all()).isEmpty();
        }
    }

    private static JsonNode errors(Http.Response r) {
        assertThat(r.status()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("response_action").asText()).as(r.body()).isEqualTo("errors");
        return answer.path("errors");
    }

    private static String edited(String submission, String from, String to) {
        String json = URLDecoder.decode(submission.substring("payload=".length()), StandardCharsets.UTF_8);
        assertThat(json).contains(from);
        return SlackRequests.interaction(json.replace(from, to));
    }

    private static String withSystems(String submission, String systems) {
        String json = URLDecoder.decode(submission.substring("payload=".length()), StandardCharsets.UTF_8);
        return SlackRequests.interaction(json.replace("checkout, payments", systems));
    }
}
