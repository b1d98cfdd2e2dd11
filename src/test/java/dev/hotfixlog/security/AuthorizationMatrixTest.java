package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.migrate.Fixtures;
import dev.hotfixlog.migrate.SourceServer;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;

/**
 * Every route the server really registers × every kind of caller, each answering what it should: 401 without
 * valid credentials, 403 with too small a role, 2xx otherwise. A route added without a line here fails this
 * test, so access rules cannot be forgotten.
 */
class AuthorizationMatrixTest {
    private static final Map<String, Role> NEEDS = new LinkedHashMap<>();
    /** Routes that act on a browser session (sign-in form, sign-out, own password); their sessions: SignInTest. */
    private static final Set<String> SESSION_ROUTES =
            Set.of("POST /sign-in", "POST /sign-out", "GET /account/password", "POST /account/password");

    /** Routes this test calls the way htmx does (with {@code HX-Request}), for a fragment of the page. */
    private static final Set<String> HTMX_REQUESTS = Set.of(
            "GET /hotfixes/{id}/sections/{section}",
            "POST /hotfixes/{id}/sections/{section}",
            "POST /hotfixes/{id}/checklist",
            "POST /lessons/check",
            "POST /search/similar");

    /**
     * The monitoring's and pipelines' URLs: open at the gate, each checked against its own integration's secret,
     * which none of these callers holds (a person's token is not one): 401 for every one of them.
     */
    private static final Set<String> INGEST_ROUTES = Set.of(
            "POST /api/v1/ingest/alertmanager/{name}", "PUT /api/v1/ingest/alertmanager/{name}",
            "POST /api/v1/ingest/grafana/{name}", "PUT /api/v1/ingest/grafana/{name}",
            "POST /api/v1/ingest/deploy/{name}", "POST /api/v1/ingest/github/{name}",
            "POST /api/v1/chat/slack/{name}/commands", "POST /api/v1/chat/slack/{name}/interactions",
            "POST /api/v1/chat/mattermost/{name}/commands", "POST /api/v1/chat/mattermost/{name}/interactions",
            "POST /api/v1/chat/teams/{name}/commands", "POST /api/v1/chat/teams/{name}/interactions");

    private static final String INTEGRATIONS = "alertmanager prod bearer=am-1; grafana main hmac=g-1; "
            + "deploy ci bearer=ci-1; github gh secret=gh-1; slack ws secret=s-1 token=xoxb-1 "
            + "api=http://127.0.0.1:9/; mattermost mm secret=m-1 token=t-1 api=http://127.0.0.1:9 "
            + "callback=http://127.0.0.1:9; teams tm secret=dGVhbXMtMQ==";

    static {
        NEEDS.put("GET /", Role.VIEWER);
        NEEDS.put("GET /sign-in", Role.ANYONE);
        NEEDS.put("GET /hotfixes/{id}", Role.VIEWER);
        NEEDS.put("GET /hotfixes/new", Role.RESPONDER);
        NEEDS.put("POST /hotfixes/new", Role.RESPONDER);
        NEEDS.put("GET /hotfixes", Role.VIEWER);
        NEEDS.put("GET /hotfixes/{id}/history", Role.VIEWER);
        NEEDS.put("GET /hotfixes/{id}/sections/{section}", Role.VIEWER);
        NEEDS.put("GET /hotfixes/{id}/sections/{section}/edit", Role.RESPONDER);
        NEEDS.put("POST /hotfixes/{id}/sections/{section}", Role.RESPONDER);
        NEEDS.put("POST /hotfixes/{id}/events", Role.RESPONDER);
        NEEDS.put("POST /hotfixes/{id}/checklist", Role.RESPONDER);
        NEEDS.put("GET /static/htmx/htmx.min.js", Role.ANYONE);
        NEEDS.put("GET /api/v1/export", Role.VIEWER);
        NEEDS.put("POST /api/v1/import", Role.RESPONDER);
        NEEDS.put("GET /hotfixes/{id}/markdown", Role.VIEWER);
        NEEDS.put("GET /hotfixes/{id}/announce/{kind}", Role.VIEWER);
        NEEDS.put("POST /hotfixes/{id}/announce/{kind}", Role.RESPONDER);
        NEEDS.put("GET /api/v1/hotfixes/{id}/messages/{kind}", Role.VIEWER);
        NEEDS.put("POST /api/v1/hotfixes/{id}/messages/{kind}", Role.RESPONDER);
        NEEDS.put("GET /api/v1/hotfixes/{id}/deliveries", Role.VIEWER);
        NEEDS.put("GET /api/v1/followups", Role.VIEWER);
        NEEDS.put("GET /api/v1/debt", Role.VIEWER);
        NEEDS.put("GET /followups", Role.VIEWER);
        NEEDS.put("GET /debt", Role.VIEWER);
        NEEDS.put("GET /api/v1/metrics", Role.VIEWER);
        NEEDS.put("GET /api/v1/signals", Role.VIEWER);
        NEEDS.put("PUT /api/v1/signals/{name}", Role.RESPONDER);
        NEEDS.put("GET /dashboard", Role.VIEWER);
        NEEDS.put("GET /metrics", Role.VIEWER);
        NEEDS.put("GET /lessons", Role.VIEWER);
        NEEDS.put("GET /lessons/new", Role.RESPONDER);
        NEEDS.put("POST /lessons", Role.RESPONDER);
        NEEDS.put("POST /lessons/check", Role.RESPONDER);
        NEEDS.put("GET /lessons/{id}", Role.VIEWER);
        NEEDS.put("GET /lessons/{id}/edit", Role.RESPONDER);
        NEEDS.put("POST /lessons/{id}", Role.RESPONDER);
        NEEDS.put("GET /api/v1/lessons", Role.VIEWER);
        NEEDS.put("POST /api/v1/lessons", Role.RESPONDER);
        NEEDS.put("POST /api/v1/lessons/check", Role.VIEWER);
        NEEDS.put("GET /api/v1/lessons/{id}", Role.VIEWER);
        NEEDS.put("PATCH /api/v1/lessons/{id}", Role.RESPONDER);
        NEEDS.put("DELETE /api/v1/lessons/{id}", Role.ADMIN);
        NEEDS.put("POST /api/v1/hotfixes/{id}/lesson", Role.RESPONDER);
        NEEDS.put("GET /api/v1/search", Role.VIEWER);
        NEEDS.put("GET /api/v1/hotfixes/{id}/similar", Role.VIEWER);
        NEEDS.put("GET /search", Role.VIEWER);
        NEEDS.put("GET /api/v1/similar", Role.VIEWER);
        NEEDS.put("POST /search/similar", Role.VIEWER);
        SESSION_ROUTES.forEach(r -> NEEDS.put(r, Role.VIEWER));
        NEEDS.put("GET /health", Role.ANYONE);
        NEEDS.put("GET /api/v1/openapi.json", Role.ANYONE);
        NEEDS.put("GET /api/v1/hotfixes", Role.VIEWER);
        NEEDS.put("GET /api/v1/hotfixes/{id}", Role.VIEWER);
        NEEDS.put("GET /api/v1/hotfixes/{id}/history", Role.VIEWER);
        NEEDS.put("GET /api/v1/fields", Role.VIEWER);
        NEEDS.put("POST /api/v1/hotfixes", Role.RESPONDER);
        NEEDS.put("PATCH /api/v1/hotfixes/{id}", Role.RESPONDER);
        NEEDS.put("POST /api/v1/hotfixes/{id}/events", Role.RESPONDER);
        NEEDS.put("DELETE /api/v1/hotfixes/{id}", Role.ADMIN);
        NEEDS.put("POST /api/v1/tokens", Role.ADMIN);
        NEEDS.put("GET /api/v1/tokens", Role.ADMIN);
        NEEDS.put("DELETE /api/v1/tokens/{id}", Role.ADMIN);
        NEEDS.put("GET /api/v1/audit", Role.ADMIN);
        NEEDS.put("GET /admin/audit", Role.ADMIN);
        NEEDS.put("GET /api/v1/users", Role.ADMIN);
        NEEDS.put("POST /api/v1/users", Role.ADMIN);
        INGEST_ROUTES.forEach(r -> NEEDS.put(r, Role.ANYONE));
        NEEDS.put("POST /api/v1/chat/link-codes", Role.VIEWER);
        NEEDS.put("GET /api/v1/incoming", Role.VIEWER);
        NEEDS.put("GET /api/v1/incoming/{id}", Role.VIEWER);
        NEEDS.put("GET /api/v1/incoming/{id}/draft", Role.VIEWER);
        NEEDS.put("POST /api/v1/incoming/{id}/declare", Role.RESPONDER);
        NEEDS.put("POST /api/v1/incoming/{id}/dismiss", Role.RESPONDER);
        NEEDS.put("GET /incoming", Role.VIEWER);
        NEEDS.put("GET /incoming/lane", Role.VIEWER);
        NEEDS.put("GET /incoming/{id}", Role.VIEWER);
        NEEDS.put("POST /incoming/{id}/dismiss", Role.RESPONDER);
        NEEDS.put("GET /api/v1/deploys", Role.VIEWER);
        NEEDS.put("POST /api/v1/deploys", Role.RESPONDER);
        NEEDS.put("GET /api/v1/hotfixes/{id}/deploys", Role.VIEWER);
        NEEDS.put("POST /api/v1/hotfixes/{id}/deploys/{role}", Role.RESPONDER);
        NEEDS.put("GET /deploys", Role.VIEWER);
        NEEDS.put("GET /hotfixes/{id}/deploys", Role.VIEWER);
        NEEDS.put("POST /hotfixes/{id}/deploys/{role}", Role.RESPONDER);
        NEEDS.put("GET /api/v1/risks", Role.VIEWER);
        NEEDS.put("POST /api/v1/risks", Role.RESPONDER);
        NEEDS.put("GET /api/v1/risks/{id}", Role.VIEWER);
        NEEDS.put("POST /api/v1/risks/{id}/retire", Role.RESPONDER);
        NEEDS.put("POST /api/v1/risks/{id}/reaccept", Role.RESPONDER);
        NEEDS.put("POST /api/v1/risks/{id}/mitigate", Role.RESPONDER);
        NEEDS.put("GET /risks", Role.VIEWER);
        NEEDS.put("GET /risks/{id}", Role.VIEWER);
        NEEDS.put("POST /risks/{id}/retire", Role.RESPONDER);
        NEEDS.put("POST /risks/{id}/mitigate", Role.RESPONDER);
        NEEDS.put("POST /risks/{id}/reaccept", Role.RESPONDER);
        NEEDS.put("GET /api/v1/hotfixes/{id}/attachments", Role.VIEWER);
        NEEDS.put("POST /api/v1/hotfixes/{id}/attachments", Role.RESPONDER);
        NEEDS.put("GET /api/v1/lessons/{id}/attachments", Role.VIEWER);
        NEEDS.put("POST /api/v1/lessons/{id}/attachments", Role.RESPONDER);
        NEEDS.put("GET /api/v1/attachments/{aid}", Role.VIEWER);
        NEEDS.put("GET /api/v1/attachments/{aid}/content", Role.VIEWER);
        NEEDS.put("DELETE /api/v1/attachments/{aid}", Role.RESPONDER);
        NEEDS.put("GET /attachments/{aid}", Role.VIEWER);
        NEEDS.put("GET /api/v1/attachment-contents/{sha256}", Role.VIEWER);
        NEEDS.put("POST /hotfixes/{id}/attachments", Role.RESPONDER);
        NEEDS.put("POST /lessons/{id}/attachments", Role.RESPONDER);
        NEEDS.put("POST /attachments/{aid}/delete", Role.RESPONDER);
        NEEDS.put("POST /api/v1/migrations", Role.ADMIN);
        NEEDS.put("GET /api/v1/hotfixes/{id}/source", Role.VIEWER);
    }

    /** Grafana OnCall on localhost with two alert groups, for the migration routes. */
    private static final SourceServer ONCALL = oncall();

    private static SourceServer oncall() {
        SourceServer s = new SourceServer(SourceServer.Kind.ONCALL, "oc-key");
        Fixtures.onCall(s, 2);
        return s;
    }

    private static String migration(boolean dry) {
        return "{\"source\":\"grafana-oncall\",\"from\":\"" + ONCALL.url() + "\",\"token\":\"oc-key\"," + "\"dryRun\":"
                + dry + "}";
    }

    /** A kind of caller: its client, and the role it really has (null: it proves nothing). */
    private record Caller(String name, Http http, Role role) {
        boolean sendsCredentials() {
            return !name.equals("anonymous");
        }
    }

    @BothDatabases
    void everyRoute_answersEveryCallerAsItsRoleDeserves(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        // A channel, so that sending a message is possible (nobody listens there; the worker is off).
        try (RunningServer s = new RunningServer(
                db.config(Map.of(
                        dev.hotfixlog.Setting.CHANNELS,
                        "webhook http://127.0.0.1:9/hook",
                        dev.hotfixlog.Setting.NOTIFY_INTERVAL_MS,
                        "0",
                        dev.hotfixlog.Setting.INTEGRATIONS,
                        INTEGRATIONS)),
                clock)) {
            Http admin = s.http();
            admin.post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\"}");
            JsonNode revokedToken = admin.post("/api/v1/tokens", "{\"name\":\"gone\",\"role\":\"admin\"}")
                    .json();
            admin.send("DELETE", "/api/v1/tokens/" + revokedToken.path("id").asText(), null);
            String expiring = admin.post(
                            "/api/v1/tokens",
                            "{\"name\":\"late\",\"role\":\"admin\"," + "\"expiresAt\":\"2026-10-04T03:17:00Z\"}")
                    .json()
                    .path("token")
                    .asText();
            List<Caller> callers = List.of(
                    new Caller("anonymous", s.anonymous(), null),
                    new Caller("viewer", s.as("viewer", Role.VIEWER), Role.VIEWER),
                    new Caller("responder", s.as("responder", Role.RESPONDER), Role.RESPONDER),
                    new Caller("admin", s.as("admin", Role.ADMIN), Role.ADMIN),
                    new Caller(
                            "revoked",
                            new Http(s.url(), revokedToken.path("token").asText()),
                            null),
                    new Caller("expired", new Http(s.url(), expiring), null),
                    new Caller("garbage", new Http(s.url(), "hfx_not-a-real-token"), null));
            clock.advance(Duration.ofHours(2));

            assertThat(s.server().routes()).containsExactlyInAnyOrderElementsOf(NEEDS.keySet());
            SoftAssertions soft = new SoftAssertions();
            for (String route : s.server().routes()) {
                Role needed = NEEDS.get(route);
                // A page sends a browser without a session to sign in; an in-place (htmx) request gets 401.
                boolean page =
                        !route.contains(" /api/") && !HTMX_REQUESTS.contains(route) && !route.equals("GET /metrics");
                for (Caller c : callers) {
                    int status = request(route, admin).apply(c.http()).status();
                    int expected = INGEST_ROUTES.contains(route)
                            ? 401
                            : SESSION_ROUTES.contains(route)
                                    ? sessionRouteAnswer(route, c)
                                    : needed == Role.ANYONE
                                            ? 200
                                            : c.role() == null
                                                    ? (page && !c.sendsCredentials() ? 303 : 401)
                                                    : !c.role().covers(needed) ? 403 : 200;
                    String what = route + " as " + c.name();
                    if (expected == 200
                            && (route.equals("POST /hotfixes/new")
                                    || route.equals("POST /hotfixes/{id}/events")
                                    || route.equals("POST /hotfixes/{id}/announce/{kind}")
                                    || route.equals("POST /lessons")
                                    || route.equals("POST /lessons/{id}")
                                    || route.equals("POST /incoming/{id}/dismiss")
                                    || route.equals("POST /hotfixes/{id}/deploys/{role}")
                                    || route.startsWith("POST /risks/")
                                    || route.equals("POST /hotfixes/{id}/attachments")
                                    || route.equals("POST /lessons/{id}/attachments")
                                    || route.equals("POST /attachments/{aid}/delete"))) {
                        expected = 303; // the browser is sent to the (new) record's page
                    }
                    if (expected == 200) {
                        soft.assertThat(status).as(what).isBetween(200, 299);
                    } else {
                        soft.assertThat(status).as(what).isEqualTo(expected);
                    }
                }
            }
            soft.assertAll();
        }
    }

    /**
     * What the session routes answer callers without a browser session: the sign-in form refuses any post
     * without its own CSRF cookie (403, whoever sends it); sign-out is harmless for a token (303 to sign-in); a
     * password change needs a signed-in account, so a valid token gets 403. Without credentials a page sends
     * the browser to sign in (303); a bad token is 401.
     */
    private static int sessionRouteAnswer(String route, Caller c) {
        if (route.equals("POST /sign-in")) {
            return 403;
        }
        if (c.role() == null) {
            return c.sendsCredentials() ? 401 : 303;
        }
        return route.equals("POST /sign-out") ? 303 : 403;
    }

    /** How to call a route so that an allowed caller gets 2xx: fresh data for each call where it matters. */
    private static Function<Http, Http.Response> request(String route, Http admin) {
        switch (route) {
            case "POST /api/v1/chat/link-codes":
                return h -> h.post("/api/v1/chat/link-codes", "");
            case "POST /api/v1/hotfixes":
                return h -> h.post("/api/v1/hotfixes", "{\"title\":\"y\",\"severity\":\"medium\"}");
            case "PATCH /api/v1/hotfixes/{id}": {
                String id = admin.post("/api/v1/hotfixes", "{\"title\":\"p\",\"severity\":\"medium\"}")
                        .json()
                        .path("id")
                        .asText();
                return h -> h.patch("/api/v1/hotfixes/" + id, "{\"owner\":\"someone\"}", "If-Match", "\"1\"");
            }
            case "POST /api/v1/hotfixes/{id}/events": {
                String id = admin.post("/api/v1/hotfixes", "{\"title\":\"e\",\"severity\":\"medium\"}")
                        .json()
                        .path("id")
                        .asText();
                return h -> h.post("/api/v1/hotfixes/" + id + "/events", "{\"type\":\"alerted\"}");
            }
            case "POST /hotfixes/new":
                return h -> h.send(
                        "POST",
                        "/hotfixes/new",
                        "title=via+form&severity=high&down=yes&wait=no",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            case "GET /hotfixes/{id}/sections/{section}":
                return h -> h.get("/hotfixes/HOTFIX-001/sections/emergency", "HX-Request", "true");
            case "POST /hotfixes/{id}/sections/{section}":
                return h -> h.send(
                        "POST",
                        "/hotfixes/HOTFIX-001/sections/summary",
                        "title=x&severity=high&owner=o" + "&version="
                                + admin.get("/api/v1/hotfixes/HOTFIX-001")
                                        .json()
                                        .path("version")
                                        .asInt(),
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "HX-Request",
                        "true");
            case "POST /hotfixes/{id}/events":
                return h -> h.send(
                        "POST",
                        "/hotfixes/"
                                + admin.post("/api/v1/hotfixes", "{\"title\":\"ev\",\"severity\":\"medium\"}")
                                        .json()
                                        .path("id")
                                        .asText()
                                + "/events",
                        "event=alerted",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            case "POST /hotfixes/{id}/checklist":
                return h -> h.send(
                        "POST",
                        "/hotfixes/HOTFIX-001/checklist",
                        "was.step.startLog=false&step.startLog=on",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "HX-Request",
                        "true");
            case "POST /hotfixes/{id}/announce/{kind}":
                return h -> h.send(
                        "POST",
                        "/hotfixes/HOTFIX-001/announce/stakeholder",
                        "key=k",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            case "POST /api/v1/hotfixes/{id}/messages/{kind}":
                return h -> h.post("/api/v1/hotfixes/HOTFIX-001/messages/stakeholder", "{}");
            case "PUT /api/v1/signals/{name}":
                return h -> h.send("PUT", "/api/v1/signals/queue-depth", "{\"value\":1,\"threshold\":5}");
            case "POST /api/v1/import":
                return h -> h.post("/api/v1/import", "## Active Hotfixes\n", "Content-Type", "text/markdown");
            case "POST /sign-in":
                return h -> h.send("POST", "/sign-in", "username=admin&password=guess");
            case "POST /sign-out":
                return h -> h.send("POST", "/sign-out", "");
            case "POST /account/password":
                return h -> h.send("POST", "/account/password", "current=a&password=b");
            case "GET /lessons/{id}":
            case "GET /lessons/{id}/edit":
            case "GET /api/v1/lessons/{id}": {
                String path = route.substring(route.indexOf(' ') + 1).replace("{id}", lesson(admin));
                return h -> h.get(path);
            }
            case "POST /lessons":
                return h -> h.send(
                        "POST",
                        "/lessons",
                        "title=via+form&cases=HOTFIX-001",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            case "POST /lessons/check":
                return h -> h.send(
                        "POST",
                        "/lessons/check",
                        "signal=we+deployed",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "HX-Request",
                        "true");
            case "POST /search/similar":
                return h -> h.send(
                        "POST",
                        "/search/similar",
                        "title=checkout+502",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "HX-Request",
                        "true");
            case "POST /lessons/{id}": {
                String id = lesson(admin);
                return h -> h.send(
                        "POST",
                        "/lessons/" + id,
                        "title=saved&cases=HOTFIX-001&version="
                                + admin.get("/api/v1/lessons/" + id)
                                        .json()
                                        .path("version")
                                        .asInt(),
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            }
            case "POST /api/v1/lessons":
                return h -> h.post("/api/v1/lessons", "{\"title\":\"l\",\"cases\":[\"HOTFIX-001\"]}");
            case "POST /api/v1/lessons/check":
                return h -> h.post("/api/v1/lessons/check", "{}");
            case "PATCH /api/v1/lessons/{id}": {
                String id = lesson(admin);
                return h -> h.patch(
                        "/api/v1/lessons/" + id,
                        "{\"summary\":\"s\"}",
                        "If-Match",
                        "\""
                                + admin.get("/api/v1/lessons/" + id)
                                        .json()
                                        .path("version")
                                        .asInt() + "\"");
            }
            case "DELETE /api/v1/lessons/{id}": {
                String id = lesson(admin);
                return h -> h.send("DELETE", "/api/v1/lessons/" + id, null);
            }
            case "POST /api/v1/hotfixes/{id}/lesson": {
                String id = admin.post("/api/v1/hotfixes", "{\"title\":\"done\",\"severity\":\"medium\"}")
                        .json()
                        .path("id")
                        .asText();
                admin.post("/api/v1/hotfixes/" + id + "/events", "{\"type\":\"resolved\",\"withoutDeploy\":true}");
                return h -> h.post("/api/v1/hotfixes/" + id + "/lesson", "");
            }
            case "DELETE /api/v1/hotfixes/{id}": {
                String id = admin.post("/api/v1/hotfixes", "{\"title\":\"d\",\"severity\":\"medium\"}")
                        .json()
                        .path("id")
                        .asText();
                return h -> h.send("DELETE", "/api/v1/hotfixes/" + id, null);
            }
            case "POST /api/v1/users": {
                AtomicInteger n = new AtomicInteger();
                return h -> h.post(
                        "/api/v1/users", "{\"username\":\"made-" + n.incrementAndGet() + "\",\"role\":\"viewer\"}");
            }
            case "POST /api/v1/tokens":
                return h -> h.post("/api/v1/tokens", "{\"name\":\"made\",\"role\":\"viewer\"}");
            case "DELETE /api/v1/tokens/{id}": {
                String id = admin.post("/api/v1/tokens", "{\"name\":\"doomed\",\"role\":\"viewer\"}")
                        .json()
                        .path("id")
                        .asText();
                return h -> h.send("DELETE", "/api/v1/tokens/" + id, null);
            }
            case "POST /api/v1/incoming/{id}/declare": {
                String id = incoming(admin);
                return h -> h.post("/api/v1/incoming/" + id + "/declare", "{\"severity\":\"high\"}");
            }
            case "POST /api/v1/incoming/{id}/dismiss": {
                return h -> h.post("/api/v1/incoming/" + incoming(admin) + "/dismiss", "{\"outcome\":\"noise\"}");
            }
            case "POST /incoming/{id}/dismiss": {
                return h -> h.send(
                        "POST",
                        "/incoming/" + incoming(admin).substring(6) + "/dismiss",
                        "outcome=noise",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            }
            case "GET /api/v1/incoming/{id}", "GET /api/v1/incoming/{id}/draft", "GET /incoming/{id}": {
                String id = incoming(admin);
                String path = route.substring(route.indexOf(' ') + 1).replace("{id}", id.substring(6));
                return h -> h.get(path);
            }
            case "POST /api/v1/deploys":
                return h -> h.post("/api/v1/deploys", "{\"system\":\"payments\",\"version\":\"1\"}");
            case "POST /api/v1/hotfixes/{id}/deploys/{role}": {
                return h -> h.post("/api/v1/hotfixes/HOTFIX-001/deploys/cause", "{\"deploy\":" + deploy(admin) + "}");
            }
            case "POST /hotfixes/{id}/deploys/{role}": {
                return h -> h.send(
                        "POST",
                        "/hotfixes/HOTFIX-001/deploys/cause",
                        "deploy=" + deploy(admin),
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            }
            case "POST /api/v1/risks":
                return h -> h.post("/api/v1/risks", "{\"hotfix\":\"HOTFIX-001\",\"statement\":\"s\"}");
            case "GET /api/v1/risks/{id}":
                return h -> h.get("/api/v1/risks/" + risk(admin));
            case "POST /api/v1/risks/{id}/retire":
                return h -> h.post("/api/v1/risks/" + risk(admin) + "/retire", "{\"reason\":\"fixed\"}");
            case "POST /api/v1/risks/{id}/reaccept":
                return h -> h.post(
                        "/api/v1/risks/" + risk(admin) + "/reaccept",
                        "{\"reason\":\"again\"," + "\"reviewBy\":\"2027-01-01T00:00:00Z\"}");
            case "GET /risks/{id}":
                return h -> h.get("/risks/" + risk(admin));
            case "POST /risks/{id}/retire":
                return h -> h.send(
                        "POST",
                        "/risks/" + risk(admin) + "/retire",
                        "reason=fixed",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            case "POST /risks/{id}/mitigate":
                return h -> h.send(
                        "POST",
                        "/risks/" + risk(admin) + "/mitigate",
                        "controls=a+flag",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            case "POST /risks/{id}/reaccept":
                return h -> h.send(
                        "POST",
                        "/risks/" + risk(admin) + "/reaccept",
                        "reviewBy=2027-01-01&reason=again",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            case "GET /api/v1/lessons/{id}/attachments":
                return h -> h.get("/api/v1/lessons/" + lesson(admin) + "/attachments");
            case "POST /api/v1/hotfixes/{id}/attachments":
            case "POST /hotfixes/{id}/attachments":
                return h -> upload(h, route.replace("{id}", "HOTFIX-001").substring(5));
            case "POST /api/v1/lessons/{id}/attachments":
            case "POST /lessons/{id}/attachments":
                return h -> upload(h, route.replace("{id}", lesson(admin)).substring(5));
            case "GET /api/v1/attachments/{aid}":
                return h -> h.get("/api/v1/attachments/" + attachment(admin));
            case "GET /api/v1/attachments/{aid}/content":
                return h -> h.get("/api/v1/attachments/" + attachment(admin) + "/content");
            case "GET /api/v1/attachment-contents/{sha256}":
                return h -> h.get("/api/v1/attachment-contents/"
                        + upload(admin, "/api/v1/hotfixes/HOTFIX-001/attachments")
                                .json()
                                .path("items")
                                .get(0)
                                .path("sha256")
                                .asText());
            case "GET /attachments/{aid}":
                return h -> h.get("/attachments/" + attachment(admin));
            case "DELETE /api/v1/attachments/{aid}":
                return h -> h.send("DELETE", "/api/v1/attachments/" + attachment(admin) + "?reason=test", null);
            case "POST /attachments/{aid}/delete":
                return h -> h.send(
                        "POST",
                        "/attachments/" + attachment(admin) + "/delete",
                        "reason=test",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
            case "POST /api/v1/migrations":
                return h -> h.post("/api/v1/migrations", migration(true));
            case "GET /api/v1/hotfixes/{id}/source": {
                JsonNode moved =
                        admin.post("/api/v1/migrations", migration(false)).json();
                String id = (moved.path("created").isEmpty() ? moved.path("unchanged") : moved.path("created"))
                        .path(0)
                        .path("hotfixId")
                        .asText();
                return h -> h.get("/api/v1/hotfixes/" + id + "/source");
            }
            case "POST /api/v1/risks/{id}/mitigate":
                return h -> h.post("/api/v1/risks/" + risk(admin) + "/mitigate", "{\"controls\":\"a flag\"}");
            default: {
                if (INGEST_ROUTES.contains(route)) {
                    String method = route.substring(0, route.indexOf(' '));
                    String path = route.substring(route.indexOf(' ') + 1)
                            .replace(
                                    "{name}",
                                    route.contains("alertmanager")
                                            ? "prod"
                                            : route.contains("grafana")
                                                    ? "main"
                                                    : route.contains("deploy")
                                                            ? "ci"
                                                            : route.contains("chat/slack")
                                                                    ? "ws"
                                                                    : route.contains("chat/mattermost")
                                                                            ? "mm"
                                                                            : route.contains("chat/teams")
                                                                                    ? "tm"
                                                                                    : "gh");
                    return h -> h.send(method, path, "{}");
                }
                String path = route.substring(route.indexOf(' ') + 1)
                        .replace("{id}", "HOTFIX-001")
                        .replace("{section}", "fix")
                        .replace("{kind}", "alert");
                return h -> h.get(path);
            }
        }
    }

    /** Posts a small log as a multipart form, as a browser or the CLI does. */
    private static Http.Response upload(Http h, String path) {
        return h.send(
                "POST",
                path,
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.log\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n02:17 ERROR " + UUID.randomUUID()
                        + "\r\n--b--\r\n",
                "Content-Type",
                "multipart/form-data; boundary=b");
    }

    /** A fresh attachment on HOTFIX-001; its id. */
    private static long attachment(Http admin) {
        return upload(admin, "/api/v1/hotfixes/HOTFIX-001/attachments")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
    }

    /** A fresh risk added by hand to HOTFIX-001; its id (RISK-n). */
    private static String risk(Http admin) {
        return admin.post("/api/v1/risks", "{\"hotfix\":\"HOTFIX-001\",\"statement\":\"r\"}")
                .json()
                .path("id")
                .asText();
    }

    /** A fresh open incoming alert, sent with its integration's secret; its id (ALERT-n). */
    private static String incoming(Http admin) {
        String group = UUID.randomUUID().toString();
        Http.Response r = new Http(admin.base())
                .post(
                        "/api/v1/ingest/alertmanager/prod",
                        "{\"version\":\"4\","
                                + "\"groupKey\":\"" + group
                                + "\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\","
                                + "\"labels\":{\"alertname\":\"x\"},\"startsAt\":\"2026-10-04T02:00:00Z\"}]}",
                        "Authorization",
                        "Bearer am-1");
        return r.json().path("incoming").asText();
    }

    /** A fresh deploy of payments; its id. */
    private static long deploy(Http admin) {
        return admin.post("/api/v1/deploys", "{\"system\":\"payments\",\"version\":\"" + UUID.randomUUID() + "\"}")
                .json()
                .path("id")
                .asLong();
    }

    /** A fresh lesson learned from HOTFIX-001; its id. */
    private static String lesson(Http admin) {
        return admin.post("/api/v1/lessons", "{\"title\":\"a lesson\",\"cases\":[\"HOTFIX-001\"]}")
                .json()
                .path("id")
                .asText();
    }

    @BothDatabases
    void auditLog_recordsChangesAndRefusals_withWhoWhatWhereAndWhy_andTheIdACreateMade(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            Http priya = s.as("Priya", Role.RESPONDER);
            priya.post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\"}");
            priya.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");
            priya.post("/api/v1/tokens", "{\"name\":\"sneaky\",\"role\":\"admin\"}");
            s.anonymous().post("/api/v1/hotfixes", "{}");
            new Http(s.url(), "hfx_wrong").get("/api/v1/hotfixes");
            s.as("Vik", Role.VIEWER).get("/api/v1/hotfixes");

            List<String> lines = new ArrayList<>();
            s.http()
                    .get("/api/v1/audit?limit=10")
                    .json()
                    .path("items")
                    .forEach(e -> lines.add(
                            e.path("actor").asText() + " | " + e.path("action").asText() + " | "
                                    + e.path("subject").asText()
                                    + " | " + e.path("source").asText() + " | "
                                    + e.path("outcome").asInt() + " | "
                                    + e.path("detail").asText()));
            assertThat(lines)
                    .containsExactlyInAnyOrder(
                            "Priya | POST /api/v1/hotfixes | HOTFIX-001 | 127.0.0.1 | 201 | null",
                            "Priya | POST /api/v1/hotfixes/HOTFIX-001/events | HOTFIX-001 | 127.0.0.1 | 200 | null",
                            "Priya | POST /api/v1/tokens | null | 127.0.0.1 | 403 | null",
                            "anonymous | POST /api/v1/hotfixes | null | 127.0.0.1 | 401 | no credentials",
                            "anonymous | GET /api/v1/hotfixes | null | 127.0.0.1 | 401 | unknown, expired or revoked token");
        }
    }

    @BothDatabases
    void auditAndHistory_refuseEveryChange_evenStraightInTheDatabase(TestDb db) throws SQLException {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            s.http().post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\"}");
            s.anonymous().post("/api/v1/hotfixes", "{}");
        }
        try (Connection c = DriverManager.getConnection(db.url());
                Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE audit_event SET actor = 'nobody'",
                    "DELETE FROM audit_event",
                    "UPDATE hotfix_revision SET actor = 'nobody'")) {
                SQLException refused = null;
                try {
                    st.executeUpdate(sql);
                } catch (SQLException e) {
                    refused = e;
                }
                assertThat(refused == null ? "accepted" : refused.getMessage())
                        .as(sql)
                        .contains("is append-only");
            }
        }
    }
}
