package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.Setting;
import dev.hotfixlog.incoming.IncomingReplayTest;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One server with a small, fixed log for the page-wide browser checks (axe, weight, screenshots): every id, time
 * and text is known in advance, the server's clock stands still at {@link #NOW}, and nothing is random on screen.
 * Five hotfixes (critical, high and medium active; two completed, one with a lesson), two accepted risks, deploys,
 * follow-ups, an incoming alert and an audit trail.
 */
final class CockpitSite implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-10-04T09:00:00Z");
    static final String USER = "admin-priya";
    static final String PASSWORD = "a long test password";

    private final TestDb db;
    private final RunningServer server;
    private final String riskKey;
    private final String incomingId;

    CockpitSite() {
        this.db = TestDb.sqlite();
        this.server = new RunningServer(
                db.config(Map.of(Setting.INTEGRATIONS, IncomingReplayTest.INTEGRATIONS)), new MutableClock(NOW));
        server.app().accounts().create(USER, Role.ADMIN, PASSWORD, false);
        Http api = server.http();
        completed(api);
        active(api);
        deploy(api, "payments-gateway", "2026.10.4-1", "2026-10-04T08:52:00Z");
        deploy(api, "search", "7.3.1", "2026-10-03T16:00:00Z");
        IncomingReplayTest.deliver(
                server,
                IncomingReplayTest.am(
                        "{}/{}:{alertname=\"HighErrorRate\"}",
                        "firing",
                        IncomingReplayTest.alert("fp-a", "firing", NOW.minusSeconds(240), null, "checkout-frontend")));
        this.riskKey =
                api.get("/api/v1/risks").json().path("items").get(0).path("id").asText();
        this.incomingId = api.get("/api/v1/incoming")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asText();
    }

    /** Two completed hotfixes in September, one with follow-ups done and a published lesson. */
    private static void completed(Http api) {
        create(
                api,
                "{\"title\":\"Enricher idled the PgBouncer pool\",\"severity\":\"high\",\"owner\":\"Priya Raman\","
                        + "\"detectedAt\":\"2026-09-21T02:00:00Z\",\"alertedAt\":\"2026-09-21T02:04:00Z\","
                        + "\"category\":\"Configuration rollout\",\"systemsAffected\":[\"enricher\",\"pgbouncer\"],"
                        + "\"problem\":\"Every enricher held a pooled connection while waiting on an HTTP reply.\","
                        + "\"rootCause\":\"A transaction stayed open across an `await`.\","
                        + "\"operatingRule\":\"Commit before async I/O.\","
                        + "\"learning\":\"A transaction waiting on I/O holds its pool slot.\"}");
        event(api, 1, "{\"type\":\"deployed\",\"at\":\"2026-09-21T02:20:00Z\"}");
        event(api, 1, "{\"type\":\"resolved\",\"at\":\"2026-09-21T02:40:00Z\"}");
        patch(api, 1, "{\"followUps\":{\"postmortem\":{\"done\":true,\"doneAt\":\"2026-09-22T10:00:00Z\"}}}");
        api.post(
                "/api/v1/hotfixes/HOTFIX-001/lesson",
                "{\"title\":\"Commit before async I/O: how one enricher idled the whole PgBouncer pool\","
                        + "\"summary\":\"A transaction waiting on an HTTP reply is invisible in the pool, but it holds"
                        + " the slot.\",\"bucket\":\"state-model\",\"tags\":[\"pgbouncer\"],\"published\":true}");
        create(
                api,
                "{\"title\":\"Nightly export wrote empty files\",\"severity\":\"medium\",\"owner\":\"Ana Lima\","
                        + "\"detectedAt\":\"2026-09-28T06:00:00Z\",\"systemsAffected\":[\"export\"],"
                        + "\"riskAccepted\":\"Export retried by hand until the job checks its row count\"}");
        event(api, 2, "{\"type\":\"resolved\",\"withoutDeploy\":true,\"at\":\"2026-09-28T07:10:00Z\"}");
    }

    /** Three active hotfixes declared this morning, listed in the order a board would not want (low first). */
    private static void active(Http api) {
        create(
                api,
                "{\"title\":\"Login loop for SSO users\",\"severity\":\"medium\",\"owner\":\"Ana Lima\","
                        + "\"detectedAt\":\"2026-10-04T07:30:00Z\",\"systemsAffected\":[\"sso\"]}");
        event(api, 3, "{\"type\":\"deployed\",\"at\":\"2026-10-04T08:30:00Z\"}");
        create(
                api,
                "{\"title\":\"Search index stale after config rollout\",\"severity\":\"high\","
                        + "\"owner\":\"Jonas Weber\",\"detectedAt\":\"2026-10-04T08:05:00Z\","
                        + "\"systemsAffected\":[\"search\"]}");
        create(
                api,
                "{\"title\":\"Checkout returns 502 after payment provider TLS rotation\",\"severity\":\"critical\","
                        + "\"owner\":\"Priya Raman\",\"detectedAt\":\"2026-10-04T08:40:00Z\","
                        + "\"alertedAt\":\"2026-10-04T08:43:00Z\",\"problem\":\"Every card payment fails with 502 at"
                        + " the gateway; the provider rotated its intermediate certificate.\",\"impact\":\"All"
                        + " checkouts in EU and US\",\"systemsAffected\":[\"payments-gateway\"],"
                        + "\"changeMade\":\"Turn `payments.pinning` off until the pin list has the new intermediate.\","
                        + "\"riskAccepted\":\"Pinning disabled until a rotation-safe check exists\","
                        + "\"triage\":{\"productionDown\":true,\"canWait\":false}}");
    }

    private static void create(Http api, String json) {
        Http.Response r = api.post("/api/v1/hotfixes", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static void event(Http api, int n, String json) {
        Http.Response r = api.post("/api/v1/hotfixes/HOTFIX-00" + n + "/events", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void patch(Http api, int n, String json) {
        String id = "/api/v1/hotfixes/HOTFIX-00" + n;
        int v = api.get(id).json().path("version").asInt();
        Http.Response r = api.patch(id, json, "If-Match", "\"" + v + "\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static void deploy(Http api, String system, String version, String at) {
        Http.Response r = api.post(
                "/api/v1/deploys",
                "{\"system\":\"" + system + "\",\"version\":\"" + version + "\",\"at\":\"" + at + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** Every page the web app renders for a GET, with the seeded ids filled in; sign-in is visited signed out. */
    List<String> pages() {
        return List.of(
                "/",
                "/hotfixes/new",
                "/hotfixes/new?down=yes&wait=no",
                "/hotfixes/HOTFIX-005",
                "/hotfixes/HOTFIX-005/sections/summary/edit",
                "/hotfixes/HOTFIX-005/sections/when/edit",
                "/hotfixes/HOTFIX-005/sections/emergency/edit",
                "/hotfixes/HOTFIX-005/sections/fix/edit",
                "/hotfixes/HOTFIX-005/sections/context/edit",
                "/hotfixes/HOTFIX-005/sections/writeup/edit",
                "/hotfixes/HOTFIX-005/history",
                "/hotfixes/HOTFIX-005/deploys",
                "/hotfixes/HOTFIX-005/announce/stakeholder",
                "/hotfixes/HOTFIX-001",
                "/hotfixes?status=completed",
                "/followups?owner=*",
                "/debt",
                "/risks",
                "/risks/" + riskKey,
                "/dashboard",
                "/lessons",
                "/lessons/LESSON-001",
                "/lessons/LESSON-001/edit",
                "/lessons/new",
                "/search?q=checkout",
                "/incoming",
                "/incoming/" + incomingId,
                "/deploys",
                "/admin/audit",
                "/account/password");
    }

    String url() {
        return server.url();
    }

    /** The field-notes site built from the published lesson: its index page, as a file: URL. */
    String fieldNotesIndex() {
        Path out = db.dataDir().resolve("field-notes").toAbsolutePath();
        server.app().fieldNotes().build(out, "https://notes.example.com/");
        return out.resolve("index.html").toUri().toString();
    }

    RunningServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }
}
