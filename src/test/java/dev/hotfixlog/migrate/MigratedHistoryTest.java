package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.MigrateFromApisTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.metrics.Metrics;
import dev.hotfixlog.metrics.MetricsQuery;
import dev.hotfixlog.search.SearchHit;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * History moved in counts: a PagerDuty account where the payments database ran out of connections twice in a
 * fortnight (same incident type, same service) and a search index lagged once. After the migration the success
 * metrics count the second pool exhaustion as a repeat, and declaring the same failure again is offered the
 * imported fix as a similar past fix.
 */
class MigratedHistoryTest {
    @BothDatabases
    void importedHistory_countsTheRepeat_andOffersTheImportedFixAsSimilar(TestDb db) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T12:00:00Z"));
        try (db;
                SourceServer s = new SourceServer(SourceServer.Kind.PAGERDUTY, "Token token=pd-key")) {
            incident(
                    s,
                    "PPOOL1",
                    "Connection pool exhausted on payments database",
                    "payments",
                    "Database connection failures",
                    "2026-11-02T03:10:00Z",
                    "Raised the pool maximum from 20 to 50 and restarted the payment workers");
            incident(
                    s,
                    "PINDEX",
                    "Search index lagging behind writes",
                    "search",
                    "Data freshness problem",
                    "2026-11-06T14:00:00Z",
                    "Paused the reindex job");
            incident(
                    s,
                    "PPOOL2",
                    "Connection pool exhausted on payments database again",
                    "payments",
                    "Database connection failures",
                    "2026-11-15T22:40:00Z",
                    "Raised the pool maximum to 80; added an alert on waiting connections");
            JsonNode report = run(
                    MigrateFromApisTest.cli(db, clock, "pd-key"),
                    "migrate",
                    "pagerduty",
                    "--from",
                    s.url(),
                    "--token-env",
                    "SOURCE_KEY",
                    "--since",
                    "2026-10-01",
                    "--json");
            assertThat(report.path("created")).hasSize(3);
            String first = report.path("created").get(0).path("hotfixId").asText();

            try (App app = App.local(db.config(), clock)) {
                Metrics november = app.metrics()
                        .compute(new MetricsQuery(
                                Instant.parse("2026-11-01T00:00:00Z"),
                                Instant.parse("2026-12-01T00:00:00Z"),
                                ZoneOffset.UTC));
                assertThat(november.hotfixes()).isEqualTo(3);
                assertThat(november.health().repeats())
                        .as("the second pool exhaustion repeats the first")
                        .isEqualTo(1);

                List<SearchHit> similar =
                        app.search().similarTo("Connection pool exhausted on the payments database", 5);
                assertThat(similar).extracting(SearchHit::id).contains(first);
                assertThat(similar.get(0).title().replaceAll("[\\u0002\\u0003]", ""))
                        .startsWith("Connection pool exhausted on payments database");
            }
        }
    }

    private static void incident(
            SourceServer s, String id, String title, String service, String type, String at, String note) {
        Instant created = Instant.parse(at);
        ObjectNode inc = Json.object()
                .put("id", id)
                .put("title", title)
                .put("status", "resolved")
                .put("urgency", "high")
                .put("created_at", at)
                .put("html_url", "https://acme.pagerduty.com/incidents/" + id);
        inc.putObject("service").put("summary", service);
        inc.putObject("incident_type").put("name", type);
        inc.putObject("priority").put("summary", "P1");
        ArrayNode log = Json.mapper().createArrayNode();
        log.addObject()
                .put("type", "notify_log_entry")
                .put("created_at", created.plus(Duration.ofMinutes(2)).toString());
        log.addObject()
                .put("type", "resolve_log_entry")
                .put("created_at", created.plus(Duration.ofMinutes(45)).toString())
                .putObject("agent")
                .put("summary", "Jonas Berg");
        ArrayNode notes = Json.mapper().createArrayNode();
        notes.addObject()
                .put("content", note)
                .put("created_at", created.plus(Duration.ofMinutes(40)).toString())
                .putObject("user")
                .put("summary", "Jonas Berg");
        s.add(inc, Map.of("log_entries", log, "notes", notes));
    }
}
