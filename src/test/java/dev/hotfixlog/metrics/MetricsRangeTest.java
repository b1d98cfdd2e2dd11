package dev.hotfixlog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;

/**
 * What any viewer may ask of the metrics is bounded (issue 31): at most 20 years at a time, and a time zone of
 * their choosing is computed without growing the database.
 */
class MetricsRangeTest {
    private static long keptMonths(TestDb db, String zone) {
        try (Database d = Database.open(db.url(), "", "", 1)) {
            return d.read(h -> h.createQuery("SELECT COUNT(*) FROM metrics_month WHERE zone = :z")
                    .bind("z", zone)
                    .mapTo(Long.class)
                    .one());
        }
    }

    @BothDatabases
    void aPeriodLongerThanTwentyYears_is422NamingFromAndTo(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            Http.Response answer = s.http().get("/api/v1/metrics?from=0001-01");

            assertThat(answer.status()).isEqualTo(422);
            JsonNode errors = answer.json().path("errors");
            assertThat(errors.size()).isEqualTo(2);
            assertThat(errors.get(0).path("field").asText()).isEqualTo("from");
            assertThat(errors.get(1).path("field").asText()).isEqualTo("to");
            assertThat(errors.get(0).path("message").asText())
                    .isEqualTo("the period from 0001-01-01T00:00:00Z to "
                            + "2026-06-01T00:00:00Z is longer than 20 years; ask for at most 20 years at a time");
            assertThat(s.http().get("/dashboard?from=2006-05-31").status()).isEqualTo(422);
            assertThat(keptMonths(db, "UTC")).as("nothing computed").isZero();
        }
    }

    @BothDatabases
    void fromTheSameDayTwentyYearsAgo_toNow_isAnswered(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T10:00:00Z"))) {
            MetricsTest.history(s.http());

            // Twenty years and ten hours: counted from the start of the month twenty years back, it is within.
            Http.Response answer = s.http().get("/api/v1/metrics?from=2006-06-01");

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("hotfixes").asInt()).isEqualTo(6);
            assertThat(answer.json().path("teamHealth").path("perMonth").size()).isEqualTo(241);
            assertThat(s.http().get("/api/v1/metrics?from=2006-05-31").status()).isEqualTo(422);
        }
    }

    @BothDatabases
    void anotherTimeZone_isAnsweredWithoutGrowingTheKeptMonths(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            Http api = s.http();
            MetricsTest.history(api);
            String q1 = "/api/v1/metrics?from=2026-01&to=2026-04";
            JsonNode utc = api.get(q1).json();
            long keptInUtc = keptMonths(db, "UTC");
            assertThat(keptInUtc).isPositive();

            JsonNode berlin = api.get(q1 + "&zone=Europe/Berlin").json();
            JsonNode tokyo = api.get(q1 + "&zone=Asia/Tokyo").json();

            assertThat(keptMonths(db, "Europe/Berlin")).isZero();
            assertThat(keptMonths(db, "Asia/Tokyo")).isZero();
            assertThat(keptMonths(db, "UTC")).isEqualTo(keptInUtc);
            // H2 (01-31 23:30 UTC) is February's in Berlin; H5 (03-31 23:30 UTC) is April's, outside Q1.
            assertThat(berlin.path("hotfixes").asInt())
                    .isEqualTo(utc.path("hotfixes").asInt() - 1);
            assertThat(api.get(q1 + "&zone=Europe/Berlin").json())
                    .as("asked again")
                    .isEqualTo(berlin);
            assertThat(tokyo.path("zone").asText()).isEqualTo("Asia/Tokyo");
        }
    }
}
