package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;

/**
 * A completed one-line entry has no severity: its record says the severity was not stated (issue 31), through the
 * API, the pages, the metrics, the risk register and a full export, instead of a severity nobody chose.
 */
class SeverityNotStatedTest {
    private static final String PAGE = """
            ## Completed Hotfixes (Last 6 Months)

            ### 🚨 [HOTFIX-002] Login loop for SSO users - 2026-09-21

            **Duration:** 25 minutes | **Follow-up:** Done | **Learning:** Test SSO in the release checklist.
            """;

    @BothDatabases
    void aCompletedOneLineEntry_isImportedWithItsSeverityNotStated_andAFullRoundTripKeepsIt(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            ImportReport r = s.app().markdown().importLog(PAGE, false, "ana", n -> {});
            assertThat(r.created()).containsExactly("HOTFIX-002");
            Http api = s.http();
            JsonNode json = api.get("/api/v1/hotfixes/HOTFIX-002").json();
            assertThat(json.has("severity")).isTrue();
            assertThat(json.get("severity").isNull()).as("severity in %s", json).isTrue();
            assertThat(api.get("/hotfixes/HOTFIX-002").body())
                    .contains("<span class=\"pill pill-sev-none\" id=\"severity\">")
                    .contains("<span class=\"visually-hidden\">Severity: </span> Severity not stated</span>");

            String full = s.app().markdown().export(LogFormat.FULL);
            try (TestDb other = db.isPostgres() ? TestDb.postgres() : TestDb.sqlite();
                    RunningServer t = new RunningServer(other.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
                t.app().markdown().importLog(full, false, "ana", n -> {});
                assertThat(t.http()
                                .get("/api/v1/hotfixes/HOTFIX-002")
                                .json()
                                .get("severity")
                                .isNull())
                        .isTrue();
                assertThat(t.app().markdown().export(LogFormat.FULL))
                        .as("and the same page again")
                        .isEqualTo(full);
            }
        }
    }

    @BothDatabases
    void aRecordWithoutSeverity_isEditable_countedInMetrics_andInTheRiskRegister(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            s.app().markdown().importLog(PAGE, false, "ana", n -> {});
            Http api = s.http();
            Http.Response edited = api.patch("/api/v1/hotfixes/HOTFIX-002", """
                    {"detectedAt": "2026-09-21T09:00:00Z", "alertedAt": "2026-09-21T09:02:00Z",
                     "fixDeployedAt": "2026-09-21T09:20:00Z", "resolvedAt": "2026-09-21T09:25:00Z",
                     "riskAccepted": "The cookie default is pinned, not understood"}""", "If-Match", "\"1\"");
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            assertThat(edited.json().get("severity").isNull())
                    .as("an edit need not choose a severity")
                    .isTrue();

            JsonNode m = api.get("/api/v1/metrics?from=2026-09&to=2026-10").json();
            assertThat(m.path("hotfixes").asInt()).isEqualTo(1);
            assertThat(m.path("responseTime")
                            .path("all")
                            .path("total")
                            .path("count")
                            .asLong())
                    .as("counted in the totals")
                    .isEqualTo(1);
            assertThat(api.get("/dashboard?from=2026-09&to=2026-10").status()).isEqualTo(200);
            Http.Response risks = api.get("/api/v1/risks");
            assertThat(risks.status()).as(risks.body()).isEqualTo(200);
            assertThat(risks.json().path("items")).hasSize(1);
            assertThat(api.get("/risks").status()).isEqualTo(200);
            assertThat(api.get("/hotfixes?status=completed&since=all").body()).contains("not stated");

            Http.Response stated =
                    api.patch("/api/v1/hotfixes/HOTFIX-002", "{\"severity\": \"high\"}", "If-Match", "\"2\"");
            assertThat(stated.status()).as(stated.body()).isEqualTo(200);
            assertThat(stated.json().path("severity").asText()).isEqualTo("high");
            Http.Response takenAway =
                    api.patch("/api/v1/hotfixes/HOTFIX-002", "{\"severity\": null}", "If-Match", "\"3\"");
            assertThat(takenAway.status()).isEqualTo(422);
            assertThat(takenAway.body()).contains("\"severity\"");
        }
    }
}
