package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.Setting;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.List;
import java.util.Map;

/**
 * What an independent attacker's replay found read loosely, each refused or read as HTTP says (issue 31): an
 * Accept quality of 0, a header meant once sent twice, a query parameter given twice with two values, Go's zero
 * time in a deploy, a number a team's field cannot keep exactly.
 */
class StrictReadingTest {
    private static final String CLOCK = "2026-12-07T11:00:00Z";
    private static final String DECLARE = "{\"title\":\"Checkout 502\",\"severity\":\"high\"}";

    @BothDatabases
    void aTypeOfQualityZero_isNotTheAnswer(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(CLOCK))) {
            assertThat(s.http().post("/api/v1/hotfixes", DECLARE).status()).isEqualTo(201);
            Http.Response json =
                    s.http().get("/api/v1/hotfixes/HOTFIX-001", "Accept", "text/markdown;q=0, application/json");
            Http.Response markdown =
                    s.http().get("/api/v1/hotfixes/HOTFIX-001", "Accept", "application/json;q=0.5, text/markdown");

            assertThat(json.contentType()).startsWith("application/json");
            assertThat(markdown.contentType()).startsWith("text/markdown");
            assertThat(Accept.preferred("text/html;q=0, */*", List.of("application/problem+json", "text/html")))
                    .isEqualTo("application/problem+json");
        }
    }

    @BothDatabases
    void twoContentTypes_evenTheSameOneTwice_areA400NamingIt_andNothingIsStored(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(CLOCK))) {
            for (String second : List.of("application/json", "text/plain")) {
                Http.Response twice = s.http()
                        .post("/api/v1/hotfixes", DECLARE, "Content-Type", "application/json", "Content-Type", second);

                assertThat(twice.status()).as("application/json and " + second).isEqualTo(400);
                assertThat(twice.json().path("errors").get(0).path("field").asText())
                        .isEqualTo("Content-Type");
            }
            assertThat(s.http().get("/api/v1/hotfixes").json().path("items").size())
                    .isZero();
        }
    }

    @BothDatabases
    void escapesThatAreNotUtf8_inAQueryOrAPath_areA400NamingWhere(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(CLOCK))) {
            for (String query : List.of("%C0%AF", "%FF", "caf%E9", "%ED%A0%80")) {
                Http.Response r = s.http().get("/api/v1/search?q=" + query);

                assertThat(r.status()).as(query).isEqualTo(400);
                assertThat(r.json().path("errors").get(0).path("field").asText())
                        .as(query)
                        .isEqualTo("query");
            }
            assertThat(s.http().get("/api/v1/search?q=caf%C3%A9").status()).isEqualTo(200);
            assertThat(s.http().get("/api/v1/hotfixes/HOTFIX-%C0%AF").status()).isEqualTo(400);
        }
    }

    @BothDatabases
    void aHeaderMeantOnce_sentTwice_isA400NamingIt_andNothingIsStored(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(CLOCK))) {
            Http.Response twice =
                    s.http().post("/api/v1/hotfixes", DECLARE, "Idempotency-Key", "a-1", "Idempotency-Key", "b-2");

            assertThat(twice.status()).isEqualTo(400);
            assertThat(twice.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("Idempotency-Key");
            assertThat(s.http().get("/api/v1/hotfixes").json().path("items").size())
                    .isZero();
        }
    }

    @BothDatabases
    void aQueryParameterGivenTwiceWithTwoValues_isA400NamingIt(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(CLOCK))) {
            Http.Response twice = s.http().get("/api/v1/hotfixes?status=active&status=completed");
            Http.Response same = s.http().get("/api/v1/hotfixes?status=active&status=active");

            assertThat(twice.status()).isEqualTo(400);
            assertThat(twice.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("status");
            assertThat(same.status()).isEqualTo(200);
        }
    }

    @BothDatabases
    void goZeroTimeInADeploy_isNoTime_soTheDeployIsTakenAsNow(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(CLOCK))) {
            Http.Response made = s.http()
                    .post(
                            "/api/v1/deploys",
                            "{\"system\":\"payments\",\"version\":\"1.4.3\"," + "\"at\":\"0001-01-01T00:00:00Z\"}");

            assertThat(made.status()).as(made.body()).isEqualTo(201);
            assertThat(made.json().path("at").asText()).isEqualTo(CLOCK);
        }
    }

    @BothDatabases
    void aTeamNumberBeyondFifteenDigits_isA422_notAnotherNumberStored(TestDb db) {
        try (RunningServer s = new RunningServer(
                db.config(Map.of(Setting.FIELDS, "[{\"name\":\"cost\",\"type\":\"number\"}]")),
                MutableClock.at(CLOCK))) {
            Http.Response huge = s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"x\",\"severity\":\"high\","
                                    + "\"fields\":{\"cost\":123456789012345678901234567890}}");
            Http.Response exact = s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"x\",\"severity\":\"high\"," + "\"fields\":{\"cost\":123456789012345}}");

            assertThat(huge.status()).as(huge.body()).isEqualTo(422);
            assertThat(huge.json().path("errors").get(0).path("field").asText()).isEqualTo("fields.cost");
            assertThat(exact.status()).as(exact.body()).isEqualTo(201);
            assertThat(exact.json().path("fields").path("cost").asLong()).isEqualTo(123456789012345L);
        }
    }
}
