package dev.hotfixlog.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Triage;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import dev.hotfixlog.web.WebServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The log driven from Microsoft Teams' outgoing webhook, end to end: message Activities as Teams posts them
 * ({@code @Hotfix …}), signed as Teams signs them ({@code Authorization: HMAC <base64>}, keyed with the
 * base64-decoded security token), each answered in its own response.
 */
class TeamsChatTest {
    private static final String PASSWORD = "correct horse battery staple";
    /** A security token as Teams shows it when the outgoing webhook is made: base64. */
    private static final String SECRET = "Zm9yLXRoZS10ZWFtcy1vdXRnb2luZy13ZWJob29rLXRlc3Q=";

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String CONVERSATION =
            "19:253b1f341670408fb6fe51050b6e5ceb@thread.skype;messageid=1485983408511";

    private final MutableClock clock = MutableClock.at("2026-12-07T02:17:00Z");

    private static Config config(TestDb db) {
        return db.config(Map.of(Setting.INTEGRATIONS, "teams ops secret=" + SECRET, Setting.NOTIFY_INTERVAL_MS, "0"));
    }

    /** A message Activity as Teams' outgoing webhook posts it (the shape of Microsoft's documentation). */
    private static String activity(String id, String user, String text) {
        ObjectNode a = Json.object()
                .put("type", "message")
                .put("id", id)
                .put("timestamp", "2026-12-07T02:17:00.437Z")
                .put("localTimestamp", "2026-12-07T03:17:00.437+01:00")
                .put("serviceUrl", "https://smba.trafficmanager.net/amer-client-ss.msg/")
                .put("channelId", "msteams");
        a.putObject("from")
                .put("id", "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw")
                .put("name", "Someone")
                .put("aadObjectId", user);
        a.putObject("conversation")
                .put("isGroup", true)
                .put("id", CONVERSATION)
                .put("conversationType", "channel")
                .put("tenantId", TENANT);
        a.put("textFormat", "plain").put("locale", "en-US");
        a.put("text", "<at>Hotfix</at>&nbsp;" + text);
        a.putArray("attachments")
                .addObject()
                .put("contentType", "text/html")
                .put(
                        "content",
                        "<div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">Hotfix</span> "
                                + text + "</div>");
        a.putArray("entities").addObject().put("type", "clientInfo").put("locale", "en-US");
        ObjectNode data = a.putObject("channelData");
        data.put("teamsChannelId", "19:253b1f341670408fb6fe51050b6e5ceb@thread.skype")
                .put("teamsTeamId", "19:712c61d0ef384e5fa681ba90ef943398@thread.skype");
        data.putObject("tenant").put("id", TENANT);
        return Json.write(a);
    }

    private static String hmac(String base64Key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Http.Response send(Http http, String body) {
        return http.post(
                "/api/v1/chat/teams/ops/commands",
                body,
                "Content-Type",
                "application/json",
                "Authorization",
                "HMAC " + hmac(SECRET, body));
    }

    private static String said(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("type").asText()).isEqualTo("message");
        return r.json().path("text").asText();
    }

    /** Signed in on the web, the account asks for a one-time code, typed in Teams as {@code @Hotfix link CODE}. */
    private static String linkCode(String url, String username) {
        Browser web = new Browser(url);
        String csrf = web.get("/sign-in").csrf();
        web.postForm("/sign-in", Map.of("_csrf", csrf, "username", username, "password", PASSWORD, "next", "/"));
        Browser.Page code = web.postJson(
                "/api/v1/chat/link-codes", "", "X-CSRF-Token", web.get("/").csrf());
        assertThat(code.status()).as(code.body()).isEqualTo(201);
        return Json.parseObject(code.body()).path("code").asText();
    }

    @BothDatabases
    void aOneLineDeclarationFromTeams_storesOneHotfix_andEveryCommandIsAnsweredInItsOwnResponse(TestDb db) {
        try (db;
                App app = App.local(config(db), clock);
                WebServer server = app.serve()) {
            String url = "http://127.0.0.1:" + server.port();
            app.accounts().create("ana", Role.RESPONDER, PASSWORD, false);
            Http http = new Http(url);

            assertThat(said(send(http, activity("1001", "aad-ana", "list"))))
                    .startsWith("You are not linked to a Hotfix Log account yet.")
                    .contains("@Hotfix link CODE")
                    .as("an outgoing webhook names no e-mail address: nothing links by itself")
                    .doesNotContain("e-mail");
            assertThat(said(send(http, activity("1002", "aad-ana", "link " + linkCode(url, "ana")))))
                    .isEqualTo("Linked: here you act as ana.");

            String declare = activity(
                    "1003",
                    "aad-ana",
                    "declare critical &quot;Checkout is down&quot; down=yes wait=no systems=checkout,payments "
                            + "— Card payments time out");
            assertThat(said(send(http, declare))).isEqualTo("HOTFIX-001 declared: Checkout is down");
            assertThat(said(send(http, declare)))
                    .as("sent again as it was: not acted on, and said so")
                    .startsWith("Already done: ");
            String resent = declare.replace("03:17:00.437", "03:17:01.000");
            assertThat(said(send(http, resent)))
                    .as("the same message, sent again with another delivery's fields")
                    .isEqualTo("HOTFIX-001 declared: Checkout is down");
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).hasSize(1);
            Hotfix h = app.hotfixes().get(HotfixId.parse("HOTFIX-001"));
            assertThat(h.title()).isEqualTo("Checkout is down");
            assertThat(h.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(h.systemsAffected()).containsExactly("checkout", "payments");
            assertThat(h.text("problem")).isEqualTo("Card payments time out");
            assertThat(h.owner()).isEqualTo("ana");
            assertThat(h.triage().outcome()).isEqualTo(Triage.Outcome.HOTFIX);
            assertThat(app.hotfixes().history(h.id()).get(0).actor()).isEqualTo("ana via Teams");

            assertThat(said(send(http, activity("1004", "aad-ana", "deployed HOTFIX-001"))))
                    .isEqualTo("HOTFIX-001: fix deployed stamped; it is deployed now.");
            assertThat(said(send(http, activity("1005", "aad-ana", "resolved HOTFIX-001"))))
                    .isEqualTo("HOTFIX-001: resolved stamped; it is completed now.");
            assertThat(app.hotfixes().get(h.id()).status()).isEqualTo(Status.COMPLETED);
            assertThat(said(send(http, activity("1006", "aad-ana", "declare Checkout is down"))))
                    .as("no quoted title: the one-line grammar is the answer")
                    .contains("down=yes|no");
            assertThat(said(send(http, activity("1007", "aad-ana", "declare high \"Typo\" down=no"))))
                    .startsWith("Use normal process")
                    .contains("nothing was stored");
            assertThat(said(send(http, activity("1008", "aad-ana", "declare high \"Down\" down=yes"))))
                    .startsWith("Nothing was declared: wait: Production is down: can it wait 2–4 hours?");
            assertThat(said(send(http, activity("1009", "aad-ana", "declare high \"Down\" down=maybe wait=no"))))
                    .as("the tree's answers are yes or no, nothing else")
                    .startsWith("Nothing was declared: down: is 'maybe'; answer yes or no.");
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).hasSize(1);
            assertThat(said(send(http, activity("1090", "aad-ana", "help"))))
                    .contains("`@Hotfix declare [title]`")
                    .doesNotContain("/hotfix");
            // Every severity the grammar names is one a declaration takes.
            String grammar = said(send(http, activity("1091", "aad-ana", "declare")));
            int from = grammar.indexOf("@Hotfix declare ") + "@Hotfix declare ".length();
            List<String> named =
                    List.of(grammar.substring(from, grammar.indexOf(' ', from)).split("\\|"));
            assertThat(named)
                    .containsExactlyElementsOf(
                            Severity.stated().stream().map(Severity::json).toList());
            for (int i = 0; i < named.size(); i++) {
                String severity = named.get(i);
                assertThat(said(send(
                                http,
                                activity(
                                        "110" + i,
                                        "aad-ana",
                                        "declare " + severity + " &quot;Grammar " + severity
                                                + "&quot; down=yes wait=no"))))
                        .as(severity)
                        .isEqualTo("HOTFIX-00" + (i + 2) + " declared: Grammar " + severity);
            }

            // A stamp in the future is refused, naming the time, and blocks nothing; a clock time is the last such
            // time in UTC (the clock is at 2026-12-07 02:17 UTC).
            assertThat(said(send(http, activity("1201", "aad-ana", "deployed HOTFIX-002 2030-01-01T00:00:00Z"))))
                    .contains("2030-01-01 00:00 UTC")
                    .contains("ahead of the server's clock");
            assertThat(said(send(http, activity("1202", "aad-ana", "deployed HOTFIX-002 2026-12-07T02:21:00Z"))))
                    .as("within five minutes of the server's clock: a clock a little behind the person's")
                    .isEqualTo("HOTFIX-002: fix deployed stamped at 2026-12-07 02:21 UTC; it is deployed now.");
            assertThat(said(send(http, activity("1203", "aad-ana", "deployed HOTFIX-003 2:17"))))
                    .isEqualTo("HOTFIX-003: fix deployed stamped at 2026-12-07 02:17 UTC; it is deployed now.");
            assertThat(said(send(http, activity("1204", "aad-ana", "resolved HOTFIX-003 02:17"))))
                    .isEqualTo("HOTFIX-003: resolved stamped at 2026-12-07 02:17 UTC; it is completed now.");
            assertThat(said(send(http, activity("1206", "aad-ana", "deployed HOTFIX-004 23:59"))))
                    .as("a clock time later than the server's is yesterday's")
                    .contains("2026-12-06T23:59:00Z");
            assertThat(said(send(http, activity("1205", "aad-ana", "help")))).contains("02:17 UTC");
            assertThat(app.audit().recent(50))
                    .anyMatch(
                            e -> e.actor().equals("ana via Teams") && e.action().equals("Teams /hotfix deployed"));
        }
    }

    /** A title or a note's markup shows as typed in Teams: no link, tag or emphasis made from a person's words. */
    @BothDatabases
    void hostileMarkupInATitle_isAnsweredInert(TestDb db) {
        try (db;
                App app = App.local(config(db), clock);
                WebServer server = app.serve()) {
            String url = "http://127.0.0.1:" + server.port();
            app.accounts().create("ana", Role.RESPONDER, PASSWORD, false);
            Http http = new Http(url);
            said(send(http, activity("3001", "aad-ana", "link " + linkCode(url, "ana"))));
            String hostile = "[click](https://evil.example) **now** &lt;a href=x&gt;y&lt;/a&gt;";

            String declared = said(send(
                    http,
                    activity("3002", "aad-ana", "declare critical &quot;Down " + hostile + "&quot; down=yes wait=no")));
            String shown = said(send(http, activity("3003", "aad-ana", "show HOTFIX-001")));

            assertThat(app.hotfixes().get(HotfixId.parse("HOTFIX-001")).title())
                    .as("stored as typed")
                    .isEqualTo("Down [click](https://evil.example) **now** <a href=x>y</a>");
            for (String answer : List.of(declared, shown)) {
                assertThat(answer)
                        .contains("\\[click\\]\\(https://evil.example\\)")
                        .contains("\\*\\*now\\*\\*")
                        .contains("&lt;a href=x&gt;")
                        .doesNotContain("[click](")
                        .doesNotContain("<a href");
            }
        }
    }

    @BothDatabases
    void activities_withABadMissingOrStaleSignature_areRefused_andAViewer_cannotDeclare(TestDb db) {
        try (db;
                App app = App.local(config(db), clock);
                WebServer server = app.serve()) {
            String url = "http://127.0.0.1:" + server.port();
            app.accounts().create("vic", Role.VIEWER, PASSWORD, false);
            Http http = new Http(url);
            String body = activity("2001", "aad-vic", "declare critical \"Mine\" down=yes wait=no");

            String other =
                    Base64.getEncoder().encodeToString("another webhook's token".getBytes(StandardCharsets.UTF_8));
            assertThat(http.post(
                                    "/api/v1/chat/teams/ops/commands",
                                    body,
                                    "Content-Type",
                                    "application/json",
                                    "Authorization",
                                    "HMAC " + hmac(other, body))
                            .status())
                    .as("signed with another key")
                    .isEqualTo(401);
            assertThat(http.post("/api/v1/chat/teams/ops/commands", body, "Content-Type", "application/json")
                            .status())
                    .as("not signed")
                    .isEqualTo(401);
            assertThat(http.post(
                                    "/api/v1/chat/teams/ops/commands",
                                    body.replace("Mine", "Theirs"),
                                    "Content-Type",
                                    "application/json",
                                    "Authorization",
                                    "HMAC " + hmac(SECRET, body))
                            .status())
                    .as("a body that is not the one signed")
                    .isEqualTo(401);
            assertThat(http.post(
                                    "/api/v1/chat/teams/ops/commands",
                                    body,
                                    "Content-Type",
                                    "application/json",
                                    "Authorization",
                                    "Bearer " + SECRET)
                            .status())
                    .isEqualTo(401);
            // A team no entry names answers as a wrong signature does: names cannot be found by asking.
            Http.Response wrong = http.post(
                    "/api/v1/chat/teams/ops/commands",
                    body,
                    "Content-Type",
                    "application/json",
                    "Authorization",
                    "HMAC " + hmac(other, body));
            Http.Response unknown = http.post(
                    "/api/v1/chat/teams/elsewhere/commands",
                    body,
                    "Content-Type",
                    "application/json",
                    "Authorization",
                    "HMAC " + hmac(SECRET, body));
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.body().replace("teams/elsewhere", "teams/ops")).isEqualTo(wrong.body());
            assertThat(app.audit().recent(50))
                    .anyMatch(e -> e.outcome() == 401
                            && "no teams integration named 'elsewhere' (HOTFIX_INTEGRATIONS)".equals(e.detail()));
            String stale = body.replace("2026-12-07T02:17:00.437Z", "2026-12-07T02:11:00.437Z");
            assertThat(send(http, stale).status())
                    .as("signed right, but its Activity's timestamp is six minutes old: a replay")
                    .isEqualTo(401);
            assertThat(send(http, body.replace("2026-12-07T02:17:00.437Z", "2026-12-07T02:23:00.437Z"))
                            .status())
                    .as("six minutes ahead")
                    .isEqualTo(401);
            assertThat(send(http, body.replace("\"timestamp\":\"2026-12-07T02:17:00.437Z\",", ""))
                            .status())
                    .as("no timestamp at all")
                    .isEqualTo(401);
            assertThat(app.audit().recent(50))
                    .anyMatch(e -> e.outcome() == 401 && e.action().equals("POST /api/v1/chat/teams/ops/commands"))
                    .anyMatch(e -> e.outcome() == 401
                            && e.detail() != null
                            && e.detail().startsWith("signed timestamp is 360 s from now"));

            said(send(http, activity("2002", "aad-vic", "link " + linkCode(url, "vic"))));
            assertThat(said(send(http, body)))
                    .isEqualTo("Nothing was declared: vic has the role viewer; declaring a hotfix needs responder");
            assertThat(said(send(http, body))).as("replayed").startsWith("Already done: ");
            assertThat(app.hotfixes().list(HotfixQuery.firstPage()).items()).isEmpty();
        }
    }
}
