package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RawHttp;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

/**
 * Garbage in, a clear 4xx problem out, nothing stored: every row of the table below against a real server on
 * each database. After all of them, the log is still empty and the next id is still HOTFIX-001.
 */
class BadInputTest {
    private static final String MEGABYTE = "x".repeat(1_048_576);

    /** One bad request: what is sent, and the status and field list the answer must carry. */
    record Case(
            String name, String method, String path, String body, String[] headers, int status, List<String> fields) {
        static Case post(String name, String body, int status, String... fields) {
            return new Case(name, "POST", "/api/v1/hotfixes", body, new String[0], status, List.of(fields));
        }
    }

    static List<Case> cases() {
        return List.of(
                Case.post("broken JSON", "{\"title\": \"x\", \"severity\":", 400, "body"),
                Case.post("not an object", "[1, 2, 3]", 400, "body"),
                Case.post("empty body", "", 400, "body"),
                Case.post("trailing garbage", "{\"title\":\"x\",\"severity\":\"high\"} trailing", 400, "body"),
                Case.post("duplicate key", "{\"title\":\"x\",\"title\":\"y\",\"severity\":\"high\"}", 400, "body"),
                Case.post("title is a number", "{\"title\":5,\"severity\":\"high\"}", 422, "title"),
                Case.post("unknown severity", "{\"title\":\"x\",\"severity\":\"urgent\"}", 422, "severity"),
                Case.post("empty title", "{\"title\":\"   \",\"severity\":\"high\"}", 422, "title"),
                Case.post("missing severity", "{\"title\":\"x\"}", 422, "severity"),
                Case.post(
                        "1 MB field",
                        "{\"title\":\"x\",\"severity\":\"high\",\"problem\":\"" + MEGABYTE + "\"}",
                        422,
                        "problem"),
                Case.post(
                        "title over 200 chars",
                        "{\"title\":\"" + "t".repeat(201) + "\",\"severity\":\"high\"}",
                        422,
                        "title"),
                Case.post(
                        "unknown field", "{\"title\":\"x\",\"severity\":\"high\",\"severty\":\"low\"}", 422, "severty"),
                Case.post(
                        "systems not a list",
                        "{\"title\":\"x\",\"severity\":\"high\",\"systemsAffected\":\"db\"}",
                        422,
                        "systemsAffected"),
                Case.post(
                        "system not a string",
                        "{\"title\":\"x\",\"severity\":\"high\",\"systemsAffected\":[\"db\",7]}",
                        422,
                        "systemsAffected[1]"),
                Case.post(
                        "bad time",
                        "{\"title\":\"x\",\"severity\":\"high\",\"detectedAt\":\"yesterday-ish\"}",
                        422,
                        "detectedAt"),
                Case.post("NUL character", "{\"title\":\"x\\u0000y\",\"severity\":\"high\"}", 422, "title"),
                Case.post("lone surrogate", "{\"title\":\"x\\ud800y\",\"severity\":\"high\"}", 422, "title"),
                Case.post(
                        "triage answer not boolean",
                        "{\"title\":\"x\",\"severity\":\"high\",\"triage\":{\"productionDown\":\"maybe\"}}",
                        422,
                        "triage.productionDown"),
                Case.post(
                        "unknown step",
                        "{\"title\":\"x\",\"severity\":\"high\",\"steps\":{\"pray\":{}}}",
                        422,
                        "steps.pray"),
                Case.post(
                        "read-only status",
                        "{\"title\":\"x\",\"severity\":\"high\",\"status\":\"completed\"}",
                        422,
                        "status"),
                Case.post(
                        "resolved time on create",
                        "{\"title\":\"x\",\"severity\":\"high\",\"resolvedAt\":\"2026-10-04T03:00:00Z\"}",
                        422,
                        "resolvedAt"),
                Case.post(
                        "alert before detection",
                        "{\"title\":\"x\",\"severity\":\"high\","
                                + "\"detectedAt\":\"2026-10-04T02:00:00Z\",\"alertedAt\":\"2026-10-04T01:00:00Z\"}",
                        422,
                        "alertedAt"),
                Case.post(
                        "every error at once",
                        "{\"title\":\"\",\"severity\":\"x\",\"owner\":5}",
                        422,
                        "title",
                        "owner",
                        "severity"),
                Case.post("body over the request limit", "{\"problem\":\"" + "y".repeat(3_000_000) + "\"}", 413),
                new Case("unknown id", "GET", "/api/v1/hotfixes/HOTFIX-999", null, new String[0], 404, List.of()),
                new Case("not an id", "GET", "/api/v1/hotfixes/drop-table", null, new String[0], 404, List.of()),
                new Case(
                        "patch unknown id",
                        "PATCH",
                        "/api/v1/hotfixes/HOTFIX-999",
                        "{}",
                        new String[] {"If-Match", "\"1\""},
                        404,
                        List.of()),
                new Case(
                        "event on unknown id",
                        "POST",
                        "/api/v1/hotfixes/HOTFIX-999/events",
                        "{\"type\":\"alerted\"}",
                        new String[0],
                        404,
                        List.of()),
                new Case(
                        "history of unknown id",
                        "GET",
                        "/api/v1/hotfixes/HOTFIX-999/history",
                        null,
                        new String[0],
                        404,
                        List.of()),
                new Case(
                        "limit not a number",
                        "GET",
                        "/api/v1/hotfixes?limit=ten",
                        null,
                        new String[0],
                        422,
                        List.of("limit")),
                new Case(
                        "limit too large",
                        "GET",
                        "/api/v1/hotfixes?limit=100000",
                        null,
                        new String[0],
                        422,
                        List.of("limit")),
                new Case(
                        "forged cursor",
                        "GET",
                        "/api/v1/hotfixes?cursor=abc",
                        null,
                        new String[0],
                        400,
                        List.of("cursor")),
                // Read strictly in one place (web.RequestGuard), before any route: never a 500.
                new Case(
                        "unknown charset",
                        "POST",
                        "/api/v1/hotfixes",
                        "{\"title\":\"x\",\"severity\":\"high\"}",
                        new String[] {"Content-Type", "application/json; charset=foo"},
                        415,
                        List.of()),
                new Case(
                        "Latin-1 charset",
                        "POST",
                        "/api/v1/hotfixes",
                        "{\"title\":\"x\",\"severity\":\"high\"}",
                        new String[] {"Content-Type", "application/json; charset=ISO-8859-1"},
                        415,
                        List.of()),
                new Case(
                        "text/plain body",
                        "POST",
                        "/api/v1/hotfixes",
                        "{\"title\":\"x\",\"severity\":\"high\"}",
                        new String[] {"Content-Type", "text/plain"},
                        415,
                        List.of()),
                new Case(
                        "XML body",
                        "POST",
                        "/api/v1/hotfixes",
                        "<hotfix/>",
                        new String[] {"Content-Type", "application/xml"},
                        415,
                        List.of()),
                new Case("NUL in a query", "GET", "/api/v1/search?q=pool%00x", null, new String[0], 400, List.of("q")),
                new Case(
                        "NUL in a JSON text",
                        "POST",
                        "/api/v1/tokens",
                        "{\"name\":\"ci\\u0000bot\",\"role\":\"viewer\"}",
                        new String[0],
                        422,
                        List.of("name")),
                Case.post(
                        "time beyond year 9999",
                        "{\"title\":\"x\",\"severity\":\"high\"," + "\"detectedAt\":\"+999999999-12-31T23:59:59Z\"}",
                        422,
                        "detectedAt"),
                Case.post(
                        "duration of 10^20 hours",
                        "{\"title\":\"x\",\"severity\":\"high\"," + "\"duration\":\"99999999999999999999 hours\"}",
                        422,
                        "duration"),
                new Case(
                        "dry run as 1",
                        "POST",
                        "/api/v1/import?dryRun=1",
                        "## Active Hotfixes\n",
                        new String[] {"Content-Type", "text/markdown"},
                        400,
                        List.of("dryRun")),
                new Case(
                        "a code block never closed in a section of the team's own (found by bench/fuzz.sh)",
                        "POST",
                        "/api/v1/import",
                        "## Active Hotfixes\n\n### 🚨 [HOTFIX-001] x\n**Severity:** High\n\n#### Timeline"
                                + "\n\n```\nnever closed\n",
                        new String[] {"Content-Type", "text/markdown"},
                        422,
                        List.of("line 8")),
                new Case(
                        "import of prose",
                        "POST",
                        "/api/v1/import",
                        "Just some words, no log here.",
                        new String[] {"Content-Type", "text/markdown"},
                        422,
                        List.of("page")),
                new Case(
                        "metrics from before year -9999",
                        "GET",
                        "/api/v1/metrics?from=-999999999-01-01T00:00:00Z",
                        null,
                        new String[0],
                        422,
                        List.of("from")),
                new Case(
                        "metrics to beyond year 9999",
                        "GET",
                        "/api/v1/metrics?to=%2B999999999-12-31T00:00:00Z",
                        null,
                        new String[0],
                        422,
                        List.of("to")),
                new Case(
                        "search from beyond year 9999",
                        "GET",
                        "/api/v1/search?q=x&from=%2B999999999-01-01",
                        null,
                        new String[0],
                        422,
                        List.of("from")),
                new Case(
                        "unknown status filter",
                        "GET",
                        "/api/v1/hotfixes?status=burning",
                        null,
                        new String[0],
                        422,
                        List.of("status")),
                new Case("unknown route", "GET", "/api/v1/nothing-here", null, new String[0], 404, List.of()));
    }

    @BothDatabases
    void everyBadRequest_getsItsProblem_andNothingIsStored(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            SoftAssertions soft = new SoftAssertions();
            for (Case c : cases()) {
                Http.Response r = s.http().send(c.method(), c.path(), c.body(), withJson(c.headers()));
                soft.assertThat(r.status())
                        .as(c.name() + " status; body " + abbreviate(r.body()))
                        .isEqualTo(c.status());
                soft.assertThat(r.contentType()).as(c.name() + " content type").startsWith("application/problem+json");
                if (r.contentType().startsWith("application/problem+json")) {
                    JsonNode p = r.json();
                    soft.assertThat(p.path("status").asInt())
                            .as(c.name() + " problem status")
                            .isEqualTo(c.status());
                    soft.assertThat(p.path("detail").asText())
                            .as(c.name() + " detail")
                            .isNotBlank();
                    soft.assertThat(fields(p)).as(c.name() + " fields").containsExactlyInAnyOrderElementsOf(c.fields());
                }
            }
            soft.assertAll();

            assertThat(s.http().get("/api/v1/hotfixes").json().path("items").size())
                    .isZero();
            Http.Response first = s.http().post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\"}");
            assertThat(first.json().path("id").asText()).isEqualTo("HOTFIX-001");
        }
    }

    @BothDatabases
    void badEditsAndEvents_leaveTheRecordAsItWas(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            JsonNode before = s.http()
                    .post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\"}")
                    .json();
            String path = "/api/v1/hotfixes/HOTFIX-001";

            Http.Response types = s.http().patch(path, "{\"owner\":[\"a\"],\"severity\":\"low\"}", "If-Match", "\"1\"");
            assertThat(types.status()).isEqualTo(422);
            assertThat(fields(types.json())).containsExactlyInAnyOrder("owner", "severity");
            Http.Response etag = s.http().patch(path, "{\"owner\":\"a\"}", "If-Match", "version-1");
            assertThat(etag.status()).isEqualTo(422);
            assertThat(fields(etag.json())).containsExactly("If-Match");
            Http.Response status = s.http().patch(path, "{\"status\":\"completed\"}", "If-Match", "\"1\"");
            assertThat(status.status()).isEqualTo(422);
            assertThat(status.json().path("errors").get(0).path("message").asText())
                    .isEqualTo(
                            "is read-only: it moves only through lifecycle events: POST /api/v1/hotfixes/{id}/events");
            Http.Response event = s.http().post(path + "/events", "{\"type\":\"exploded\"}");
            assertThat(event.status()).isEqualTo(422);
            assertThat(fields(event.json())).containsExactly("type");
            Http.Response early =
                    s.http().post(path + "/events", "{\"type\":\"alerted\",\"at\":\"2020-01-01T00:00:00Z\"}");
            assertThat(early.status()).isEqualTo(422);
            assertThat(fields(early.json())).containsExactly("alertedAt");

            assertThat(s.http().get(path).json()).isEqualTo(before);
            assertThat(s.http().get(path + "/history").json().path("items").size())
                    .isEqualTo(1);
        }
    }

    /** What java.net.URI refuses to send, sent as raw bytes: the server must answer, never fail. */
    @BothDatabases
    void brokenEscapesAndBadBytes_getA4xx_neverA500(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            RawHttp http = RawHttp.of(s, 10_000);
            String auth = "Authorization: Bearer " + TestDb.ADMIN_TOKEN + "\r\n";
            assertThat(http.exchange("GET /api/v1/hotfixes/HOTFIX-%u0041 HTTP/1.1\r\n" + auth, new byte[0]))
                    .startsWith("HTTP/1.1 400");
            assertThat(http.exchange("GET /hotfixes/HOTFIX-%zz HTTP/1.1\r\n" + auth, new byte[0]))
                    .startsWith("HTTP/1.1 400");
            byte[] latin1 =
                    "{\"title\":\"Caf\u00e9 down\",\"severity\":\"high\"}".getBytes(StandardCharsets.ISO_8859_1);
            String notUtf8 = http.exchange(
                    "POST /api/v1/hotfixes HTTP/1.1\r\n" + auth + "Content-Type: application/json\r\nContent-Length: "
                            + latin1.length + "\r\n",
                    latin1);
            assertThat(notUtf8).startsWith("HTTP/1.1 400").contains("is not valid UTF-8");
            byte[] untyped = "{\"title\":\"x\",\"severity\":\"high\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(http.exchange(
                            "POST /api/v1/hotfixes HTTP/1.1\r\n" + auth + "Content-Length: " + untyped.length + "\r\n",
                            untyped))
                    .as("no Content-Type at all")
                    .startsWith("HTTP/1.1 415");
            assertThat(http.exchange(
                            "POST /sign-in HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded;"
                                    + " charset=foo\r\nContent-Length: 5\r\n",
                            "a=b&c".getBytes()))
                    .startsWith("HTTP/1.1 415");
            assertThat(s.http().get("/api/v1/hotfixes").json().path("items").size())
                    .as("nothing stored")
                    .isZero();

            // A multipart body that is not one (no boundary): the upload route and a page's form both say so (the
            // fuzzer found the upload route answering 500 through its note field).
            s.http().post("/api/v1/hotfixes", "{\"title\":\"Checkout 502\",\"severity\":\"high\"}");
            byte[] dashes = "-".repeat(500).getBytes(StandardCharsets.UTF_8);
            assertThat(http.exchange(
                            "POST /api/v1/hotfixes/HOTFIX-001/attachments HTTP/1.1\r\n" + auth
                                    + "Content-Type: multipart/form-data\r\nContent-Length: " + dashes.length + "\r\n",
                            dashes))
                    .startsWith("HTTP/1.1 400")
                    .contains("\"field\":\"Content-Type\"")
                    .contains("needs a boundary");
            assertThat(http.exchange(
                            "POST /hotfixes/HOTFIX-001/events HTTP/1.1\r\n" + auth
                                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: "
                                    + dashes.length + "\r\n",
                            dashes))
                    .startsWith("HTTP/1.1 400")
                    .contains("is not a multipart form that can be read");
            assertThat(s.http()
                            .get("/api/v1/hotfixes/HOTFIX-001/attachments")
                            .json()
                            .path("items")
                            .size())
                    .isZero();

            assertThat(http.exchange("HEAD /api/v1/hotfixes HTTP/1.1\r\n" + auth, new byte[0]))
                    .as("HEAD with a token behaves as GET without a body")
                    .startsWith("HTTP/1.1 200");
            assertThat(http.exchange("HEAD /api/v1/hotfixes HTTP/1.1\r\n", new byte[0]))
                    .startsWith("HTTP/1.1 401");
            assertThat(http.exchange("HEAD /health HTTP/1.1\r\n", new byte[0])).startsWith("HTTP/1.1 200");
            Http.Response accented = s.http().get("/api/v1/hotfixes/HOTFIX-%C3%A9");
            assertThat(accented.body())
                    .as("problem documents are UTF-8")
                    .doesNotContain("?")
                    .contains("é");
            Http.Response page = s.http().get("/hotfixes/HOTFIX-999", "Accept", "text/html");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<h1>Not Found</h1>").contains("Back to the board");
        }
    }

    private static String[] withJson(String[] headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                return headers;
            }
        }
        String[] out = Arrays.copyOf(headers, headers.length + 2);
        out[headers.length] = "Content-Type";
        out[headers.length + 1] = "application/json";
        return out;
    }

    static List<String> fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.path("errors").forEach(e -> out.add(e.path("field").asText()));
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
