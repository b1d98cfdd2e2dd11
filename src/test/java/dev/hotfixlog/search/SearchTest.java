package dev.hotfixlog.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Search across hotfixes and lessons with the database's own engine, on both: ranking, snippets, filters. */
class SearchTest {
    static void corpus(Http api) {
        api.post(
                "/api/v1/hotfixes",
                "{\"title\":\"Checkout 502 after TLS certificate rotation\",\"severity\":\"critical\","
                        + "\"detectedAt\":\"2026-03-02T10:00:00Z\",\"category\":\"Configuration rollout\","
                        + "\"problem\":\"The payments gateway rejected the new certificate chain.\","
                        + "\"operatingRule\":\"Rotate certificates behind a canary.\"}");
        api.post(
                "/api/v1/hotfixes",
                "{\"title\":\"Search index stale for six hours\",\"severity\":\"high\","
                        + "\"detectedAt\":\"2026-05-10T10:00:00Z\",\"category\":\"Data freshness problem\","
                        + "\"problem\":\"The indexer stalled on a poisoned message; the certificate store was fine.\"}");
        api.post(
                "/api/v1/hotfixes",
                "{\"title\":\"Connection pool exhausted by the enricher\",\"severity\":\"high\","
                        + "\"detectedAt\":\"2026-06-01T10:00:00Z\",\"category\":\"Database connection failures\","
                        + "\"problem\":\"Transactions stayed open while the enricher deployed new workers.\"}");
        api.post(
                "/api/v1/hotfixes",
                "{\"title\":\"Feed outage\",\"severity\":\"medium\","
                        + "\"detectedAt\":\"2026-07-01T10:00:00Z\",\"problem\":\"Deploys of the feed service failed <script>"
                        + "alert(1)</script> & nobody noticed.\"}");
        api.post(
                "/api/v1/lessons",
                "{\"title\":\"Commit before async I/O\",\"cases\":[\"HOTFIX-003\"],"
                        + "\"summary\":\"A transaction waiting on HTTP holds its pool slot.\","
                        + "\"category\":\"Database connection failures\",\"operatingRule\":\"Never hold a transaction "
                        + "across a network call.\"}");
    }

    private static JsonNode search(Http api, String query) {
        return api.get("/api/v1/search?" + query).json().path("items");
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String ids(JsonNode items) {
        StringBuilder sb = new StringBuilder();
        items.forEach(
                n -> sb.append(sb.isEmpty() ? "" : " ").append(n.path("id").asText()));
        return sb.toString();
    }

    @BothDatabases
    void ranking_snippets_stemming_andFilters(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            Http api = s.http();
            corpus(api);
            // In the title beats in the body.
            JsonNode cert = search(api, q("certificate"));
            assertThat(ids(cert)).isEqualTo("HOTFIX-001 HOTFIX-002");
            assertThat(cert.get(0).path("titleHtml").asText()).contains("<mark>certificate</mark>");
            assertThat(cert.get(1).path("snippetHtml").asText()).contains("<mark>certificate</mark>");
            assertThat(cert.get(0).path("rule").asText()).isEqualTo("Rotate certificates behind a canary.");
            assertThat(cert.get(0).path("score").asDouble())
                    .isGreaterThan(cert.get(1).path("score").asDouble());
            // Every word must match; stemming joins deploy, deployed and deploys.
            assertThat(ids(search(api, q("certificate gateway")))).isEqualTo("HOTFIX-001");
            assertThat(ids(search(api, q("deploy")))).contains("HOTFIX-003").contains("HOTFIX-004");
            // Lessons and hotfixes together; filters narrow them.
            assertThat(ids(search(api, q("transaction"))))
                    .contains("LESSON-001")
                    .contains("HOTFIX-003");
            assertThat(ids(search(api, q("transaction") + "&kind=lesson"))).isEqualTo("LESSON-001");
            assertThat(ids(search(api, q("transaction") + "&severity=high"))).isEqualTo("HOTFIX-003");
            assertThat(ids(search(api, q("certificate") + "&category=data%20freshness%20problem")))
                    .isEqualTo("HOTFIX-002");
            assertThat(ids(search(api, q("certificate") + "&from=2026-04-01&to=2026-06-01")))
                    .isEqualTo("HOTFIX-002");
            // Text in a snippet is escaped; only the marks are HTML.
            JsonNode feed = search(api, q("nobody"));
            // SQLite keeps the tag as text (escaped); PostgreSQL's ts_headline drops tags it parses as HTML.
            assertThat(feed.get(0).path("snippetHtml").asText())
                    .contains("alert(1)")
                    .doesNotContain("<script");

            // The index follows every write.
            int v = api.get("/api/v1/hotfixes/HOTFIX-004")
                    .json()
                    .path("version")
                    .asInt();
            api.patch(
                    "/api/v1/hotfixes/HOTFIX-004",
                    "{\"title\":\"Feed outage behind the CDN\"}",
                    "If-Match",
                    "\"" + v + "\"");
            assertThat(ids(search(api, q("cdn")))).isEqualTo("HOTFIX-004");
            // An edit that leaves the text alone keeps it found; one to the body finds the new words.
            api.patch("/api/v1/hotfixes/HOTFIX-004", "{\"severity\":\"high\"}", "If-Match", "\"" + (v + 1) + "\"");
            assertThat(ids(search(api, q("cdn")))).isEqualTo("HOTFIX-004");
            api.patch(
                    "/api/v1/hotfixes/HOTFIX-004",
                    "{\"rootCause\":\"Origin shield misrouted\"}",
                    "If-Match",
                    "\"" + (v + 2) + "\"");
            assertThat(ids(search(api, q("origin shield")))).isEqualTo("HOTFIX-004");
            assertThat(ids(search(api, q("cdn")))).isEqualTo("HOTFIX-004");
            api.send("DELETE", "/api/v1/hotfixes/HOTFIX-004", null);
            assertThat(search(api, q("cdn")).size()).isZero();
        }
    }

    @BothDatabases
    void hostileOrEmptyQueries_findNothing_orWhatTheyWordsSay_neverAnError(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            Http api = s.http();
            corpus(api);
            for (String hostile : new String[] {
                "\"); DROP TABLE hotfix; --",
                "NEAR(a b) OR * ^ :",
                "' | & ! <->",
                "certificate\" OR \"x",
                "*",
                "",
                "   ",
                "ünïcödé 証明書",
                "a".repeat(400)
            }) {
                Http.Response r = api.get("/api/v1/search?" + q(hostile));
                assertThat(r.status()).as(hostile).isEqualTo(200);
            }
            assertThat(ids(search(api, q("certificate\" OR \"x"))))
                    .as("quotes are not syntax")
                    .isEmpty();
            assertThat(api.get("/api/v1/search?" + q("x".repeat(501))).status()).isEqualTo(422);
            assertThat(api.get("/api/v1/search?q=x&kind=people")
                            .json()
                            .path("errors")
                            .get(0)
                            .path("field")
                            .asText())
                    .isEqualTo("kind");
            assertThat(api.get("/search?" + q("certificate")).body()).contains("<mark>certificate</mark>");
            // The page's "to" is a day and includes it (HOTFIX-002 was detected on 2026-05-10); the API's is an
            // instant and excludes it.
            assertThat(api.get("/search?" + q("certificate") + "&to=2026-05-10").body())
                    .contains("HOTFIX-002");
            assertThat(ids(search(api, q("certificate") + "&to=2026-05-10"))).doesNotContain("HOTFIX-002");

            // A pasted log: long tokens and more words than a query may hold. Similar past fixes still answer,
            // on the record page too, and so does a description typed into the declare form.
            StringBuilder log = new StringBuilder("Certificate chain rejected ");
            for (int i = 0; i < 40; i++) {
                log.append("segment")
                        .append((char) ('a' + i % 26))
                        .append("x".repeat(25))
                        .append(i)
                        .append(' ');
            }
            log.append("f".repeat(300));
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Gateway dumped a stack trace\",\"severity\":\"high\"," + "\"problem\":\"" + log
                            + "\"}");
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-005/similar").status()).isEqualTo(200);
            assertThat(api.get("/hotfixes/HOTFIX-005").body()).contains("Similar past fixes");
            assertThat(ids(api.get("/api/v1/similar?text=" + URLEncoder.encode(log.toString(), StandardCharsets.UTF_8))
                            .json()
                            .path("items")))
                    .startsWith("HOTFIX-005");
            assertThat(api.get("/api/v1/similar?text=").json().path("items").size())
                    .isZero();
        }
    }

    @BothDatabases
    void aBrokenSearchIndex_leavesTheRecordPageOpen_withThePanelSayingSo(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            Http api = s.http();
            corpus(api);
            assertThat(api.get("/hotfixes/HOTFIX-002").body()).contains("This looks like");
            // The index gone, as after a botched restore: what searches it fails, the record does not.
            try (Connection c = DriverManager.getConnection(db.url());
                    Statement st = c.createStatement()) {
                st.execute(
                        db.isPostgres() ? "ALTER TABLE hotfix DROP COLUMN search CASCADE" : "DROP TABLE search_text");
            }
            Http.Response page = api.get("/hotfixes/HOTFIX-002");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Search index stale for six hours")
                    .contains("Similar past fixes could not be looked up just now");
            assertThat(api.get("/api/v1/search?" + q("certificate")).status()).isEqualTo(500);
        }
    }
}
