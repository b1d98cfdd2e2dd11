package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.Map;

/** A log written by hand comes back as the people wrote it: on the record, in search, and in the export. */
class MarkdownFidelityTest {
    /** An entry as a team writes it: a config block under a label line, a list, a section of its own. */
    static final String ENTRY = String.join(
            "\n",
            "### 🚨 [HOTFIX-031] Connection pool exhausted",
            "",
            "**Date/Time:** 2026-10-04 02:17  ",
            "**Severity:** 🔴 Critical  ",
            "**Duration:** 38 minutes  ",
            "**Who:** Priya Raman",
            "",
            "#### The Emergency",
            "",
            "**Problem:** Checkout requests timed out  ",
            "**Impact:** Every EU checkout for 38 minutes  ",
            "**Why Emergency:** Revenue stopped",
            "",
            "#### The Fix",
            "",
            "**Change Made:** Raised the pool size:",
            "",
            "```yaml",
            "pool:",
            "  maxConnections: 40   # was 10",
            "```",
            "**Files/Systems Affected:** checkout-api  ",
            "**Rollback Plan:** Revert the steps:",
            "",
            "1. set maxConnections back to 10",
            "2. redeploy checkout-api",
            "",
            "#### The Context",
            "",
            "**Root Cause (Initial):** A retry storm  ",
            "**Risk Accepted:** Not load tested:",
            "",
            "    db CPU may reach 90% at peak",
            "",
            "**Monitoring:** pool wait time",
            "",
            "#### Timeline",
            "",
            "- 02:17 paged by the checkout SLO alert",
            "- 02:31 pool raised, errors falling",
            "",
            "#### Follow-up Required",
            "",
            "- [x] **Post-mortem scheduled** for 2026-10-06 with Priya",
            "- [ ] **Proper fix planned** - Bound the retries",
            "- [x] **Process improvement** - Alert on pool wait time",
            "- [ ] **Documentation updates** - [What docs need updating]",
            "");

    @BothDatabases
    void aBlockUnderALabel_belongsToItsValue_shownSearchedAndExportedInPlace(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            s.app().markdown().importLog("## Active Hotfixes\n\n" + ENTRY, false, "ana", n -> {});
            Hotfix h = s.app().hotfixes().get(new HotfixId(31));
            assertThat(h.text("changeMade"))
                    .isEqualTo("Raised the pool size:\n\n```yaml\npool:\n" + "  maxConnections: 40   # was 10\n```");
            assertThat(h.text("rollbackPlan"))
                    .isEqualTo("Revert the steps:\n\n1. set maxConnections back to 10\n" + "2. redeploy checkout-api");
            assertThat(h.text("riskAccepted")).isEqualTo("Not load tested:\n\n    db CPU may reach 90% at peak");
            assertThat(h.systemsAffected()).containsExactly("checkout-api");

            Http api = s.http();
            assertThat(api.get("/hotfixes/HOTFIX-031").body())
                    .contains("maxConnections: 40   # was 10")
                    .contains("<h3>Timeline</h3>")
                    .contains("- 02:17 paged by the checkout SLO alert");
            assertThat(api.get("/api/v1/search?q=paged")
                            .json()
                            .path("items")
                            .get(0)
                            .path("id")
                            .asText())
                    .as("a section of the team's own is searched")
                    .isEqualTo("HOTFIX-031");
            assertThat(api.get("/api/v1/search?q=maxConnections")
                            .json()
                            .path("items")
                            .get(0)
                            .path("id")
                            .asText())
                    .isEqualTo("HOTFIX-031");

            String exported = s.app().markdown().exportOne(h.id());
            assertThat(exported)
                    .contains("**Change Made:** Raised the pool size:\n\n```yaml\npool:\n"
                            + "  maxConnections: 40   # was 10\n```\n")
                    .contains("**Rollback Plan:** Revert the steps:\n\n1. set maxConnections back to 10\n"
                            + "2. redeploy checkout-api\n")
                    .contains("**Risk Accepted:** Not load tested:\n\n    db CPU may reach 90% at peak\n")
                    .contains("#### Timeline\n\n- 02:17 paged by the checkout SLO alert\n");
            assertThat(exported.lines().filter(l -> l.startsWith("  maxConnections")))
                    .containsExactly("  maxConnections: 40   # was 10");
        }
    }

    @BothDatabases
    void aTickedBoxWithoutATime_isDoneWithTheTimeUnknown_neverTheImportsTime(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            s.app().markdown().importLog("## Active Hotfixes\n\n" + ENTRY, false, "ana", n -> {});
            Hotfix h = s.app().hotfixes().get(new HotfixId(31));
            assertThat(h.followUps().get(FollowUpKind.POSTMORTEM).done()).isTrue();
            assertThat(h.followUps().get(FollowUpKind.POSTMORTEM).doneAt()).isNull();
            assertThat(s.http().get("/hotfixes/HOTFIX-031").body()).contains("done (time not recorded)");
            assertThat(h.followUps().get(FollowUpKind.PROCESS_IMPROVEMENT).doneAt())
                    .isNull();
            String quarters = s.http()
                    .get("/api/v1/metrics?from=2026-10&to=2026-12")
                    .json()
                    .path("learningVelocity")
                    .path("processImprovementsPerQuarter")
                    .toString();
            assertThat(quarters)
                    .as("not counted in the import's quarter")
                    .isEqualTo("[{\"period\":\"2026-Q4\",\"count\":0}]");
        }
    }

    @BothDatabases
    void importedWarningSigns_areWatched_onTheDashboardTheCliAndTheApi(TestDb db) {
        String page = "# Hotfix Log\n\n## Active Hotfixes\n\n---\n\n## Completed Hotfixes\n\n"
                + "## Hotfix Patterns & Prevention\n\n### Warning Signs\n\n"
                + "- **Signal 1:** Evictions per second → **Threshold:** over 1000 for 5 minutes\n"
                + "- **Signal 2:** Free disk on the primary → **Threshold:** below 15%\n";
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            s.app().markdown().importLog(page, false, "ana", n -> {});
            Http api = s.http();
            JsonNode signs = api.get("/api/v1/signals").json();
            JsonNode evictions = find(signs, "evictions-per-second");
            assertThat(evictions.path("description").asText()).isEqualTo("Evictions per second");
            assertThat(evictions.path("value").isNull()).isTrue();
            assertThat(evictions.path("threshold").asDouble()).isEqualTo(1000.0);
            assertThat(evictions.path("thresholdText").asText()).isEqualTo("over 1000 for 5 minutes");
            assertThat(find(signs, "free-disk-on-the-primary").path("direction").asText())
                    .isEqualTo("below");

            assertThat(api.get("/dashboard").body())
                    .contains("Evictions per second")
                    .contains("over 1000 for 5 minutes")
                    .contains("the log page");
            CliRunner.Result cli = new CliRunner(
                            Map.of(
                                    "HOTFIX_DB_URL",
                                    db.url(),
                                    "HOTFIX_DATA_DIR",
                                    db.dataDir().toString()),
                            MutableClock.at("2026-11-22T10:00:00Z"))
                    .run("metrics");
            assertThat(cli.out()).contains("no value evictions-per-second     — (act when over 1000 for 5 minutes)");

            api.send("PUT", "/api/v1/signals/evictions-per-second", "{\"value\":1500,\"threshold\":1000}");
            JsonNode reported = find(api.get("/api/v1/signals").json(), "evictions-per-second");
            assertThat(reported.path("breached").asBoolean()).isTrue();
            assertThat(reported.path("description").asText()).isEqualTo("Evictions per second");
            assertThat(api.get("/api/v1/signals").json().size())
                    .as("one entry per sign")
                    .isEqualTo(signs.size());
        }
    }

    @BothDatabases
    void anEntryWhoseIdIsAnotherIncidentHere_isAConflict_andRenumberingBringsItInUnderANewId(TestDb db) {
        String other = "## Active Hotfixes\n\n### 🚨 [HOTFIX-001] Search index stale after config rollout\n\n"
                + "**Date/Time:** 2026-09-01 08:00  \n**Severity:** 🟡 High\n\n"
                + "### 🚨 [HOTFIX-002] Checkout 502\n\n**Date/Time:** 2026-10-04 02:17  \n**Severity:** 🔴 Critical\n";
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            Http api = s.http();
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Checkout 502\",\"severity\":\"critical\","
                            + "\"detectedAt\":\"2026-10-04T02:17:00Z\"}");
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Checkout 502\",\"severity\":\"critical\","
                            + "\"detectedAt\":\"2026-10-04T02:17:00Z\"}");
            String conflict = "line 3: HOTFIX-001 here is \"Checkout 502\" (detected 2026-10-04T02:17:00Z); the"
                    + " page's HOTFIX-001 is another incident, \"Search index stale after config rollout\"";

            Http.Response dry = api.post("/api/v1/import?dryRun=true", other, "Content-Type", "text/markdown");
            assertThat(dry.json().path("conflicts").get(0).asText()).isEqualTo(conflict);
            Http.Response refused = api.post("/api/v1/import", other, "Content-Type", "text/markdown");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("--renumber");
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("title")
                            .asText())
                    .isEqualTo("Checkout 502");

            Http.Response renumbered = api.post("/api/v1/import?renumber=true", other, "Content-Type", "text/markdown");
            assertThat(renumbered.json().path("created").toString()).isEqualTo("[\"HOTFIX-003\"]");
            assertThat(renumbered.json().path("unchanged").toString())
                    .as("the same incident is not a conflict")
                    .isEqualTo("[\"HOTFIX-002\"]");
            assertThat(renumbered.json().path("conflicts").get(0).asText())
                    .isEqualTo(conflict + "; imported as HOTFIX-003");
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-003")
                            .json()
                            .path("title")
                            .asText())
                    .isEqualTo("Search index stale after config rollout");
            assertThat(api.get("/hotfixes/HOTFIX-003").body()).contains("This was HOTFIX-001 on the imported page");
            assertThat(api.post("/api/v1/import?dryRun=yes", other, "Content-Type", "text/markdown")
                            .status())
                    .as("a yes/no is true or false")
                    .isIn(400, 422);
        }
    }

    private static JsonNode find(JsonNode signs, String name) {
        for (JsonNode n : signs.path("items").isArray() ? signs.path("items") : signs) {
            if (n.path("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no sign " + name + " in " + signs);
    }
}
