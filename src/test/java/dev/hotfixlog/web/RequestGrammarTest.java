package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RawHttp;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

/**
 * Every route that takes a body, as the live router lists it (the way AuthorizationMatrixTest lists them), sent
 * every malformed {@code Content-Type}, multipart body and {@code Content-Length} below: each is the 4xx of its
 * row, naming the header or the body, never a 500. And every write refuses a query parameter it does not take.
 */
class RequestGrammarTest {
    private static final String AUTH = "Authorization: Bearer " + TestDb.ADMIN_TOKEN + "\r\n";
    private static final String PART = "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n";

    /**
     * One malformed request: its Content-Type, its body, the status for a JSON (or Markdown) API route and for a
     * route that reads forms (a page, an upload), and the field a 400 names (null: none checked).
     */
    record Row(String name, String contentType, String body, int apiStatus, int formStatus, String field) {}

    static List<Row> rows() {
        return List.of(
                new Row(
                        "charset with an opening quote only",
                        "application/json; charset=\"utf-8",
                        "{}",
                        400,
                        400,
                        "Content-Type"),
                new Row(
                        "charset with a closing quote only",
                        "application/json; charset=utf-8\"",
                        "{}",
                        400,
                        400,
                        "Content-Type"),
                new Row(
                        "charset given twice",
                        "application/json; charset=utf-8; charset=utf-8",
                        "{}",
                        400,
                        400,
                        "Content-Type"),
                new Row("charset without a value", "application/json; charset=", "{}", 400, 400, "Content-Type"),
                new Row("a parameter without '='", "application/json; charset", "{}", 400, 400, "Content-Type"),
                new Row("no subtype", "application; charset=utf-8", "{}", 400, 400, "Content-Type"),
                new Row("an unknown charset", "application/json; charset=klingon-8", "{}", 415, 415, null),
                new Row(
                        "a charset Java cannot name",
                        "application/x-www-form-urlencoded; charset=\"utf 8\"",
                        "a=b",
                        415,
                        415,
                        null),
                new Row("an empty multipart body", "multipart/form-data; boundary=b", "", 400, 400, "body"),
                new Row(
                        "multipart without a boundary",
                        "multipart/form-data",
                        PART + "--b--\r\n",
                        400,
                        400,
                        "Content-Type"),
                new Row(
                        "a boundary with a quote",
                        "multipart/form-data; boundary=\"a\\\"b\"",
                        "--a\"b--\r\n",
                        400,
                        400,
                        "Content-Type"),
                new Row(
                        "multipart with another boundary",
                        "multipart/form-data; boundary=zz",
                        PART + "--b--\r\n",
                        415,
                        400,
                        "body"),
                new Row(
                        "a multipart body cut short",
                        "multipart/form-data; boundary=b",
                        PART.substring(0, 50),
                        415,
                        400,
                        "body"),
                new Row(
                        "multipart that is not multipart",
                        "multipart/form-data; boundary=b",
                        "broken",
                        415,
                        400,
                        "body"),
                new Row(
                        "a multipart part without a name",
                        "multipart/form-data; boundary=b",
                        "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n",
                        415,
                        400,
                        "body"),
                new Row(
                        "a thousand multipart parts",
                        "multipart/form-data; boundary=b",
                        PART.repeat(1_000) + "--b--\r\n",
                        415,
                        400,
                        "body"),
                new Row(
                        "a broken %-escape in a form",
                        "application/x-www-form-urlencoded", "title=%zz", 415, 400, "body"));
    }

    @BothDatabases
    void everyBodyRoute_answersMalformedHeadersAndBodiesWithTheirOwn4xx(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            RawHttp raw = RawHttp.of(s, 20_000);
            SoftAssertions soft = new SoftAssertions();
            List<String> bodyRoutes = s.server().routes().stream()
                    .filter(r -> r.startsWith("POST ") || r.startsWith("PUT ") || r.startsWith("PATCH "))
                    .toList();
            assertThat(bodyRoutes)
                    .contains(
                            "POST /sign-in",
                            "POST /hotfixes/new",
                            "POST /api/v1/import",
                            "POST /api/v1/ingest/github/{name}",
                            "POST /api/v1/hotfixes/{id}/attachments");
            for (String route : bodyRoutes) {
                String method = route.substring(0, route.indexOf(' '));
                String path = concrete(route.substring(route.indexOf(' ') + 1));
                boolean api = path.startsWith("/api/") && !path.endsWith("/attachments");
                for (Row row : rows()) {
                    byte[] body = row.body().getBytes(StandardCharsets.UTF_8);
                    String answer = raw.exchange(
                            method + " " + path + " HTTP/1.1\r\n" + AUTH + "Content-Type: " + row.contentType()
                                    + "\r\nContent-Length: " + body.length + "\r\n",
                            body);
                    // An upload takes multipart only: anything else it refuses as an API route does (415).
                    boolean upload = path.endsWith("/attachments");
                    // A chat posts forms: its URLs read a urlencoded form as the pages do (and refuse multipart).
                    boolean chat = path.startsWith("/api/v1/chat/") && !path.endsWith("/link-codes");
                    boolean chatForm = chat && row.contentType().startsWith("application/x-www-form-urlencoded");
                    int expected =
                            (api && !chatForm) || upload && !row.contentType().startsWith("multipart")
                                    ? row.apiStatus()
                                    : row.formStatus();
                    soft.assertThat(status(answer))
                            .as(route + ": " + row.name())
                            .isEqualTo(expected);
                    if (expected == 400 && row.field() != null) {
                        soft.assertThat(answer)
                                .as(route + ": " + row.name() + " names the field")
                                .contains("\"field\":\"" + row.field() + "\"");
                    }
                }
                // More than any route reads, announced and never sent: refused at once, not waited for.
                soft.assertThat(status(raw.exchange(
                                method + " " + path + " HTTP/1.1\r\n" + AUTH + "Content-Type: "
                                        + "application/json\r\nContent-Length: 10000000000\r\n",
                                new byte[0])))
                        .as(route + ": a 10 GB Content-Length")
                        .isEqualTo(413);
                soft.assertThat(status(raw.exchange(
                                method + " " + path + " HTTP/1.1\r\n" + AUTH + "Content-Type: "
                                        + "application/json\r\nContent-Length: 12abc\r\n",
                                new byte[0])))
                        .as(route + ": a Content-Length that is not a number")
                        .isEqualTo(400);
            }
            soft.assertAll();
        }
    }

    @BothDatabases
    void everyWrite_refusesAQueryParameterItDoesNotTake(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            RawHttp raw = RawHttp.of(s, 20_000);
            SoftAssertions soft = new SoftAssertions();
            for (String route : s.server().routes()) {
                String method = route.substring(0, route.indexOf(' '));
                if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
                    continue;
                }
                String path = concrete(route.substring(route.indexOf(' ') + 1));
                String answer = raw.exchange(
                        method + " " + path + "?dry_run=true HTTP/1.1\r\n" + AUTH
                                + "Content-Type: application/json\r\nContent-Length: 2\r\n",
                        "{}".getBytes(StandardCharsets.UTF_8));
                soft.assertThat(status(answer)).as(route).isEqualTo(400);
                soft.assertThat(answer).as(route).contains("\"field\":\"dry_run\"");
            }
            soft.assertAll();
            // A read ignores what it does not know (a page's links add their own), but not a misspelt flag.
            assertThat(s.http().get("/api/v1/hotfixes?utm_source=mail").status())
                    .isEqualTo(200);
            assertThat(s.http().get("/api/v1/followups?Overdue=true").body())
                    .contains("\"field\":\"Overdue\",\"message\":\"is not a parameter here; did you mean overdue?\"");
        }
    }

    @BothDatabases
    void aContentTypeInUpperCaseWithAQuotedCharset_isReadAsUtf8OnBodyAndQuery(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            var made = s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Caf\u00e9 down\",\"severity\":\"high\"}",
                            "Content-Type",
                            "Application/JSON ; Charset=\"UTF-8\"");
            assertThat(made.status()).isEqualTo(201);
            assertThat(made.json().path("title").asText()).isEqualTo("Caf\u00e9 down");
            // Javalin reads the charset again for every query parameter: a read with a query is safe too.
            assertThat(s.http()
                            .get("/api/v1/hotfixes?limit=5", "Content-Type", "application/json; charset=\"utf-8\"")
                            .status())
                    .isEqualTo(200);
            assertThat(s.http()
                            .get("/api/v1/hotfixes?limit=5", "Content-Type", "application/json; charset")
                            .body())
                    .contains("\"field\":\"Content-Type\"");
        }
    }

    /** A route's template with its parameters filled in; the guard answers before any of them is looked up. */
    static String concrete(String template) {
        return template.replace("{id}", "HOTFIX-001")
                .replace("{section}", "summary")
                .replace("{kind}", "stakeholder")
                .replace("{name}", "x")
                .replace("{aid}", "1")
                .replace("{role}", "cause")
                .replace("{sha256}", "0".repeat(64));
    }

    static int status(String answer) {
        return answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : 0;
    }
}
