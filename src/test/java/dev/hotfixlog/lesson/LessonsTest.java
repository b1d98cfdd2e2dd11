package dev.hotfixlog.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;

/** Lessons through the REST API on both databases: written from a hotfix, edited, listed, refused, deleted. */
public class LessonsTest {
    /** HOTFIX-001, completed, with a legible write-up. */
    static void completedHotfix(Http api) {
        assertThat(api.post(
                                "/api/v1/hotfixes",
                                "{\"title\":\"Enricher idled the PgBouncer pool\","
                                        + "\"severity\":\"critical\",\"owner\":\"Priya Raman\",\"detectedAt\":\"2026-10-01T02:00:00Z\","
                                        + "\"category\":\"Configuration rollout\","
                                        + "\"constraint\":\"Every enricher held a pooled connection while waiting on an HTTP reply.\","
                                        + "\"signal\":\"cl_waiting fell from 140 to 0 and the 502 rate returned to 0.1%.\","
                                        + "\"boundary\":\"Data team owns the enrichers; platform owns the pool.\","
                                        + "\"operatingRule\":\"Commit before async I/O.\","
                                        + "\"learning\":\"A transaction waiting on I/O holds its pool slot.\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/hotfixes/HOTFIX-001/events",
                                "{\"type\":\"deployed\"," + "\"at\":\"2026-10-01T02:20:00Z\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/hotfixes/HOTFIX-001/events",
                                "{\"type\":\"resolved\"," + "\"at\":\"2026-10-01T02:40:00Z\"}")
                        .status())
                .isEqualTo(200);
    }

    @BothDatabases
    void aLessonFromACompletedHotfix_isPrefilled_editedWithItsVersion_listedAndDeleted(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            Http api = s.http();
            completedHotfix(api);
            Http.Response created = api.post("/api/v1/hotfixes/HOTFIX-001/lesson", "{\"bucket\":\"state-model\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.location()).isEqualTo("/api/v1/lessons/LESSON-001");
            JsonNode l = created.json();
            assertThat(l.path("id").asText()).isEqualTo("LESSON-001");
            assertThat(l.path("title").asText()).isEqualTo("Enricher idled the PgBouncer pool");
            assertThat(l.path("summary").asText()).isEqualTo("A transaction waiting on I/O holds its pool slot.");
            assertThat(l.path("operatingRule").asText()).isEqualTo("Commit before async I/O.");
            assertThat(l.path("category").asText()).isEqualTo("Configuration rollout");
            assertThat(l.path("bucket").asText()).isEqualTo("state-model");
            assertThat(l.path("cases").toString()).isEqualTo("[\"HOTFIX-001\"]");
            assertThat(l.path("published").asBoolean()).isFalse();
            assertThat(l.path("legibility").path("legible").asBoolean()).isTrue();
            assertThat(l.toString()).as("a lesson holds no person").doesNotContain("Priya");

            Http.Response edited = api.patch(
                    "/api/v1/lessons/LESSON-001",
                    "{\"tags\":[\"PgBouncer\",\"pool\"," + "\"pgbouncer\"],\"published\":true}",
                    "If-Match",
                    "\"1\"");
            assertThat(edited.status()).isEqualTo(200);
            assertThat(edited.json().path("tags").toString()).isEqualTo("[\"pgbouncer\",\"pool\"]");
            assertThat(edited.json().path("version").asInt()).isEqualTo(2);
            assertThat(api.patch("/api/v1/lessons/LESSON-001", "{\"title\":\"late\"}", "If-Match", "\"1\"")
                            .status())
                    .as("an edit based on an old version")
                    .isEqualTo(412);
            assertThat(api.get("/api/v1/lessons/LESSON-001")
                            .json()
                            .path("title")
                            .asText())
                    .isEqualTo("Enricher idled the PgBouncer pool");

            // A second, manual lesson: a draft, half written, saved all the same.
            Http.Response draft =
                    api.post("/api/v1/lessons", "{\"title\":\"Half a thought\"," + "\"cases\":[\"HOTFIX-001\"]}");
            assertThat(draft.status()).isEqualTo(201);
            assertThat(draft.json().path("legibility").path("legible").asBoolean())
                    .isFalse();

            assertThat(ids(api.get("/api/v1/lessons").json())).isEqualTo("LESSON-002 LESSON-001");
            assertThat(ids(api.get("/api/v1/lessons?published=true").json())).isEqualTo("LESSON-001");
            assertThat(ids(api.get("/api/v1/lessons?tag=POOL").json())).isEqualTo("LESSON-001");
            assertThat(ids(api.get("/api/v1/lessons?category=configuration%20rollout")
                            .json()))
                    .isEqualTo("LESSON-001");
            assertThat(ids(api.get("/api/v1/lessons?bucket=state-model").json()))
                    .isEqualTo("LESSON-001");
            assertThat(ids(api.get("/api/v1/lessons?hotfix=1").json())).isEqualTo("LESSON-002 LESSON-001");

            assertThat(s.as("responder", Role.RESPONDER)
                            .send("DELETE", "/api/v1/lessons/LESSON-002", null)
                            .status())
                    .isEqualTo(403);
            assertThat(api.send("DELETE", "/api/v1/lessons/LESSON-002", null).status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v1/lessons/LESSON-002").status()).isEqualTo(404);

            // Purging the hotfix takes the case link, not the lesson.
            assertThat(api.send("DELETE", "/api/v1/hotfixes/HOTFIX-001", null).status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v1/lessons/LESSON-001")
                            .json()
                            .path("cases")
                            .toString())
                    .isEqualTo("[]");
        }
    }

    @BothDatabases
    void badLessons_areRefusedWithEveryFieldNamed_andNothingIsStored(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"))) {
            Http api = s.http();
            completedHotfix(api);
            api.post("/api/v1/hotfixes", "{\"title\":\"still burning\",\"severity\":\"high\"}");
            assertThat(api.post("/api/v1/hotfixes/HOTFIX-002/lesson", "").status())
                    .as("a lesson from an active hotfix")
                    .isEqualTo(409);
            assertThat(api.post("/api/v1/hotfixes/HOTFIX-099/lesson", "").status())
                    .isEqualTo(404);

            JsonNode bad = api.post(
                            "/api/v1/lessons",
                            "{\"title\":\"\",\"bucket\":\"vibes\",\"tags\":[\"-x\"],"
                                    + "\"cases\":[\"HOTFIX-001\",\"nope\"],\"published\":\"yes\",\"author\":\"Priya\"}")
                    .json();
            assertThat(bad.path("errors").findValuesAsText("field"))
                    .contains("title", "bucket", "tags", "cases", "published", "author");
            assertThat(api.post("/api/v1/lessons", "{\"title\":\"t\"}")
                            .json()
                            .path("errors")
                            .get(0)
                            .path("field")
                            .asText())
                    .isEqualTo("cases");
            assertThat(api.post("/api/v1/lessons", "{\"title\":\"t\",\"cases\":[\"HOTFIX-404\"]}")
                            .json()
                            .path("errors")
                            .get(0)
                            .path("message")
                            .asText())
                    .isEqualTo("no hotfix HOTFIX-404");
            assertThat(api.post("/api/v1/lessons", "{\"title\":\"t\",\"cases\":[\"HOTFIX-001\"],\"published\":true}")
                            .json()
                            .path("errors")
                            .get(0)
                            .path("field")
                            .asText())
                    .isEqualTo("summary");
            assertThat(api.post("/api/v1/lessons", "{\"title\":\"t\\u0000\",\"cases\":[\"HOTFIX-001\"]}")
                            .status())
                    .isEqualTo(422);
            assertThat(api.get("/api/v1/lessons").json().path("items").size()).isZero();

            JsonNode check = api.post("/api/v1/lessons/check", "{\"signal\":\"We deployed the fix.\"}")
                    .json();
            assertThat(check.path("legible").asBoolean()).isFalse();
            assertThat(check.path("checks").findValuesAsText("key"))
                    .contains("constraint", "observableSignal", "notTimeline");
        }
    }

    private static String ids(JsonNode page) {
        StringBuilder sb = new StringBuilder();
        page.path("items")
                .forEach(n ->
                        sb.append(sb.isEmpty() ? "" : " ").append(n.path("id").asText()));
        return sb.toString();
    }
}
