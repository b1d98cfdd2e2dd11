package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.MigrateFromApisTest.cli;
import static dev.hotfixlog.migrate.MigrateFromApisTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a record's list entry leaves out arrives all the same: an Opsgenie alert's description, details and entity
 * (only its own address has them), the names of the people and teams a record gives by id (OnCall users, Opsgenie
 * teams), each looked up once a run; a lookup that fails leaves the id, with a note.
 */
class MigrateSourceDetailsTest {
    static final int N = 30;

    /** Runs the migration of {@code source} from {@code s} for real; its JSON report. */
    private static JsonNode migrate(TestDb db, MutableClock clock, String token, String source, SourceServer s) {
        return run(cli(db, clock, token), "migrate", source, "--from", s.url(), "--token-env", "SOURCE_KEY", "--json");
    }

    private static Map<String, String> ids(JsonNode report) {
        Map<String, String> ids = new HashMap<>();
        report.path("created")
                .forEach(e ->
                        ids.put(e.path("sourceId").asText(), e.path("hotfixId").asText()));
        return ids;
    }

    @BothDatabases
    void opsgenieAlerts_bringTheirDescriptionDetailsAndEntity_fromTheAlertItself(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = new SourceServer(SourceServer.Kind.OPSGENIE, "GenieKey og-key")) {
            Fixtures.opsgenie(s, N);
            s.detail(
                    "og-00001",
                    Json.object()
                            .put("description", "Search lagged 20 minutes behind writes.")
                            .put("entity", "search-cluster"));
            s.record("og-00004").putArray("tags");
            s.detail(
                    "og-00004",
                    Json.object()
                            .put("entity", "ledger-db")
                            .<ObjectNode>set(
                                    "details",
                                    Json.object().put("system", "ledger").put("category", "Disk full")));
            s.record("og-00007").putArray("tags");
            s.detail("og-00007", Json.object().put("entity", "billing-api"));
            JsonNode report = migrate(db, clock, "og-key", "opsgenie", s);
            Map<String, String> ids = ids(report);
            assertThat(s.requests()).contains("/v2/alerts/og-00001?identifierType=id");
            try (App app = App.local(db.config(), clock)) {
                Instant created1 = Fixtures.FIRST.plus(Duration.ofHours(16));
                Hotfix one = app.hotfixes().get(HotfixId.parse(ids.get("og-00001")));
                assertThat(one.text("problem"))
                        .isEqualTo("Search lagged 20 minutes behind writes.\n\nFired 2 times. "
                                + "Acknowledged at " + created1.plus(Duration.ofMinutes(2))
                                + " (2 minutes after it was "
                                + "raised) by priya@example.com.");
                assertThat(one.systemsAffected())
                        .as("a system tag comes before the entity")
                        .containsExactly("search");
                Hotfix four = app.hotfixes().get(HotfixId.parse(ids.get("og-00004")));
                assertThat(four.systemsAffected()).containsExactly("ledger");
                assertThat(four.text("category")).isEqualTo("Disk full");
                Hotfix seven = app.hotfixes().get(HotfixId.parse(ids.get("og-00007")));
                assertThat(seven.systemsAffected()).containsExactly("billing-api");
            }
        }
    }

    @BothDatabases
    void opsgenieIncidents_nameTheirOwnerTeam_andOneThatCannotBeLookedUpKeepsItsId(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = new SourceServer(SourceServer.Kind.OPSGENIE_INCIDENTS, "GenieKey og-key")) {
            Fixtures.opsgenieIncidents(s, N);
            s.record("oi-00002").put("ownerTeam", "0d2f7a9e-gone");
            JsonNode report = migrate(db, clock, "og-key", "opsgenie-incidents", s);
            Map<String, String> ids = ids(report);
            assertThat(report.path("notes").toString())
                    .contains("oi-00002: the team 0d2f7a9e-gone could not be "
                            + "looked up at the source; its id stands");
            assertThat(s.requests().stream().filter(r -> r.startsWith("/v2/teams/" + Fixtures.PAYMENTS_TEAM)))
                    .as("looked up once a run")
                    .hasSize(1);
            try (App app = App.local(db.config(), clock)) {
                assertThat(app.hotfixes()
                                .get(HotfixId.parse(ids.get("oi-00001")))
                                .text("impact"))
                        .endsWith("Owner team: payments-team");
                assertThat(app.hotfixes()
                                .get(HotfixId.parse(ids.get("oi-00002")))
                                .text("impact"))
                        .endsWith("Owner team: 0d2f7a9e-gone");
            }
        }
    }

    @BothDatabases
    void grafanaOnCall_namesItsUsers_andOneThatCannotBeLookedUpKeepsItsId(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = new SourceServer(SourceServer.Kind.ONCALL, "oc-key")) {
            Fixtures.onCall(s, N);
            s.record("IG00002").put("resolved_by", "UGONE0000001");
            JsonNode report = migrate(db, clock, "oc-key", "grafana-oncall", s);
            Map<String, String> ids = ids(report);
            assertThat(report.path("notes").toString())
                    .contains(
                            "IG00002: the user UGONE0000001 could not be looked " + "up at the source; its id stands");
            assertThat(s.requests().stream().filter(r -> r.startsWith("/oncall/api/v1/users/UCGEIXI1MR1NZ/")))
                    .as("looked up once a run")
                    .hasSize(1);
            try (App app = App.local(db.config(), clock)) {
                Hotfix five = app.hotfixes().get(HotfixId.parse(ids.get("IG00005")));
                assertThat(five.owner()).isEqualTo("jonas");
                assertThat(five.text("changeMade")).startsWith("[jonas, ");
                assertThat(app.hotfixes()
                                .get(HotfixId.parse(ids.get("IG00010")))
                                .owner())
                        .as("firing: acknowledged by")
                        .isEqualTo("priya");
                assertThat(app.hotfixes()
                                .get(HotfixId.parse(ids.get("IG00002")))
                                .owner())
                        .isEqualTo("UGONE0000001");
            }
        }
    }
}
