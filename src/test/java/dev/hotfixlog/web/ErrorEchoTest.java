package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import org.assertj.core.api.SoftAssertions;

/**
 * An error answer never shows a secret the request carried, wherever the refusing code quoted it from (a field's
 * name, a query value, the path, a header), and never more than a bounded text: every problem document passes the
 * one masking path in {@link ProblemMapper} on its way out (issue 31: a 422 echoed a truncated secret).
 */
class ErrorEchoTest {
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    @BothDatabases
    void aSecretInAnyPartOfARefusedRequest_isNotInTheAnswer(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http http = s.http();
            String json = "Content-Type";
            Http.Response[] answers = {
                http.post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\",\"" + TOKEN + "\":1}"),
                http.post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"" + TOKEN + "\"}"),
                http.get("/api/v1/metrics?zone=" + TOKEN),
                http.get("/api/v1/hotfixes?status=" + TOKEN),
                http.get("/api/v1/followups?overdue=" + TOKEN),
                http.get("/api/v1/hotfixes/" + TOKEN),
                http.get("/api/v1/hotfixes/" + TOKEN.replace("_", "%5F")), // percent-encoded: the path as sent
                http.get("/api/v1/nothing/" + TOKEN),
                http.patch("/api/v1/hotfixes/HOTFIX-001", "{}", "If-Match", "\"" + TOKEN + "\""),
                http.send("POST", "/api/v1/hotfixes", "{}", json, "application/json; charset=" + TOKEN),
                http.send("POST", "/api/v1/hotfixes", "{}", json, "application/" + TOKEN),
                http.post("/api/v1/ingest/alertmanager/" + TOKEN, "{}"),
            };
            SoftAssertions soft = new SoftAssertions();
            for (Http.Response r : answers) {
                soft.assertThat(r.status()).as(r.body()).isBetween(400, 499);
                soft.assertThat(r.body())
                        .as("answer %s", r.status())
                        .doesNotContain(TOKEN)
                        .doesNotContain(TOKEN.substring(0, 24))
                        .doesNotContain(TOKEN.substring(4, 28));
            }
            soft.assertAll();
        }
    }

    @BothDatabases
    void aRefusalQuotingAHugeValue_answersWithABoundedText(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http.Response r =
                    s.http().post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"" + "h".repeat(100_000) + "\"}");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body().length())
                    .as("a problem quoting a 100,000-character value")
                    .isLessThan(5_000);
        }
    }
}
