package dev.hotfixlog.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;

/** DORA's deploys per week on a new log: over the weeks its deploys cover, not the twelve months asked for. */
class DeliveryPerWeekTest {
    private static void deploy(Http api, String system, String at) {
        assertThat(api.post(
                                "/api/v1/deploys",
                                "{\"system\":\"" + system + "\",\"version\":\"" + at + "\",\"at\":\"" + at + "\"}")
                        .status())
                .isEqualTo(201);
    }

    @BothDatabases
    void aLogWithTwoWeeksOfDeploys_averagesOverThoseTwoWeeks_teamAndSystem(TestDb db) {
        MutableClock clock = MutableClock.at("2026-12-15T12:00:00Z");
        try (db;
                RunningServer s = new RunningServer(db.config(), clock)) {
            Http api = s.http();
            // payments from 1 Dec 12:00: 4 deploys in the two weeks to now; search from 8 Dec 12:00: 2 in one week.
            deploy(api, "payments", "2026-12-01T12:00:00Z");
            deploy(api, "payments", "2026-12-04T09:00:00Z");
            deploy(api, "payments", "2026-12-09T09:00:00Z");
            deploy(api, "payments", "2026-12-14T09:00:00Z");
            deploy(api, "search", "2026-12-08T12:00:00Z");
            deploy(api, "search", "2026-12-12T09:00:00Z");
            for (String query : new String[] {"", "?from=2026-01-01&to=2027-01-01"}) {
                JsonNode d = api.get("/api/v1/metrics" + query).json().path("delivery");
                assertThat(d.path("team").path("deploys").asLong()).as(query).isEqualTo(6);
                assertThat(d.path("team").path("deploysPerWeek").asDouble())
                        .as(query)
                        .isCloseTo(3.0, within(1e-9));
                assertThat(d.path("bySystem")
                                .path("payments")
                                .path("deploysPerWeek")
                                .asDouble())
                        .as(query)
                        .isCloseTo(2.0, within(1e-9));
                assertThat(d.path("bySystem")
                                .path("search")
                                .path("deploysPerWeek")
                                .asDouble())
                        .as(query)
                        .isCloseTo(2.0, within(1e-9));
            }
            // A period that began after the first deploy and is over: its own weeks, as before.
            JsonNode week = api.get("/api/v1/metrics?from=2026-12-07&to=2026-12-14")
                    .json()
                    .path("delivery");
            assertThat(week.path("team").path("deploysPerWeek").asDouble()).isCloseTo(3.0, within(1e-9));
        }
    }
}
