package dev.hotfixlog.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Alertmanager's and Grafana's webhooks replayed against a real server on both databases: the same delivery
 * 100 times at once is one incoming alert; a group's life (firing, repeat, alert added, some and all resolved, a
 * late re-send, fired again after its hotfix completed, dismissed) leaves each state it should; Grafana's HMAC
 * good, bad and stale; unknown integrations, wrong secrets and garbage refused before anything is stored.
 */
public class IncomingReplayTest {
    public static final String INTEGRATIONS = """
            alertmanager prod bearer=am-secret-1 systems=service
            grafana main hmac=g-secret timestamp-header=X-Grafana-Alerting-Timestamp window=5m
            grafana plain basic=graf:pw""";
    static final String AM = "/api/v1/ingest/alertmanager/prod";
    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    @BothDatabases
    void theSameDeliveryAHundredTimesAtOnce_isOneIncomingAlert(TestDb db) throws Exception {
        try (db;
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.INTEGRATIONS, INTEGRATIONS)), new MutableClock(T0))) {
            Http am = s.anonymous();
            String body = am(
                    "{}/{}:{alertname=\"HighErrorRate\"}",
                    "firing",
                    alert("fp-a", "firing", T0.minusSeconds(120), null, "payments"));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Http.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sent.add(pool.submit(() -> am.post(AM, body, "Authorization", "Bearer am-secret-1")));
            }
            for (Future<Http.Response> f : sent) {
                assertThat(f.get().status()).isEqualTo(200);
            }
            pool.shutdown();
            ExecutorService pool2 = Executors.newFixedThreadPool(16);
            JsonNode all = s.http().get("/api/v1/incoming?state=all").json().path("items");
            assertThat(all).hasSize(1);
            JsonNode one = s.http()
                    .get("/api/v1/incoming/" + all.get(0).path("id").asText())
                    .json();
            assertThat(one.path("deliveries").asInt()).isEqualTo(100);
            // Kept raw, folded: one body, received 100 times.
            assertThat(one.path("received")).hasSize(1);
            assertThat(one.path("received").get(0).path("times").asInt()).isEqualTo(100);
            assertThat(one.path("firing").asInt()).isEqualTo(1);

            // 50 deliveries at once, each with one more alert of another group: merged one after the other.
            List<Future<Http.Response>> grown = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String b = am(
                        "{}/{}:{alertname=\"DiskFull\"}",
                        "firing",
                        alert("fp-" + i, "firing", T0.minusSeconds(60 + i), null, "search"));
                grown.add(pool2.submit(() -> am.post(AM, b, "Authorization", "Bearer am-secret-1")));
            }
            for (Future<Http.Response> f : grown) {
                assertThat(f.get().status()).isEqualTo(200);
            }
            pool2.shutdown();
            JsonNode disk =
                    s.http().get("/api/v1/incoming").json().path("items").get(0);
            assertThat(disk.path("alerts").asInt()).isEqualTo(50);
            assertThat(disk.path("firing").asInt()).isEqualTo(50);
            assertThat(disk.path("deliveries").asInt()).isEqualTo(50);
            assertThat(disk.path("startedAt").asText())
                    .isEqualTo(T0.minusSeconds(109).toString());
            assertThat(s.http().get("/api/v1/incoming?state=all").json().path("items"))
                    .hasSize(2);
        }
    }

    @BothDatabases
    void aGroupsLife_leavesEachStateItShould(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(Map.of(Setting.INTEGRATIONS, INTEGRATIONS)), clock)) {
            Http api = s.http();
            String group = "{}/{}:{alertname=\"HighErrorRate\"}";
            Instant aStart = T0.minusSeconds(180);

            // Firing: a new incoming alert, open, detection = startsAt, alert = first notification.
            JsonNode r = deliver(s, am(group, "firing", alert("fp-a", "firing", aStart, null, "payments")));
            assertThat(r.path("opened").asBoolean()).isTrue();
            String id = r.path("incoming").asText();
            JsonNode a = api.get("/api/v1/incoming/" + id).json();
            assertThat(a.path("state").asText()).isEqualTo("open");
            assertThat(a.path("startedAt").asText()).isEqualTo(aStart.toString());
            assertThat(a.path("firstReceivedAt").asText()).isEqualTo(T0.toString());
            assertThat(a.path("systems").toString()).isEqualTo("[\"payments\"]");
            assertThat(a.path("links").path("source").asText()).isEqualTo("http://prometheus:9090/graph?g0.expr=x");
            assertThat(a.path("links").path("runbook").asText()).isEqualTo("https://runbooks.example/high-errors");
            assertThat(api.get("/api/v1/incoming").json().path("items")).hasSize(1);

            // The repeat interval: the same group again, no new alert.
            clock.advance(Duration.ofMinutes(5));
            r = deliver(s, am(group, "firing", alert("fp-a", "firing", aStart, null, "payments")));
            assertThat(r.path("incoming").asText()).isEqualTo(id);
            assertThat(r.path("opened").asBoolean()).isFalse();

            // Declared through the API: the record is prefilled from the alert.
            JsonNode h = api.post(
                            "/api/v1/incoming/" + id + "/declare",
                            "{\"triage\":{\"productionDown\":true,\"canWait\":false}}")
                    .json();
            String hotfix = h.path("id").asText();
            assertThat(h.path("title").asText()).isEqualTo("Error rate above 5% on payments");
            assertThat(h.path("severity").asText()).isEqualTo("critical");
            assertThat(h.path("systemsAffected").toString()).isEqualTo("[\"payments\"]");
            assertThat(h.path("detectedAt").asText()).isEqualTo(aStart.toString());
            assertThat(h.path("alertedAt").asText()).isEqualTo(T0.toString());
            assertThat(h.path("monitoring").asText())
                    .contains("http://prometheus:9090/graph?g0.expr=x", "https://runbooks.example/high-errors");
            // Declaring it again is the same hotfix.
            assertThat(api.post("/api/v1/incoming/" + id + "/declare", "{}")
                            .json()
                            .path("id")
                            .asText())
                    .isEqualTo(hotfix);

            // A new alert joins the group: attached to the declared hotfix.
            clock.advance(Duration.ofMinutes(1));
            Instant bStart = T0.plusSeconds(330);
            r = deliver(
                    s,
                    am(
                            group,
                            "firing",
                            alert("fp-a", "firing", aStart, null, "payments"),
                            alert("fp-b", "firing", bStart, null, "payments")));
            assertThat(r.path("incoming").asText()).isEqualTo(id);
            assertThat(r.path("hotfix").asText()).isEqualTo(hotfix);
            assertThat(api.get("/api/v1/incoming/" + id).json().path("firing").asInt())
                    .isEqualTo(2);

            // Some resolved.
            clock.advance(Duration.ofMinutes(1));
            Instant aEnd = clock.instant().minusSeconds(10);
            deliver(
                    s,
                    am(
                            group,
                            "firing",
                            alert("fp-a", "resolved", aStart, aEnd, "payments"),
                            alert("fp-b", "firing", bStart, null, "payments")));
            a = api.get("/api/v1/incoming/" + id).json();
            assertThat(a.path("firing").asInt()).isEqualTo(1);
            assertThat(a.path("clearedAt").isNull()).isTrue();

            // All resolved: cleared, and the hotfix records it; it is not resolved by it.
            clock.advance(Duration.ofMinutes(1));
            Instant bEnd = clock.instant().minusSeconds(5);
            deliver(
                    s,
                    am(
                            group,
                            "resolved",
                            alert("fp-a", "resolved", aStart, aEnd, "payments"),
                            alert("fp-b", "resolved", bStart, bEnd, "payments")));
            assertThat(api.get("/api/v1/incoming/" + id)
                            .json()
                            .path("clearedAt")
                            .asText())
                    .isEqualTo(bEnd.toString());
            JsonNode record = api.get("/api/v1/hotfixes/" + hotfix).json();
            assertThat(record.path("alertsClearedAt").asText()).isEqualTo(bEnd.toString());
            assertThat(record.path("status").asText()).isEqualTo("active");
            assertThat(api.get("/api/v1/hotfixes/" + hotfix + "/history").body())
                    .contains("alertsClearedAt", "alerts:alertmanager/prod");

            // A late re-send from an HA peer (same start, firing) does not re-open what resolved.
            deliver(s, am(group, "firing", alert("fp-b", "firing", bStart, null, "payments")));
            assertThat(api.get("/api/v1/incoming/" + id).json().path("firing").asInt())
                    .isZero();

            // The hotfix is completed; the group fires again: a new incoming alert, a repeat of it.
            api.post("/api/v1/hotfixes/" + hotfix + "/events", "{\"type\":\"deployed\"}");
            api.post("/api/v1/hotfixes/" + hotfix + "/events", "{\"type\":\"resolved\"}");
            clock.advance(Duration.ofHours(2));
            r = deliver(
                    s,
                    am(group, "firing", alert("fp-a", "firing", clock.instant().minusSeconds(60), null, "payments")));
            assertThat(r.path("opened").asBoolean()).isTrue();
            assertThat(r.path("repeatOf").asText()).isEqualTo(hotfix);
            String again = r.path("incoming").asText();
            assertThat(again).isNotEqualTo(id);
            assertThat(api.get("/api/v1/incoming/" + again)
                            .json()
                            .path("repeatOf")
                            .asText())
                    .isEqualTo(hotfix);

            // Dismissed as noise while still firing: its re-sends attach to it; once it clears, a new firing is
            // a new question.
            JsonNode dismissed = api.post("/api/v1/incoming/" + again + "/dismiss", "{\"outcome\":\"noise\"}")
                    .json();
            assertThat(dismissed.path("state").asText()).isEqualTo("dismissed");
            assertThat(dismissed.path("outcome").asText()).isEqualTo("noise");
            Instant start3 = clock.instant().minusSeconds(60);
            assertThat(deliver(s, am(group, "firing", alert("fp-a", "firing", start3, null, "payments")))
                            .path("incoming")
                            .asText())
                    .isEqualTo(again);
            assertThat(api.get("/api/v1/incoming").json().path("items")).isEmpty();
            clock.advance(Duration.ofMinutes(3));
            String resolved = am(group, "resolved", alert("fp-a", "resolved", start3, clock.instant(), "payments"));
            deliver(s, resolved);
            // The resolution again (a retry, another peer): it belongs to the finished group, not a new question.
            assertThat(deliver(s, resolved).path("incoming").asText()).isEqualTo(again);
            assertThat(api.get("/api/v1/incoming?state=all").json().path("items"))
                    .hasSize(2);
            clock.advance(Duration.ofMinutes(30));
            JsonNode third =
                    deliver(s, am(group, "firing", alert("fp-a", "firing", clock.instant(), null, "payments")));
            assertThat(third.path("opened").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/incoming?state=all").json().path("items"))
                    .hasSize(3);

            // A dismissal needs an outcome; a duplicate says of what; a decided one cannot be decided again.
            String thirdId = third.path("incoming").asText();
            assertThat(api.post("/api/v1/incoming/" + thirdId + "/dismiss", "{\"outcome\":\"declared\"}")
                            .status())
                    .isEqualTo(422);
            assertThat(api.post("/api/v1/incoming/" + thirdId + "/dismiss", "{\"outcome\":\"duplicate\"}")
                            .body())
                    .contains("note");
            assertThat(api.post("/api/v1/incoming/" + again + "/dismiss", "{\"outcome\":\"noise\"}")
                            .status())
                    .isEqualTo(409);
        }
    }

    @BothDatabases
    void wrongSecretsUnknownIntegrationsAndGarbage_areRefusedAuditedAndStoreNothing(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(Map.of(Setting.INTEGRATIONS, INTEGRATIONS)), clock)) {
            Http anon = s.anonymous();
            String body = am("g1", "firing", alert("fp-a", "firing", T0, null, "payments"));
            assertThat(anon.post(AM, body).status()).isEqualTo(401);
            Http.Response wrong = anon.post(AM, body, "Authorization", "Bearer wrong");
            assertThat(wrong.status()).isEqualTo(401);
            // A name no entry has answers as a wrong secret does: the names cannot be found by asking.
            Http.Response unknown =
                    anon.post("/api/v1/ingest/alertmanager/staging", body, "Authorization", "Bearer am-secret-1");
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(unknown.body().replace("alertmanager/staging", "alertmanager/prod"))
                    .isEqualTo(wrong.body());
            // A person's API token is not an integration's secret.
            assertThat(s.http().post(AM, body).status()).isEqualTo(401);
            // Garbage names its field; nothing is stored.
            Http.Response bad = anon.post(
                    AM,
                    "{\"groupKey\":\"g\",\"status\":\"on fire\",\"alerts\":[{\"status\":"
                            + "\"firing\",\"startsAt\":\"yesterday\"}]}",
                    "Authorization",
                    "Bearer am-secret-1");
            assertThat(bad.status()).isIn(400, 422);
            assertThat(bad.body()).contains("status", "alerts[0].startsAt");
            assertThat(anon.post(AM, "[1,2", "Authorization", "Bearer am-secret-1")
                            .status())
                    .isEqualTo(400);
            assertThat(anon.post(
                                    AM,
                                    "{\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":\"x\"}",
                                    "Authorization",
                                    "Bearer am-secret-1")
                            .body())
                    .contains("alerts", "must be a list of alerts");
            // A link the pages would not show as one is not kept.
            assertThat(AlertPayloads.safeLink("javascript:alert(1)")).isNull();
            assertThat(AlertPayloads.safeLink("https://ok.example/a\tb")).isNull();
            assertThat(s.http().get("/api/v1/incoming?state=all").json().path("items"))
                    .isEmpty();
            String audit = s.http().get("/api/v1/audit").body();
            assertThat(audit)
                    .contains(
                            "missing or wrong bearer token",
                            "/api/v1/ingest/alertmanager/staging",
                            "no alertmanager integration named 'staging'");
        }
    }

    @BothDatabases
    void grafanasHmac_goodBadAndStale(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(Map.of(Setting.INTEGRATIONS, INTEGRATIONS)), clock)) {
            Http anon = s.anonymous();
            String body = grafana();
            String ts = String.valueOf(T0.getEpochSecond());
            String good = Integrations.hmacHex("g-secret", (ts + ":" + body).getBytes(StandardCharsets.UTF_8));
            String path = "/api/v1/ingest/grafana/main";
            assertThat(anon.post(path, body, "X-Grafana-Alerting-Signature", good, "X-Grafana-Alerting-Timestamp", ts)
                            .status())
                    .isEqualTo(200);
            // A signature over other bytes, and one made with another secret.
            assertThat(anon.post(
                                    path,
                                    body.replace("firing", "resolved"),
                                    "X-Grafana-Alerting-Signature",
                                    good,
                                    "X-Grafana-Alerting-Timestamp",
                                    ts)
                            .status())
                    .isEqualTo(401);
            assertThat(anon.post(
                                    path,
                                    body,
                                    "X-Grafana-Alerting-Signature",
                                    Integrations.hmacHex("other", (ts + ":" + body).getBytes(StandardCharsets.UTF_8)),
                                    "X-Grafana-Alerting-Timestamp",
                                    ts)
                            .status())
                    .isEqualTo(401);
            // Stale: signed correctly ten minutes ago, replayed now.
            String old = String.valueOf(T0.minusSeconds(600).getEpochSecond());
            assertThat(anon.post(
                                    path,
                                    body,
                                    "X-Grafana-Alerting-Signature",
                                    Integrations.hmacHex(
                                            "g-secret", (old + ":" + body).getBytes(StandardCharsets.UTF_8)),
                                    "X-Grafana-Alerting-Timestamp",
                                    old)
                            .status())
                    .isEqualTo(401);
            // Basic auth, as a contact point without HMAC sends it.
            String basic = "Basic " + Base64.getEncoder().encodeToString("graf:pw".getBytes());
            assertThat(anon.post("/api/v1/ingest/grafana/plain", body, "Authorization", basic)
                            .status())
                    .isEqualTo(200);
            assertThat(anon.post(
                                    "/api/v1/ingest/grafana/plain",
                                    body,
                                    "Authorization",
                                    "Basic " + Base64.getEncoder().encodeToString("graf:nope".getBytes()))
                            .status())
                    .isEqualTo(401);

            JsonNode items = s.http().get("/api/v1/incoming?state=all").json().path("items");
            // One group per integration: the same groupKey through two integrations is two senders.
            assertThat(items).hasSize(2);
            JsonNode g = s.http()
                    .get("/api/v1/incoming/" + items.get(1).path("id").asText())
                    .json();
            assertThat(g.path("title").asText()).isEqualTo("Checkout latency p99 above 2s");
            assertThat(g.path("links").path("dashboard").asText()).isEqualTo("https://grafana.example/d/abc?orgId=1");
            assertThat(g.path("links").path("silence").asText()).startsWith("https://grafana.example/alerting/silence");
            assertThat(g.path("systems").toString()).isEqualTo("[\"checkout\"]");
            assertThat(g.path("startedAt").asText()).isEqualTo("2026-12-03T02:55:00Z");
        }
    }

    public static JsonNode deliver(RunningServer s, String body) {
        Http.Response r = s.anonymous().post(AM, body, "Authorization", "Bearer am-secret-1");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** An Alertmanager webhook (version 4), as notify/webhook/webhook.go writes it. */
    public static String am(String groupKey, String status, ObjectNode... alerts) {
        ObjectNode m = Json.object();
        m.put("receiver", "hotfix-log");
        m.put("status", status);
        ArrayNode list = m.putArray("alerts");
        for (ObjectNode a : alerts) {
            list.add(a);
        }
        m.putObject("groupLabels").put("alertname", "HighErrorRate");
        m.putObject("commonLabels").put("alertname", "HighErrorRate").put("severity", "critical");
        m.putObject("commonAnnotations").put("summary", "Error rate above 5% on payments");
        m.put("externalURL", "http://alertmanager:9093");
        m.put("version", "4");
        m.put("groupKey", groupKey);
        m.put("truncatedAlerts", 0);
        return Json.write(m);
    }

    public static ObjectNode alert(
            String fingerprint, String status, Instant startsAt, Instant endsAt, String service) {
        ObjectNode a = Json.object();
        a.put("status", status);
        a.putObject("labels")
                .put("alertname", "HighErrorRate")
                .put("service", service)
                .put("severity", "critical")
                .put("instance", fingerprint);
        a.putObject("annotations")
                .put("summary", "Error rate above 5% on " + service)
                .put("description", "5xx ratio is 7% on " + fingerprint)
                .put("runbook_url", "https://runbooks.example/high-errors");
        a.put("startsAt", startsAt.toString());
        a.put("endsAt", endsAt == null ? "0001-01-01T00:00:00Z" : endsAt.toString());
        a.put("generatorURL", "http://prometheus:9090/graph?g0.expr=x");
        a.put("fingerprint", fingerprint);
        return a;
    }

    /** A Grafana webhook contact point's body (version 1), as its documentation shows one. */
    static String grafana() {
        return """
                {
                  "receiver": "hotfix-log",
                  "status": "firing",
                  "orgId": 1,
                  "alerts": [
                    {
                      "status": "firing",
                      "labels": {"alertname": "CheckoutLatency", "grafana_folder": "Shop", "service": "checkout"},
                      "annotations": {"summary": "Checkout latency p99 above 2s"},
                      "startsAt": "2026-12-03T02:55:00Z",
                      "endsAt": "0001-01-01T00:00:00Z",
                      "generatorURL": "https://grafana.example/alerting/grafana/ddfx/view?orgId=1",
                      "fingerprint": "57c6d9296de2ad39",
                      "silenceURL": "https://grafana.example/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DCheckoutLatency",
                      "dashboardURL": "https://grafana.example/d/abc?orgId=1",
                      "panelURL": "https://grafana.example/d/abc?orgId=1&viewPanel=4",
                      "values": {"B": 2.4, "C": 1},
                      "valueString": "[ var='B' labels={} value=2.4 ]"
                    }
                  ],
                  "groupLabels": {"alertname": "CheckoutLatency", "grafana_folder": "Shop"},
                  "commonLabels": {"alertname": "CheckoutLatency", "grafana_folder": "Shop", "service": "checkout"},
                  "commonAnnotations": {"summary": "Checkout latency p99 above 2s"},
                  "externalURL": "https://grafana.example/",
                  "version": "1",
                  "groupKey": "{}/{alertname=\\"CheckoutLatency\\"}:{alertname=\\"CheckoutLatency\\", grafana_folder=\\"Shop\\"}",
                  "truncatedAlerts": 0,
                  "title": "[FIRING:1] CheckoutLatency Shop (checkout)",
                  "state": "alerting",
                  "message": "**Firing**\\n\\nValue: B=2.4"
                }""";
    }
}
