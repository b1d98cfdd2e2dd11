package dev.hotfixlog.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.incoming.IncomingReplayTest;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every way a time comes in over HTTP reads it with the one reader ({@link TimeText}), on both databases: an
 * alert's startsAt and endsAt, a GitHub deploy's created_at and a record's times beyond the years -9999..9999 are a
 * 422 naming the field (not a 500 from an overflow, not a 200 that stores them); the web's declare form takes
 * "10 min ago" as the CLI does.
 */
class TimeInputsTest {
    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");
    private static final String INTEGRATIONS = IncomingReplayTest.INTEGRATIONS + "\ngithub gh secret=gh-secret";
    private static final List<String> BEYOND = List.of(
            "+999999999-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z",
            "-10000-01-01T00:00:00Z",
            "-10000-06-01T00:00:00Z",
            "+10000-06-01T00:00:00Z",
            "+292278994-08-17T07:12:55.808Z");

    @BothDatabases
    void alertTimesBeyondTheYears_are422NamingTheField(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.INTEGRATIONS, INTEGRATIONS)), new MutableClock(T0))) {
            Http am = s.anonymous();
            List<String> answers = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (String at : BEYOND) {
                var starts = IncomingReplayTest.alert("fp-" + at, "firing", T0, null, "payments");
                starts.put("startsAt", at);
                Http.Response r = am.post(
                        "/api/v1/ingest/alertmanager/prod",
                        IncomingReplayTest.am("{}:{a=\"" + at + "\"}", "firing", starts),
                        "Authorization",
                        "Bearer am-secret-1");
                answers.add(at + " startsAt -> " + r.status() + " " + fields(r));
                expected.add(at + " startsAt -> 422 [alerts[0].startsAt]");
                var ends = IncomingReplayTest.alert("fp-end-" + at, "resolved", T0, null, "payments");
                ends.put("endsAt", at);
                r = am.post(
                        "/api/v1/ingest/alertmanager/prod",
                        IncomingReplayTest.am("{}:{b=\"" + at + "\"}", "resolved", ends),
                        "Authorization",
                        "Bearer am-secret-1");
                answers.add(at + " endsAt -> " + r.status() + " " + fields(r));
                expected.add(at + " endsAt -> 422 [alerts[0].endsAt]");
            }
            assertThat(answers).containsExactlyElementsOf(expected);
            assertThat(s.http().get("/api/v1/incoming?state=all").json().path("items"))
                    .isEmpty();
        }
    }

    @BothDatabases
    void recordAndDeployTimesBeyondTheYears_are422NamingTheField(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.INTEGRATIONS, INTEGRATIONS)), new MutableClock(T0))) {
            Http api = s.http();
            assertThat(api.post("/api/v1/hotfixes", "{\"title\":\"t\",\"severity\":\"high\"}")
                            .status())
                    .isEqualTo(201);
            List<String> answers = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            int delivery = 0;
            for (String at : BEYOND) {
                Http.Response r = api.post(
                        "/api/v1/hotfixes",
                        "{\"title\":\"t\",\"severity\":\"high\"," + "\"detectedAt\":\"" + at + "\"}");
                answers.add(at + " declare -> " + r.status() + " " + fields(r));
                expected.add(at + " declare -> 422 [detectedAt]");
                r = api.patch("/api/v1/hotfixes/HOTFIX-001", "{\"resolvedAt\":\"" + at + "\"}", "If-Match", "\"1\"");
                answers.add(at + " edit -> " + r.status() + " " + fields(r));
                expected.add(at + " edit -> 422 [resolvedAt]");
                r = api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"alerted\",\"at\":\"" + at + "\"}");
                answers.add(at + " event -> " + r.status() + " " + fields(r));
                expected.add(at + " event -> 422 [at]");
                r = api.post("/api/v1/deploys", "{\"system\":\"payments\",\"version\":\"1\",\"at\":\"" + at + "\"}");
                answers.add(at + " deploy -> " + r.status() + " " + fields(r));
                expected.add(at + " deploy -> 422 [at]");
                String body = github(at);
                r = s.anonymous()
                        .post(
                                "/api/v1/ingest/github/gh",
                                body,
                                "X-GitHub-Event",
                                "deployment_status",
                                "X-GitHub-Delivery",
                                "d-" + delivery++,
                                "X-Hub-Signature-256",
                                "sha256=" + Integrations.hmacHex("gh-secret", body.getBytes(StandardCharsets.UTF_8)));
                answers.add(at + " github -> " + r.status() + " " + fields(r));
                expected.add(at + " github -> 422 [deployment_status.created_at]");
            }
            assertThat(answers).containsExactlyElementsOf(expected);
            assertThat(api.get("/api/v1/deploys").json().path("items")).isEmpty();
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("version")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    @BothDatabases
    void theDeclareForm_takesTenMinutesAgoAsTheCliDoes(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), new MutableClock(T0))) {
            s.app().accounts().create("ana", Role.RESPONDER, "correct horse battery", false);
            Browser b = new Browser(s.url());
            b.postForm(
                    "/sign-in",
                    Map.of("_csrf", b.get("/sign-in").csrf(), "username", "ana", "password", "correct horse battery"));
            String csrf = b.get("/hotfixes/new").csrf();
            Browser.Page declared = b.postForm(
                    "/hotfixes/new",
                    Map.of(
                            "_csrf",
                            csrf,
                            "key",
                            "k-1",
                            "down",
                            "yes",
                            "wait",
                            "no",
                            "title",
                            "Checkout down",
                            "severity",
                            "critical",
                            "detectedAt",
                            "10 min ago"));
            assertThat(declared.status()).as(declared.body()).isEqualTo(303);
            assertThat(declared.location()).isEqualTo("/hotfixes/HOTFIX-001");
            JsonNode h = s.http().get("/api/v1/hotfixes/HOTFIX-001").json();
            assertThat(h.path("detectedAt").asText()).isEqualTo("2026-12-03T02:50:00Z");
        }
    }

    private static String fields(Http.Response r) {
        List<String> names = new ArrayList<>();
        if (r.body() != null && r.body().startsWith("{")) {
            r.json().path("errors").forEach(e -> names.add(e.path("field").asText()));
        }
        return names.toString();
    }

    private static String github(String at) {
        return """
                {"action":"created",
                 "deployment_status":{"id":1,"state":"success","environment":"production","created_at":"%s"},
                 "deployment":{"id":7,"sha":"4f2a9c81d3e07b55a1c2","ref":"main","environment":"production",
                   "payload":{},"created_at":"%s"},
                 "repository":{"name":"payments","full_name":"acme/payments"}}""".formatted(at, at);
    }
}
