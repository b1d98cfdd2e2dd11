package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Setting;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A team's own fields (HOTFIX_FIELDS) through the API and the CLI: typed and validated (422 naming the field),
 * required on declare, filtered by, counted by choice in the metrics, hidden when removed and shown again when
 * put back, and a change of a field's type refused at start, on both databases.
 */
class TeamFieldsTest {
    private static final String FIELDS = """
            [{"name":"region","label":"Region","type":"choice","choices":["eu","us","apac"],"required":true},
             {"name":"customerFacing","label":"Customer facing","type":"yesNo"},
             {"name":"slaBreachedOn","label":"SLA breached on","type":"date","section":"when"},
             {"name":"changeTicket","type":"link","section":"fix"},
             {"name":"affectedUsers","type":"number"},
             {"name":"channels","type":"multiChoice","choices":["web","ios","android"]},
             {"name":"customerNote","type":"longText"}]""";
    private static final String CLOCK = "2026-11-22T10:00:00Z";

    @BothDatabases
    void teamFields_areTypedRequiredFilteredCountedAndSetFromTheCli(TestDb db) {
        try (db;
                RunningServer s =
                        new RunningServer(db.config(Map.of(Setting.FIELDS, FIELDS)), MutableClock.at(CLOCK))) {
            Http api = s.http();
            assertThat(api.get("/api/v1/fields").json().get(0).path("choices").toString())
                    .isEqualTo("[\"eu\",\"us\",\"apac\"]");

            // Required on declare, typed, every problem in one answer.
            Http.Response missing = api.post("/api/v1/hotfixes", "{\"title\":\"Checkout 502\",\"severity\":\"high\"}");
            assertThat(missing.status()).isEqualTo(422);
            assertThat(missing.body()).contains("fields.region").contains("is required");
            Http.Response bad = api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Checkout 502\",\"severity\":\"high\","
                            + "\"fields\":{\"region\":\"mars\",\"customerFacing\":\"maybe\",\"slaBreachedOn\":\"soon\","
                            + "\"changeTicket\":\"ftp://x\",\"affectedUsers\":\"many\",\"colour\":\"red\"}}");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.json().path("errors").toString())
                    .contains(
                            "fields.region",
                            "fields.customerFacing",
                            "fields.slaBreachedOn",
                            "fields.changeTicket",
                            "fields.affectedUsers",
                            "fields.colour");

            // Declared with values: canonical in the answer (a choice in the definition's spelling).
            JsonNode made = api.post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Checkout 502\",\"severity\":\"high\","
                                    + "\"fields\":{\"region\":\"EU\",\"customerFacing\":true,\"slaBreachedOn\":\"2026-11-22\","
                                    + "\"affectedUsers\":1900,\"channels\":[\"web\",\"ios\",\"web\"]}}")
                    .json();
            assertThat(made.path("fields").toString())
                    .isEqualTo("{\"affectedUsers\":1900,\"channels\":[\"web\","
                            + "\"ios\"],\"customerFacing\":true,\"region\":\"eu\",\"slaBreachedOn\":\"2026-11-22\"}");
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Login loop\",\"severity\":\"medium\","
                            + "\"fields\":{\"region\":\"us\",\"customerFacing\":false}}");

            // A required field cannot be cleared; others can; history names the field.
            assertThat(api.patch("/api/v1/hotfixes/HOTFIX-001", "{\"fields\":{\"region\":null}}", "If-Match", "\"1\"")
                            .status())
                    .isEqualTo(422);
            assertThat(api.patch(
                                    "/api/v1/hotfixes/HOTFIX-001",
                                    "{\"fields\":{\"affectedUsers\":null}}",
                                    "If-Match",
                                    "\"1\"")
                            .json()
                            .path("fields")
                            .has("affectedUsers"))
                    .isFalse();
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001/history").body()).contains("fields.affectedUsers");

            // The Markdown log writes them under their labels and reads them back (export, edit, import, export).
            String log = api.get("/api/v1/export").body();
            assertThat(log)
                    .contains(
                            "**Region:** eu",
                            "**Customer facing:** yes",
                            "**channels:** web, ios",
                            "**SLA breached on:** 2026-11-22");
            String edited = log.replace("**Region:** eu", "**Region:** apac")
                    .replace("**channels:** web, ios", "**channels:** android");
            assertThat(api.post("/api/v1/import", edited, "Content-Type", "text/markdown; charset=utf-8")
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("fields")
                            .toString())
                    .isEqualTo("{\"channels\":[\"android\"],\"customerFacing\":true,\"region\":\"apac\","
                            + "\"slaBreachedOn\":\"2026-11-22\"}");
            assertThat(api.get("/api/v1/export").body())
                    .as("export → import → export is stable")
                    .isEqualTo(edited);
            assertThat(api.post(
                                    "/api/v1/import",
                                    log.replace("**Region:** eu", "**Region:** mars"),
                                    "Content-Type",
                                    "text/markdown; charset=utf-8")
                            .body())
                    .contains("fields.region");
            api.post("/api/v1/import", log, "Content-Type", "text/markdown; charset=utf-8");

            // Search finds a hotfix by a team field's text.
            api.patch(
                    "/api/v1/hotfixes/HOTFIX-002",
                    "{\"fields\":{\"customerNote\":\"Globex escalated twice\"}}",
                    "If-Match",
                    "\"1\"");
            assertThat(api.get("/api/v1/search?q=globex").json().path("items").toString())
                    .contains("HOTFIX-002");

            // Filters: by a choice, by yes/no; an unknown field is refused by name.
            assertThat(ids(api.get("/api/v1/hotfixes?field.region=eu").json())).isEqualTo("[HOTFIX-001]");
            assertThat(ids(api.get("/api/v1/hotfixes?field.customerFacing=false")
                            .json()))
                    .isEqualTo("[HOTFIX-002]");
            assertThat(ids(api.get("/api/v1/hotfixes?field.channels=ios&field.region=eu")
                            .json()))
                    .isEqualTo("[HOTFIX-001]");
            assertThat(api.get("/api/v1/hotfixes?field.colour=red").status()).isEqualTo(422);
            assertThat(api.get("/api/v1/hotfixes?field.region=eu&field.region=us")
                            .status())
                    .isEqualTo(400);
            String listPage = api.get("/hotfixes?status=all&since=all&field.region=eu", "Accept", "text/html")
                    .body();
            assertThat(listPage).contains("HOTFIX-001").doesNotContain("HOTFIX-002");

            // Metrics count the period's hotfixes by each choice.
            JsonNode metrics =
                    api.get("/api/v1/metrics?from=2026-11-01&to=2026-12-01").json();
            assertThat(metrics.path("byField").path("region").toString()).isEqualTo("{\"eu\":1,\"us\":1}");
            assertThat(metrics.path("byField").path("channels").toString()).isEqualTo("{\"ios\":1,\"web\":1}");

            // The CLI sets them by name, typed by the log's definition, and shows them, locally and remotely.
            CliRunner local = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString(),
                            "HOTFIX_FIELDS",
                            FIELDS),
                    Clock.systemUTC());
            assertThat(local.run("set", "HOTFIX-002", "region=apac", "affectedUsers=12", "channels=web,android")
                            .code())
                    .isZero();
            CliRunner remote = new CliRunner(
                    Map.of("HOTFIX_SERVER", s.url(), "HOTFIX_TOKEN", TestDb.ADMIN_TOKEN), Clock.systemUTC());
            assertThat(remote.run("set", "HOTFIX-002", "customerFacing=yes").code())
                    .isZero();
            CliRunner.Result shown = remote.run("show", "HOTFIX-002");
            assertThat(shown.out())
                    .contains("region: apac", "affectedUsers: 12", "channels: web, android", "customerFacing: yes");
            assertThat(remote.run("set", "HOTFIX-002", "region=mars").code()).isEqualTo(2);
            assertThat(remote.run("list", "--field", "region=apac").out())
                    .contains("HOTFIX-002")
                    .doesNotContain("HOTFIX-001");
            CliRunner.Result refused = remote.run("new", "--title", "Pager storm", "--severity", "high");
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("fields.region");
            assertThat(remote.run(
                                    "new",
                                    "--title",
                                    "Pager storm",
                                    "--severity",
                                    "high",
                                    "--field",
                                    "region=us",
                                    "--field",
                                    "customerFacing=no")
                            .code())
                    .isZero();
        }
    }

    @BothDatabases
    void aRemovedField_isHiddenNotDeleted_putBackItShowsAgain_andAChangedTypeStopsTheStart(TestDb db) {
        try (db) {
            try (RunningServer s =
                    new RunningServer(db.config(Map.of(Setting.FIELDS, FIELDS)), MutableClock.at(CLOCK))) {
                s.http()
                        .post(
                                "/api/v1/hotfixes",
                                "{\"title\":\"Checkout 502\",\"severity\":\"high\","
                                        + "\"fields\":{\"region\":\"eu\",\"affectedUsers\":3}}");
            }
            String withoutRegion = "[{\"name\":\"affectedUsers\",\"type\":\"number\"}]";
            try (RunningServer s =
                    new RunningServer(db.config(Map.of(Setting.FIELDS, withoutRegion)), MutableClock.at(CLOCK))) {
                assertThat(s.http()
                                .get("/api/v1/hotfixes/HOTFIX-001")
                                .json()
                                .path("fields")
                                .toString())
                        .isEqualTo("{\"affectedUsers\":3}");
                // An edit while it is hidden leaves its value alone.
                s.http()
                        .patch(
                                "/api/v1/hotfixes/HOTFIX-001",
                                "{\"fields\":{\"affectedUsers\":4}}",
                                "If-Match",
                                "\"1\"");
            }
            try (RunningServer s =
                    new RunningServer(db.config(Map.of(Setting.FIELDS, FIELDS)), MutableClock.at(CLOCK))) {
                assertThat(s.http()
                                .get("/api/v1/hotfixes/HOTFIX-001")
                                .json()
                                .path("fields")
                                .toString())
                        .isEqualTo("{\"affectedUsers\":4,\"region\":\"eu\"}");
            }
            String regionAsText = "[{\"name\":\"region\",\"type\":\"text\"}]";
            assertThatThrownBy(() -> App.local(db.config(Map.of(Setting.FIELDS, regionAsText)), Clock.systemUTC())
                            .close())
                    .hasMessageContaining("HOTFIX_FIELDS")
                    .hasMessageContaining("'region' was a choice field and is" + " now text")
                    .hasMessageContaining("another name");
            try (Database d = Database.open(db.url(), "", "", 2)) {
                int rows = d.read(h -> h.createQuery("SELECT COUNT(*) FROM hotfix_field")
                        .mapTo(Integer.class)
                        .one());
                assertThat(rows).as("nothing was deleted").isEqualTo(2);
            }
        }
    }

    @Test
    void aBadDefinition_stopsTheStart_namingTheSettingTheFieldAndTheFix() {
        assertThatThrownBy(() -> CustomFields.parse(
                        "HOTFIX_FIELDS",
                        "[{\"name\":\"region\",\"type\":\"choice\"},"
                                + "{\"name\":\"title\",\"type\":\"text\"},{\"name\":\"x\",\"type\":\"colour\"},"
                                + "{\"name\":\"riskNote\",\"label\":\"Risk Accepted\",\"type\":\"text\"}]"))
                .hasMessageContaining("HOTFIX_FIELDS[0]")
                .hasMessageContaining("needs 1 to 100 choices")
                .hasMessageContaining("HOTFIX_FIELDS[1]")
                .hasMessageContaining("built-in field")
                .hasMessageContaining("HOTFIX_FIELDS[2]")
                .hasMessageContaining("use text, longText")
                .hasMessageContaining("HOTFIX_FIELDS[3]")
                .hasMessageContaining("is the template's own (riskAccepted)");
        assertThatThrownBy(() -> CustomFields.parse(
                        "HOTFIX_FIELDS",
                        "[{\"name\":\"a\",\"label\":\"Zone\","
                                + "\"type\":\"text\"},{\"name\":\"b\",\"label\":\"zone\",\"type\":\"multiChoice\","
                                + "\"choices\":[\"x,y\"]}]"))
                .hasMessageContaining("HOTFIX_FIELDS[1]")
                .hasMessageContaining("the label 'zone' is another field's")
                .hasMessageContaining("has a comma");
        assertThatThrownBy(() -> CustomFields.parse(
                        "HOTFIX_FIELDS",
                        "[{\"name\":\"a\",\"label\":\"**Zone**\"," + "\"type\":\"text\"},{\"name\":\"b\",\"label\":\""
                                + "x".repeat(61) + "\",\"type\":\"text\"}]"))
                .hasMessageContaining("may not hold *")
                .hasMessageContaining("longer than 60 characters");
        assertThatThrownBy(() -> CustomFields.parse("HOTFIX_FIELDS", "/no/such/file.json"))
                .hasMessageContaining("neither a JSON list of fields nor a readable file");
    }

    private static String ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("id").asText()));
        Collections.sort(out);
        return out.toString();
    }
}
