package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The REST API's round trips, on a real server over each database. */
class HotfixApiTest {
    private static final String CHECKOUT = """
            {"title":"Checkout returns 502 after payment provider TLS rotation","severity":"critical",
             "owner":"Priya Raman","problem":"Every card payment failed with 502 at the gateway",
             "impact":"All checkouts in EU and US","whyEmergency":"Production checkout was down",
             "systemsAffected":["payments-gateway","feature flag payments.pinning"],
             "triage":{"productionDown":true,"canWait":false}}""";

    @BothDatabases
    void create_returns201WithLocationEtagAndTheWholeRecord(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            Http.Response r = s.http().post("/api/v1/hotfixes", CHECKOUT);

            assertThat(r.status()).isEqualTo(201);
            assertThat(r.location()).isEqualTo("/api/v1/hotfixes/HOTFIX-001");
            assertThat(r.etag()).isEqualTo("\"1\"");
            JsonNode h = r.json();
            assertThat(h.path("id").asText()).isEqualTo("HOTFIX-001");
            assertThat(h.path("severity").asText()).isEqualTo("critical");
            assertThat(h.path("status").asText()).isEqualTo("active");
            assertThat(h.path("owner").asText()).isEqualTo("Priya Raman");
            assertThat(h.path("systemsAffected").toString())
                    .isEqualTo("[\"payments-gateway\",\"feature flag payments.pinning\"]");
            assertThat(h.path("triage").toString())
                    .isEqualTo("{\"productionDown\":true,\"canWait\":false,\"outcome\":\"hotfix\"}");
            assertThat(h.path("detectedAt").asText()).isEqualTo("2026-10-04T02:17:00Z");
            assertThat(h.path("createdAt").asText()).isEqualTo("2026-10-04T02:17:00Z");
            assertThat(h.path("steps").path("startLog").path("done").asBoolean())
                    .isTrue();
            assertThat(h.path("nextStep").asText()).isEqualTo("alertTeam");
            assertThat(h.path("followUps").size()).isEqualTo(4);
            assertThat(h.path("followUps").path("postmortem").path("dueAt").isNull())
                    .isTrue();
            assertThat(h.path("version").asInt()).isEqualTo(1);

            Http.Response got = s.http().get("/api/v1/hotfixes/HOTFIX-001");
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.etag()).isEqualTo("\"1\"");
            assertThat(got.json()).isEqualTo(h);
            assertThat(s.http().get("/api/v1/hotfixes/hotfix-1").json()).isEqualTo(h);
        }
    }

    /**
     * If-Match compares the ETag as the exact string this API sent, strongly (RFC 9110): a weak {@code W/"1"} and a
     * {@code "01"} match nothing and change nothing (an independent tester found both accepted as version 1).
     */
    @BothDatabases
    void ifMatch_takesTheETagExactlyAsSent_neitherWeakNorWithLeadingZeros(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http api = s.http();
            api.post("/api/v1/hotfixes", CHECKOUT);
            for (String spelling : List.of("W/\"1\"", "\"01\"", "\"0001\"", "w/\"1\"")) {
                Http.Response refused =
                        api.patch("/api/v1/hotfixes/HOTFIX-001", "{\"owner\":\"x\"}", "If-Match", spelling);
                assertThat(refused.status())
                        .as(spelling + ": " + refused.body())
                        .isEqualTo(422);
                assertThat(refused.body()).contains("If-Match");
            }
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("version")
                            .asInt())
                    .isEqualTo(1);
            Http.Response taken = api.patch("/api/v1/hotfixes/HOTFIX-001", "{\"owner\":\"x\"}", "If-Match", " \"1\" ");
            assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        }
    }

    /**
     * The team is alerted before the fix goes out: a write that puts Alerted after Fix deployed (an "alerted" event
     * after "deployed", a patch of either time) is refused naming the field it moved; an earlier time is taken.
     */
    @BothDatabases
    void alertedAfterTheFixWasDeployed_isRefused_namingTheTimeThatMoved(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            Http api = s.http();
            api.post("/api/v1/hotfixes", CHECKOUT);
            clock.advance(Duration.ofMinutes(10));
            api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");
            clock.advance(Duration.ofMinutes(2));

            Http.Response late = api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"alerted\"}");
            assertThat(late.status()).as(late.body()).isEqualTo(422);
            assertThat(late.json().path("errors").get(0).path("field").asText()).isEqualTo("alertedAt");
            assertThat(late.json().path("errors").get(0).path("message").asText())
                    .contains("after the fix was deployed");

            Http.Response earlier = api.post(
                    "/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"alerted\",\"at\":\"2026-10-04T02:20:00Z\"}");
            assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);

            Http.Response moved = api.patch(
                    "/api/v1/hotfixes/HOTFIX-001",
                    "{\"fixDeployedAt\":\"2026-10-04T02:19:00Z\"}",
                    "If-Match",
                    "\"" + earlier.json().path("version").asInt() + "\"");
            assertThat(moved.status()).as(moved.body()).isEqualTo(422);
            assertThat(moved.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("fixDeployedAt");
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("fixDeployedAt")
                            .asText())
                    .as("nothing of a refused write is stored")
                    .isEqualTo("2026-10-04T02:27:00Z");
        }
    }

    @BothDatabases
    void theAlertedButton_andTheAlertTeamBox_areOneFact_andNeverFight(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            Http api = s.http();
            api.post("/api/v1/hotfixes", CHECKOUT);
            clock.advance(Duration.ofMinutes(4));
            JsonNode alerted = api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"alerted\"}")
                    .json();
            assertThat(alerted.path("steps").path("alertTeam").path("done").asBoolean())
                    .isTrue();
            assertThat(alerted.path("steps").path("alertTeam").path("at").asText())
                    .isEqualTo("2026-10-04T02:21:00Z");

            Http.Response untick = api.patch(
                    "/api/v1/hotfixes/HOTFIX-001", "{\"steps\":{\"alertTeam\":{\"done\":false}}}", "If-Match", "\"2\"");
            assertThat(untick.status()).isEqualTo(422);
            assertThat(untick.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("steps.alertTeam.done");
            assertThat(untick.json().path("errors").get(0).path("message").asText())
                    .isEqualTo("the team was alerted"
                            + " at 2026-10-04 02:21 UTC: the box and the alert time are one fact; to undo both, clear the"
                            + " alert time (alertedAt)");

            JsonNode cleared = api.patch("/api/v1/hotfixes/HOTFIX-001", "{\"alertedAt\":null}", "If-Match", "\"2\"")
                    .json();
            assertThat(cleared.path("steps").path("alertTeam").path("done").asBoolean())
                    .isFalse();

            clock.advance(Duration.ofMinutes(2));
            JsonNode ticked = api.patch(
                            "/api/v1/hotfixes/HOTFIX-001",
                            "{\"steps\":{\"alertTeam\":{\"done\":true}}}",
                            "If-Match",
                            "\"3\"")
                    .json();
            assertThat(ticked.path("alertedAt").asText())
                    .as("ticking the box stamps the alert time")
                    .isEqualTo("2026-10-04T02:23:00Z");

            JsonNode moved = api.patch(
                            "/api/v1/hotfixes/HOTFIX-001",
                            "{\"alertedAt\":\"2026-10-04T02:20:00Z\"}",
                            "If-Match",
                            "\"4\"")
                    .json();
            assertThat(moved.path("steps").path("alertTeam").path("done").asBoolean())
                    .isTrue();
        }
    }

    @BothDatabases
    void lifecycle_stampsTimesTicksStepsAndDerivesDurations(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            s.http().post("/api/v1/hotfixes", CHECKOUT);
            clock.advance(Duration.ofMinutes(4));
            JsonNode alerted = s.http()
                    .post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"alerted\"}")
                    .json();
            assertThat(alerted.path("alertedAt").asText()).isEqualTo("2026-10-04T02:21:00Z");
            assertThat(alerted.path("steps").path("alertTeam").path("done").asBoolean())
                    .isTrue();
            assertThat(alerted.path("durations").path("detectionToAlert").asText())
                    .isEqualTo("PT4M");

            Http.Response deployed = s.http()
                    .post(
                            "/api/v1/hotfixes/HOTFIX-001/events",
                            "{\"type\":\"deployed\",\"at\":\"2026-10-04T02:45:00Z\"}");
            assertThat(deployed.status()).isEqualTo(200);
            assertThat(deployed.etag()).isEqualTo("\"3\"");
            assertThat(deployed.json().path("status").asText()).isEqualTo("deployed");
            assertThat(deployed.json()
                            .path("durations")
                            .path("alertToFixDeployed")
                            .asText())
                    .isEqualTo("PT24M");

            JsonNode resolved = s.http()
                    .post(
                            "/api/v1/hotfixes/HOTFIX-001/events",
                            "{\"type\":\"resolved\",\"at\":\"2026-10-04T02:55:00+00:00\"}")
                    .json();
            assertThat(resolved.path("status").asText()).isEqualTo("completed");
            assertThat(resolved.path("durations").path("total").asText()).isEqualTo("PT38M");
            assertThat(resolved.path("followUps")
                            .path("postmortem")
                            .path("dueAt")
                            .asText())
                    .isEqualTo("2026-10-06T02:55:00Z");
            assertThat(resolved.path("steps").path("completeLog").path("done").asBoolean())
                    .isTrue();
        }
    }

    @BothDatabases
    void lifecycle_refusesBackwardMovesAndUndeclaredSkips(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            s.http().post("/api/v1/hotfixes", CHECKOUT);

            Http.Response skip = s.http().post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"resolved\"}");
            assertThat(skip.status()).isEqualTo(409);
            assertThat(skip.contentType()).startsWith("application/problem+json");
            assertThat(skip.json().path("detail").asText())
                    .isEqualTo("HOTFIX-001 is still active: no fix was "
                            + "deployed. Mark it deployed first, or resolve it with withoutDeploy=true if it ended without "
                            + "a fix (it went away, or it was rolled back)");

            Http.Response declared = s.http()
                    .post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"resolved\",\"withoutDeploy\":true}");
            assertThat(declared.status()).isEqualTo(200);
            assertThat(declared.json().path("status").asText()).isEqualTo("completed");
            assertThat(declared.json().path("fixDeployedAt").isNull()).isTrue();

            Http.Response back = s.http().post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");
            assertThat(back.status()).isEqualTo(409);
            assertThat(back.json().path("detail").asText())
                    .isEqualTo(
                            "HOTFIX-001 is completed (resolved at "
                                    + "2026-10-04T02:17:00Z); 'deployed' would move it backwards, and status only moves forward");
            assertThat(s.http()
                            .get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("version")
                            .asInt())
                    .isEqualTo(2);
        }
    }

    @BothDatabases
    void patch_needsIfMatch_refusesStaleVersions_andRecordsHistory(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            s.http().post("/api/v1/hotfixes", CHECKOUT);

            Http.Response missing = s.http().patch("/api/v1/hotfixes/HOTFIX-001", "{\"owner\":\"Jonas\"}");
            assertThat(missing.status()).isEqualTo(428);
            assertThat(missing.json().path("type").asText()).isEqualTo("urn:hotfix-log:problem:precondition-required");

            clock.advance(Duration.ofMinutes(1));
            Http.Response ok = s.as("Priya", Role.RESPONDER)
                    .patch(
                            "/api/v1/hotfixes/HOTFIX-001",
                            "{\"rollbackPlan\":\"Re-enable payments.pinning\",\"followUps\":{\"postmortem\":"
                                    + "{\"owner\":\"Tomás Ortega\",\"done\":true}},\"problem\":null}",
                            "If-Match",
                            "\"1\"");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.etag()).isEqualTo("\"2\"");
            JsonNode h = ok.json();
            assertThat(h.path("rollbackPlan").asText()).isEqualTo("Re-enable payments.pinning");
            assertThat(h.path("problem").isNull()).isTrue();
            assertThat(h.path("owner").asText()).isEqualTo("Priya Raman");
            assertThat(h.path("followUps").path("postmortem").path("doneAt").asText())
                    .isEqualTo("2026-10-04T02:18:00Z");

            Http.Response stale =
                    s.http().patch("/api/v1/hotfixes/HOTFIX-001", "{\"owner\":\"Jonas\"}", "If-Match", "\"1\"");
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.json().path("detail").asText())
                    .isEqualTo("HOTFIX-001 was changed by someone else: "
                            + "you edited version 1 but the current version is 2; reload it, re-apply your change and "
                            + "send If-Match: \"2\"");
            assertThat(s.http()
                            .get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("owner")
                            .asText())
                    .isEqualTo("Priya Raman");

            JsonNode history =
                    s.http().get("/api/v1/hotfixes/HOTFIX-001/history").json().path("items");
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.get(0).path("action").asText()).isEqualTo("created");
            JsonNode edit = history.get(1);
            assertThat(edit.path("version").asInt()).isEqualTo(2);
            assertThat(edit.path("actor").asText()).isEqualTo("Priya");
            assertThat(edit.path("at").asText()).isEqualTo("2026-10-04T02:18:00Z");
            List<String> fields = new ArrayList<>();
            edit.path("changes")
                    .forEach(c -> fields.add(c.path("field").asText() + ": " + c.path("old") + " -> " + c.path("new")));
            assertThat(fields)
                    .containsExactly(
                            "problem: \"Every card payment failed with 502 at the gateway\" -> null",
                            "rollbackPlan: null -> \"Re-enable payments.pinning\"",
                            "followUps.postmortem.owner: null -> \"Tomás Ortega\"",
                            "followUps.postmortem.done: false -> true",
                            "followUps.postmortem.doneAt: null -> \"2026-10-04T02:18:00Z\"");
        }
    }

    @BothDatabases
    void patch_thatChangesNothing_keepsTheVersion(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            JsonNode created = s.http().post("/api/v1/hotfixes", CHECKOUT).json();
            Http.Response echo = s.http().patch("/api/v1/hotfixes/HOTFIX-001", created.toString(), "If-Match", "\"1\"");
            assertThat(echo.status()).isEqualTo(200);
            assertThat(echo.etag()).isEqualTo("\"1\"");
            assertThat(s.http()
                            .get("/api/v1/hotfixes/HOTFIX-001/history")
                            .json()
                            .path("items")
                            .size())
                    .isEqualTo(1);
        }
    }

    @BothDatabases
    void list_isNewestFirst_filtersAndPagesWithACursor(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            for (int i = 1; i <= 7; i++) {
                s.http()
                        .post(
                                "/api/v1/hotfixes",
                                "{\"title\":\"t" + i + "\",\"severity\":\"" + (i % 2 == 0 ? "high" : "medium") + "\"}");
            }
            s.http().post("/api/v1/hotfixes/HOTFIX-007/events", "{\"type\":\"deployed\"}");

            JsonNode first = s.http().get("/api/v1/hotfixes?limit=3").json();
            assertThat(ids(first)).containsExactly("HOTFIX-007", "HOTFIX-006", "HOTFIX-005");
            JsonNode second = s.http()
                    .get("/api/v1/hotfixes?limit=3&cursor="
                            + first.path("nextCursor").asText())
                    .json();
            assertThat(ids(second)).containsExactly("HOTFIX-004", "HOTFIX-003", "HOTFIX-002");
            JsonNode last = s.http()
                    .get("/api/v1/hotfixes?limit=3&cursor="
                            + second.path("nextCursor").asText())
                    .json();
            assertThat(ids(last)).containsExactly("HOTFIX-001");
            assertThat(last.path("nextCursor").isNull()).isTrue();

            assertThat(ids(s.http().get("/api/v1/hotfixes?severity=high").json()))
                    .containsExactly("HOTFIX-006", "HOTFIX-004", "HOTFIX-002");
            assertThat(ids(s.http().get("/api/v1/hotfixes?status=deployed").json()))
                    .containsExactly("HOTFIX-007");
            assertThat(ids(s.http()
                            .get("/api/v1/hotfixes?status=active&severity=medium")
                            .json()))
                    .containsExactly("HOTFIX-005", "HOTFIX-003", "HOTFIX-001");
        }
    }

    @BothDatabases
    void health_reportsTheDatabase_andOpenApiIsServed(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http.Response health = s.http().get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("up");
            assertThat(health.json().path("database").path("dialect").asText()).isEqualTo(db.toString());
            Http.Response api = s.http().get("/api/v1/openapi.json");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.json().path("openapi").asText()).startsWith("3.");
        }
    }

    @BothDatabases
    void delete_removesTheRecordAndItsHistory_andTheAuditKeepsTheFact(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            s.http().post("/api/v1/hotfixes", CHECKOUT);
            s.http().patch("/api/v1/hotfixes/HOTFIX-001", "{\"owner\":\"x\"}", "If-Match", "\"1\"");
            s.http().post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");

            assertThat(s.http()
                            .send("DELETE", "/api/v1/hotfixes/HOTFIX-001", null)
                            .status())
                    .isEqualTo(204);
            assertThat(s.http().get("/api/v1/hotfixes/HOTFIX-001").status()).isEqualTo(404);
            assertThat(s.http().get("/api/v1/hotfixes/HOTFIX-001/history").status())
                    .isEqualTo(404);
            assertThat(s.http()
                            .send("DELETE", "/api/v1/hotfixes/HOTFIX-001", null)
                            .status())
                    .isEqualTo(404);
            assertThat(s.http().get("/api/v1/audit").body())
                    .contains("\"action\":\"DELETE /api/v1/hotfixes/HOTFIX-001\"");
            assertThat(s.http()
                            .post("/api/v1/hotfixes", CHECKOUT)
                            .json()
                            .path("id")
                            .asText())
                    .as("numbers are never reused")
                    .isEqualTo("HOTFIX-002");
        }
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("id").asText()));
        return out;
    }
}
