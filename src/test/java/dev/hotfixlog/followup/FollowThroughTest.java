package dev.hotfixlog.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

/** Follow-ups across all hotfixes and the hotfix debt ledger, through the API and the pages, on both databases. */
class FollowThroughTest {
    private static void declareAndResolve(Http api, String title, String owner, String extra) {
        String id = api.post(
                        "/api/v1/hotfixes",
                        "{\"title\":\"" + title + "\",\"severity\":\"high\",\"owner\":\"" + owner + "\"" + extra + "}")
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/hotfixes/" + id + "/events", "{\"type\":\"deployed\"}");
        api.post("/api/v1/hotfixes/" + id + "/events", "{\"type\":\"resolved\"}");
    }

    private static void patch(Http api, String id, String body) {
        int version = api.get("/api/v1/hotfixes/" + id).json().path("version").asInt();
        assertThat(api.patch("/api/v1/hotfixes/" + id, body, "If-Match", "\"" + version + "\"")
                        .status())
                .isEqualTo(200);
    }

    private static List<String> rows(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.path("state").asText() + " " + i.path("hotfix").asText() + " "
                        + i.path("kind").asText() + " " + i.path("owner").asText() + " "
                        + i.path("dueAt").asText())
                .toList();
    }

    @BothDatabases
    void overdueFollowUps_byOwner_throughTheApiAndMyFollowUpsPage(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            Http api = s.http();
            declareAndResolve(api, "Checkout 502", "Priya Raman", "");
            clock.advance(Duration.ofDays(1));
            declareAndResolve(
                    api,
                    "Search stale",
                    "Jonas",
                    ",\"followUps\":{\"postmortem\":{\"owner\":\"@priya raman\"},"
                            + "\"properFix\":{\"description\":\"Rebuild the index nightly\",\"link\":\"https://t.example/S-1\"}}");
            api.post("/api/v1/hotfixes", "{\"title\":\"Still burning\",\"severity\":\"critical\"}");

            clock.advance(Duration.ofHours(25)); // HOTFIX-001's post-mortem (due 48 h after) is now 1 h overdue
            assertThat(rows(api.get("/api/v1/followups?overdue=true").json().path("items")))
                    .containsExactly("overdue HOTFIX-001 postmortem Priya Raman 2026-10-06T02:17:00Z");
            assertThat(rows(api.get("/api/v1/followups").json().path("items")))
                    .containsExactly(
                            "overdue HOTFIX-001 postmortem Priya Raman 2026-10-06T02:17:00Z",
                            "due-soon HOTFIX-002 postmortem @priya raman 2026-10-07T02:17:00Z",
                            "open HOTFIX-001 properFix Priya Raman 2026-10-18T02:17:00Z",
                            "open HOTFIX-001 documentation Priya Raman 2026-10-18T02:17:00Z",
                            "open HOTFIX-002 properFix Jonas 2026-10-19T02:17:00Z",
                            "open HOTFIX-002 documentation Jonas 2026-10-19T02:17:00Z",
                            "open HOTFIX-001 processImprovement Priya Raman 2026-11-03T02:17:00Z",
                            "open HOTFIX-002 processImprovement Jonas 2026-11-04T02:17:00Z");
            assertThat(rows(api.get("/api/v1/followups?owner=PRIYA%20RAMAN")
                            .json()
                            .path("items")))
                    .as("the follow-up's owner, else the hotfix's; case and @ ignored")
                    .hasSize(5);
            assertThat(api.get("/api/v1/followups?overdue=maybe").status())
                    .as("a yes/no is true or false")
                    .isEqualTo(400);

            String page = api.get("/followups?owner=Jonas").body();
            assertThat(page)
                    .contains("Follow-ups of Jonas")
                    .contains("Rebuild the index nightly")
                    .contains("href=\"https://t.example/S-1\"")
                    .doesNotContain("HOTFIX-001");
            assertThat(api.get("/followups?owner=*&overdue=true").body())
                    .contains("Overdue")
                    .contains("HOTFIX-001")
                    .doesNotContain("HOTFIX-002");

            patch(api, "HOTFIX-001", "{\"followUps\":{\"postmortem\":{\"done\":true}}}");
            assertThat(api.get("/api/v1/followups?overdue=true").json().path("items"))
                    .isEmpty();
            assertThat(rows(api.get("/api/v1/followups?done=true&owner=priya%20raman")
                            .json()
                            .path("items")))
                    .contains("done HOTFIX-001 postmortem Priya Raman 2026-10-06T02:17:00Z");
        }
    }

    /**
     * A proper fix never done stays on the ledger a year later; ticking it takes it off. The months count what
     * was outstanding at each month's end, taken and repaid.
     */
    @BothDatabases
    void debtLedger_keepsAnUndoneProperFixUntilItIsDone_andSaysWhetherDebtGrowsOrShrinks(TestDb db) {
        MutableClock clock = MutableClock.at("2025-11-10T10:00:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            Http api = s.http();
            declareAndResolve(
                    api,
                    "Old loan",
                    "Ana",
                    ",\"followUps\":{\"properFix\":{\"description\":\"Replace "
                            + "the cron with a queue\",\"link\":\"https://t.example/OPS-9\"}}");
            clock.set(Instant.parse("2026-09-15T10:00:00Z"));
            declareAndResolve(api, "Repaid loan", "Ben", "");
            declareAndResolve(api, "Fresh loan", "Cy", "");
            api.post("/api/v1/hotfixes", "{\"title\":\"Active: no loan yet\",\"severity\":\"critical\"}");
            clock.set(Instant.parse("2026-10-20T10:00:00Z"));
            patch(api, "HOTFIX-002", "{\"followUps\":{\"properFix\":{\"done\":true}}}");

            clock.set(Instant.parse("2026-11-22T10:00:00Z"));
            JsonNode debt = api.get("/api/v1/debt").json();
            assertThat(debt.path("open"))
                    .extracting(l -> l.path("hotfix").asText() + " "
                            + l.path("ageDays").asInt() + " " + l.path("owner").asText())
                    .containsExactly("HOTFIX-001 377 Ana", "HOTFIX-003 68 Cy");
            assertThat(debt.path("open").get(0).path("link").asText()).isEqualTo("https://t.example/OPS-9");
            assertThat(debt.path("months")).hasSize(12);
            assertThat(debt.path("months"))
                    .extracting(m -> m.path("month").asText() + " "
                            + m.path("outstanding").asInt() + "/"
                            + m.path("taken").asInt() + "/" + m.path("repaid").asInt())
                    .containsExactly(
                            "2025-12 1/0/0",
                            "2026-01 1/0/0",
                            "2026-02 1/0/0",
                            "2026-03 1/0/0",
                            "2026-04 1/0/0",
                            "2026-05 1/0/0",
                            "2026-06 1/0/0",
                            "2026-07 1/0/0",
                            "2026-08 1/0/0",
                            "2026-09 3/2/0",
                            "2026-10 2/0/1",
                            "2026-11 2/0/0");
            assertThat(debt.path("trend").asText()).isEqualTo("steady");
            assertThat(api.get("/debt").body())
                    .contains("Replace the cron with a queue")
                    .contains("HOTFIX-003")
                    .contains("proper fix overdue")
                    .doesNotContain("HOTFIX-002")
                    .doesNotContain("HOTFIX-004");

            patch(api, "HOTFIX-001", "{\"followUps\":{\"properFix\":{\"done\":true}}}");
            JsonNode after = api.get("/api/v1/debt").json();
            assertThat(after.path("open"))
                    .extracting(l -> l.path("hotfix").asText())
                    .containsExactly("HOTFIX-003");
            assertThat(after.path("trend").asText()).isEqualTo("shrinking");
        }
    }
}
