package dev.hotfixlog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;

/**
 * Every metric against values worked out by hand on a small history (below), on both databases. The history,
 * in UTC; the period is Q1 2026 and "now" is 2026-06-01:
 * <pre>
 * H1 critical  detected 01-10 10:00  alert +180 s  fix +1200 s  resolved at 50 min   Configuration rollout [api]
 *              post-mortem done +24 h; process improvement done 01-20; confidence 5
 * H2 high      detected 01-31 23:30  alert +600 s  fix +2400 s  resolved at 75 min   Configuration rollout [api, web]
 *              (spans the month boundary; 02-01 00:30 in Berlin); post-mortem done +72 h (late)
 * H3 medium    detected 02-15 12:00  alert +60 s   no fix       resolved at 30 min   Data freshness problem [etl]
 *              post-mortem never done; process improvement done 02-20
 * H4 critical  detected 03-05 08:00  no alert      fix +15 min  resolved at 40 min   (no type)
 *              post-mortem done +47 h; confidence 4
 * H5 high      detected 03-31 23:30  alert +120 s  still active                    Configuration rollout [web]
 *              (04-01 01:30 in Berlin)
 * H6 medium    detected 2025-12-20 (before the period)                              Data freshness problem [etl]
 * </pre>
 */
public class MetricsTest {
    private static void hotfix(Http api, String json) {
        assertThat(api.post("/api/v1/hotfixes", json).status()).isEqualTo(201);
    }

    private static void event(Http api, int n, String json) {
        assertThat(api.post("/api/v1/hotfixes/HOTFIX-00" + n + "/events", json).status())
                .isEqualTo(200);
    }

    private static void patch(Http api, int n, String json) {
        String id = "HOTFIX-00" + n;
        int v = api.get("/api/v1/hotfixes/" + id).json().path("version").asInt();
        assertThat(api.patch("/api/v1/hotfixes/" + id, json, "If-Match", "\"" + v + "\"")
                        .status())
                .isEqualTo(200);
    }

    public static void history(Http api) {
        hotfix(
                api,
                "{\"title\":\"H1\",\"severity\":\"critical\",\"detectedAt\":\"2026-01-10T10:00:00Z\","
                        + "\"alertedAt\":\"2026-01-10T10:03:00Z\",\"category\":\"Configuration rollout\","
                        + "\"systemsAffected\":[\"api\"],\"confidence\":5}");
        event(api, 1, "{\"type\":\"deployed\",\"at\":\"2026-01-10T10:23:00Z\"}");
        event(api, 1, "{\"type\":\"resolved\",\"at\":\"2026-01-10T10:50:00Z\"}");
        patch(
                api,
                1,
                "{\"followUps\":{\"postmortem\":{\"done\":true,\"doneAt\":\"2026-01-11T10:50:00Z\"},"
                        + "\"processImprovement\":{\"done\":true,\"doneAt\":\"2026-01-20T09:00:00Z\"}}}");
        hotfix(
                api,
                "{\"title\":\"H2\",\"severity\":\"high\",\"detectedAt\":\"2026-01-31T23:30:00Z\","
                        + "\"alertedAt\":\"2026-01-31T23:40:00Z\",\"category\":\"Configuration rollout\","
                        + "\"systemsAffected\":[\"api\",\"web\"]}");
        event(api, 2, "{\"type\":\"deployed\",\"at\":\"2026-02-01T00:20:00Z\"}");
        event(api, 2, "{\"type\":\"resolved\",\"at\":\"2026-02-01T00:45:00Z\"}");
        patch(api, 2, "{\"followUps\":{\"postmortem\":{\"done\":true,\"doneAt\":\"2026-02-04T00:45:00Z\"}}}");
        hotfix(
                api,
                "{\"title\":\"H3\",\"severity\":\"medium\",\"detectedAt\":\"2026-02-15T12:00:00Z\","
                        + "\"alertedAt\":\"2026-02-15T12:01:00Z\",\"category\":\"Data freshness problem\","
                        + "\"systemsAffected\":[\"etl\"]}");
        event(api, 3, "{\"type\":\"resolved\",\"withoutDeploy\":true,\"at\":\"2026-02-15T12:30:00Z\"}");
        patch(api, 3, "{\"followUps\":{\"processImprovement\":{\"done\":true,\"doneAt\":\"2026-02-20T09:00:00Z\"}}}");
        hotfix(
                api,
                "{\"title\":\"H4\",\"severity\":\"critical\",\"detectedAt\":\"2026-03-05T08:00:00Z\","
                        + "\"confidence\":4}");
        event(api, 4, "{\"type\":\"deployed\",\"at\":\"2026-03-05T08:15:00Z\"}");
        event(api, 4, "{\"type\":\"resolved\",\"at\":\"2026-03-05T08:40:00Z\"}");
        patch(api, 4, "{\"followUps\":{\"postmortem\":{\"done\":true,\"doneAt\":\"2026-03-07T07:40:00Z\"}}}");
        hotfix(
                api,
                "{\"title\":\"H5\",\"severity\":\"high\",\"detectedAt\":\"2026-03-31T23:30:00Z\","
                        + "\"alertedAt\":\"2026-03-31T23:32:00Z\",\"category\":\"Configuration rollout\","
                        + "\"systemsAffected\":[\"web\"]}");
        hotfix(
                api,
                "{\"title\":\"H6\",\"severity\":\"medium\",\"detectedAt\":\"2025-12-20T10:00:00Z\","
                        + "\"category\":\"Data freshness problem\",\"systemsAffected\":[\"etl\"]}");
        event(api, 6, "{\"type\":\"resolved\",\"withoutDeploy\":true,\"at\":\"2025-12-20T11:00:00Z\"}");
        patch(api, 6, "{\"followUps\":{\"postmortem\":{\"done\":true}}}");
    }

    private static String stats(JsonNode s) {
        return s.path("count").asInt() + " " + s.path("medianSeconds").asText() + " "
                + s.path("p90Seconds").asText() + " " + s.path("withinTarget").asInt() + " "
                + s.path("shareWithinTarget").asText();
    }

    @BothDatabases
    void everyMetric_matchesTheHandComputedValues(TestDb db) {
        MutableClock clock = MutableClock.at("2026-06-01T00:00:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            Http api = s.http();
            history(api);
            JsonNode m = api.get("/api/v1/metrics?from=2026-01&to=2026-04").json();
            assertThat(m.path("hotfixes").asInt()).isEqualTo(5);

            JsonNode all = m.path("responseTime").path("all");
            // 60, 120, 180, 600: median rank 2, p90 rank 4; under 5 min: 3 of 4
            assertThat(stats(all.path("detectionToAlert"))).isEqualTo("4 120 600 3 0.75");
            // 1200, 2400 (H3 had no fix, H4 no alert, H5 no fix yet)
            assertThat(stats(all.path("alertToFix"))).isEqualTo("2 1200 2400 1 0.5");
            // 1800, 2400, 3000, 4500: H5 is not resolved
            assertThat(stats(all.path("total"))).isEqualTo("4 2400 4500 3 0.75");
            assertThat(stats(m.path("responseTime").path("critical").path("detectionToAlert")))
                    .isEqualTo("1 180 180 1 1.0");
            assertThat(stats(m.path("responseTime").path("critical").path("total")))
                    .isEqualTo("2 2400 3000 2 1.0");
            assertThat(stats(m.path("responseTime").path("high").path("alertToFix")))
                    .isEqualTo("1 2400 2400 0 0.0");
            assertThat(stats(m.path("responseTime").path("medium").path("alertToFix")))
                    .isEqualTo("0 null null 0 null");

            JsonNode lv = m.path("learningVelocity");
            // resolved in the period: H1 on time, H2 late, H3 never (48 h long over), H4 on time (47 h)
            assertThat(lv.path("postmortemsDue").asInt()).isEqualTo(4);
            assertThat(lv.path("postmortemsOnTime").asInt()).isEqualTo(2);
            assertThat(lv.path("postmortemShare").asDouble()).isEqualTo(0.5);
            assertThat(lv.path("processImprovementsPerQuarter").toString())
                    .isEqualTo("[{\"period\":\"2026-Q1\",\"count\":2}]");
            // H1's improvement (01-20) was followed by H2 of the same type (01-31): not held. H3's held 90 days.
            assertThat(lv.path("preventionsWatched").asInt()).isEqualTo(2);
            assertThat(lv.path("preventionsHeld").asInt()).isEqualTo(1);
            assertThat(lv.path("preventionRate").asDouble()).isEqualTo(0.5);

            JsonNode th = m.path("teamHealth");
            assertThat(th.path("perMonth").toString())
                    .isEqualTo("[{\"period\":\"2026-01\",\"count\":2},"
                            + "{\"period\":\"2026-02\",\"count\":1},{\"period\":\"2026-03\",\"count\":2}]");
            assertThat(th.path("frequencyTrend").asText()).isEqualTo("up");
            // H2 repeats H1 (api), H3 repeats H6 from before the period (etl), H5 repeats H2 (web)
            assertThat(th.path("repeats").asInt()).isEqualTo(3);
            assertThat(th.path("repeatShare").asDouble()).isEqualTo(0.6);
            assertThat(th.path("confidence").toString()).isEqualTo("{\"4\":1,\"5\":1}");
            assertThat(th.path("confidenceAverage").asDouble()).isEqualTo(4.5);

            assertThat(m.path("emergencyTypes"))
                    .filteredOn(
                            t -> t.path("count").asInt() + t.path("previous").asInt() > 0)
                    .extracting(t -> t.path("type").asText() + " "
                            + t.path("count").asInt() + "/" + t.path("previous").asInt() + " "
                            + t.path("trend").asText() + " " + t.path("builtIn").asBoolean())
                    .containsExactly(
                            "Configuration rollout 3/0 up true",
                            "Data freshness problem 1/1 flat true",
                            "(no type) 1/0 up false");
            assertThat(m.path("emergencyTypes"))
                    .extracting(t -> t.path("type").asText())
                    .contains(
                            "Live media workflow",
                            "Build dependency",
                            "Operational dashboard",
                            "Third-party API outages");
        }
    }

    @BothDatabases
    void aHotfixNamingOneSystemTwice_doesNotRepeatItself_andSameMomentHotfixesRepeatInNumberOrder(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            Http api = s.http();
            hotfix(
                    api,
                    "{\"title\":\"twice\",\"severity\":\"high\",\"detectedAt\":\"2026-01-10T10:00:00Z\","
                            + "\"category\":\"Memory leaks under load\",\"systemsAffected\":[\"api\",\"api\"]}");
            JsonNode m = api.get("/api/v1/metrics?from=2026-01&to=2026-02").json();
            assertThat(m.path("teamHealth").path("repeats").asInt()).isZero();
            hotfix(
                    api,
                    "{\"title\":\"same moment\",\"severity\":\"high\",\"detectedAt\":\"2026-01-10T10:00:00Z\","
                            + "\"category\":\"Memory leaks under load\",\"systemsAffected\":[\"api\"]}");
            m = api.get("/api/v1/metrics?from=2026-01&to=2026-02").json();
            assertThat(m.path("teamHealth").path("repeats").asInt()).isEqualTo(1);
        }
    }

    @BothDatabases
    void monthsAndPeriods_followTheTimeZone_andAnEmptyPeriodHasNoNumbers(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            Http api = s.http();
            history(api);
            // In Berlin, H2 was detected on 1 February and H5 on 1 April (outside the period).
            JsonNode berlin = api.get("/api/v1/metrics?from=2026-01&to=2026-04&zone=Europe/Berlin")
                    .json();
            assertThat(berlin.path("from").asText()).isEqualTo("2025-12-31T23:00:00Z");
            assertThat(berlin.path("hotfixes").asInt()).isEqualTo(4);
            assertThat(berlin.path("teamHealth").path("perMonth").toString())
                    .isEqualTo(
                            "[{\"period\":\"2026-01\","
                                    + "\"count\":1},{\"period\":\"2026-02\",\"count\":2},{\"period\":\"2026-03\",\"count\":1}]");
            assertThat(berlin.path("teamHealth").path("frequencyTrend").asText())
                    .isEqualTo("down");

            JsonNode empty = api.get("/api/v1/metrics?from=2024-01&to=2024-04").json();
            assertThat(empty.path("hotfixes").asInt()).isZero();
            assertThat(stats(empty.path("responseTime").path("all").path("total")))
                    .isEqualTo("0 null null 0 null");
            assertThat(empty.path("learningVelocity").path("postmortemShare").isNull())
                    .isTrue();
            assertThat(empty.path("learningVelocity").path("preventionRate").isNull())
                    .isTrue();
            assertThat(empty.path("teamHealth").path("repeatShare").isNull()).isTrue();
            assertThat(empty.path("teamHealth").path("confidenceAverage").isNull())
                    .isTrue();
            assertThat(empty.path("teamHealth").path("frequencyTrend").asText()).isEqualTo("flat");

            assertThat(api.get("/api/v1/metrics?from=2026-04&to=2026-01").status())
                    .isEqualTo(422);
            assertThat(api.get("/api/v1/metrics?zone=Mars/Olympus")
                            .json()
                            .path("errors")
                            .get(0)
                            .path("field")
                            .asText())
                    .isEqualTo("zone");
            assertThat(api.get("/api/v1/metrics?from=last+tuesday").status()).isEqualTo(422);
        }
    }

    @BothDatabases
    void warningSigns_builtInAndExternal_breachShowsOnTheBoard_andPrometheusHasTheGauges(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            Http api = s.http();
            history(api);
            assertThat(api.send(
                                    "PUT",
                                    "/api/v1/signals/checkout-p99-ms",
                                    "{\"value\":950,\"threshold\":800,"
                                            + "\"direction\":\"above\",\"description\":\"Checkout p99 latency (ms)\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.send(
                                    "PUT",
                                    "/api/v1/signals/disk-free",
                                    "{\"value\":40,\"threshold\":10," + "\"direction\":\"below\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.send("PUT", "/api/v1/signals/repeat-share", "{\"value\":1,\"threshold\":0}")
                            .status())
                    .as("a built-in name")
                    .isEqualTo(422);
            assertThat(api.send("PUT", "/api/v1/signals/x", "{\"value\":\"high\"}")
                            .json()
                            .path("errors")
                            .toString())
                    .contains("\"field\":\"value\"")
                    .contains("\"field\":\"threshold\"");

            JsonNode signs = api.get("/api/v1/signals").json().path("items");
            assertThat(signs)
                    .extracting(
                            n -> n.path("name").asText() + " " + n.path("value").asDouble() + " "
                                    + n.path("breached").asBoolean())
                    .containsExactly(
                            "hotfixes-per-week 0.0 false",
                            // of H4 and H5 (the last 90 days), H5 repeats H2
                            "repeat-share 0.5 true",
                            // H3's post-mortem; and every undone follow-up of H1-H4 and H6 past its default due time:
                            // 2 + 3 + 3 + 3 + 3
                            "overdue-postmortems 1.0 true",
                            "overdue-followups 14.0 true",
                            "expired-risks 0.0 false",
                            "checkout-p99-ms 950.0 true",
                            "disk-free 40.0 false");
            assertThat(api.get("/").body())
                    .contains("Warning sign: Checkout p99 latency (ms) is 950, above 800")
                    .contains("Warning sign: Post-mortems past their due time is 1, above 0");

            String prometheus = api.get("/metrics").body();
            assertThat(prometheus)
                    .contains("hotfix_open{severity=\"high\"} 1.0")
                    .contains("hotfix_open{severity=\"critical\"} 0.0")
                    .contains("hotfix_followups_overdue 14.0")
                    .contains("hotfix_warning_signs_breached 4.0")
                    .contains("jvm_memory_used_bytes");
            assertThat(s.anonymous().get("/metrics").status()).isEqualTo(401);
        }
    }
}
