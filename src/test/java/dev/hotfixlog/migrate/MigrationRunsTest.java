package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.MigrateFromApisTest.all;
import static dev.hotfixlog.migrate.MigrateFromApisTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.ServerProcess;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A migration's runs as they go wrong in real life, on both databases: the process killed with SIGKILL halfway
 * (the next run goes on from the last stored page: no duplicate, no gap), a page that stays broken (the run stops
 * naming it; the next one goes on from there), saved pages read from a folder, and the admin API with the record
 * page's "Moved in" line.
 */
class MigrationRunsTest {
    @BothDatabases
    void killedMidway_theNextRunGoesOnFromTheLastStoredPage_withNoDuplicateAndNoGap(TestDb db) throws Exception {
        int n = 400; // the last one on 2026-11-22, before the clock's now
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = new SourceServer(SourceServer.Kind.PAGERDUTY, "Token token=pd-key")) {
            Fixtures.pagerDuty(s, n);
            s.holdAfterListPages = 3; // the fourth page never comes: the run is killed while it waits
            List<String> command = new ArrayList<>(ServerProcess.javaCommand(List.of()));
            command.addAll(List.of(
                    "migrate",
                    "pagerduty",
                    "--from",
                    s.url(),
                    "--token-env",
                    "SOURCE_KEY",
                    "--since",
                    "2026-01-01",
                    "--db",
                    db.url(),
                    "--data-dir",
                    db.dataDir().toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(db.dataDir().resolve("first-run.log").toFile());
            pb.environment().put("SOURCE_KEY", "pd-key");
            pb.environment().put("HOTFIX_ACTOR", "migrator");
            Process p = pb.start();
            try {
                assertThat(s.held.await(120, TimeUnit.SECONDS))
                        .as("the run reached the fourth page")
                        .isTrue();
                int stored = waitForSteady(db, clock);
                assertThat(stored).as("pages stored before the kill").isGreaterThan(0);
            } finally {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no cleanup
            }
            int before;
            try (App app = App.local(db.config(), clock)) {
                before = all(app).size();
            }
            // Whole pages only: the first 180-day window's 182 incidents (two pages, one without a title) and the
            // next window's first page of 100; the fourth page was never answered.
            assertThat(before).as("whole pages only").isEqualTo(181 + 100);

            s.holdAfterListPages = 0;
            JsonNode again = run(
                    MigrateFromApisTest.cli(db, clock, "pd-key"),
                    "migrate",
                    "pagerduty",
                    "--from",
                    s.url(),
                    "--token-env",
                    "SOURCE_KEY",
                    "--since",
                    "2026-01-01",
                    "--json");
            assertThat(again.path("resumedFrom").isTextual()).isTrue();
            assertThat(again.path("finished").asBoolean()).isTrue();
            assertThat(again.path("created")).hasSize(n - 1 - before);
            try (App app = App.local(db.config(), clock)) {
                List<Hotfix> all = all(app);
                assertThat(all).hasSize(n - 1);
                Set<String> keys = new HashSet<>();
                for (Hotfix h : all) {
                    keys.add(app.migrations()
                            .sourceOf(h.id().toString())
                            .orElseThrow()
                            .sourceKey());
                }
                Set<String> expected = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    if (i != Fixtures.SKIPPED) {
                        expected.add(Fixtures.pdId(i));
                    }
                }
                assertThat(keys).as("every incident once: no duplicate, no gap").isEqualTo(expected);
            }
            JsonNode third = run(
                    MigrateFromApisTest.cli(db, clock, "pd-key"),
                    "migrate",
                    "pagerduty",
                    "--from",
                    s.url(),
                    "--token-env",
                    "SOURCE_KEY",
                    "--since",
                    "2026-01-01",
                    "--json");
            assertThat(third.path("resumedFrom").isNull())
                    .as("a finished run leaves no position")
                    .isTrue();
            assertThat(third.path("unchanged")).hasSize(n - 1);
        }
    }

    /** The number of records once it has stopped changing for a second (the killed run's last page committed). */
    private static int waitForSteady(TestDb db, MutableClock clock) throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 60; i++) {
            int now;
            try (App app = App.local(db.config(), clock)) {
                now = all(app).size();
            }
            if (now == last && now > 0) {
                return now;
            }
            last = now;
            Thread.sleep(1000);
        }
        return last;
    }

    @BothDatabases
    void aPageThatStaysBroken_stopsTheRunNamingIt_andTheNextRunGoesOnFromThere(TestDb db) {
        int n = 350;
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = new SourceServer(SourceServer.Kind.OPSGENIE, "GenieKey og-key")) {
            Fixtures.opsgenie(s, n);
            s.brokenFromNowOn(t -> t.startsWith("/v2/alerts?") && t.contains("offset=200"));
            CliRunner cli = MigrateFromApisTest.cli(db, clock, "og-key");
            CliRunner.Result failed = cli.run("migrate", "opsgenie", "--from", s.url(), "--token-env", "SOURCE_KEY");
            assertThat(failed.code()).isNotZero();
            assertThat(failed.err())
                    .contains(
                            "/v2/alerts is not a page of records after 3 tries",
                            "stopped after 2 page(s): 199 created, 0 updated are stored",
                            "goes on from the page after them");
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(199);
            }
            s.clearFaults();
            JsonNode rest = run(cli, "migrate", "opsgenie", "--from", s.url(), "--token-env", "SOURCE_KEY", "--json");
            assertThat(rest.path("resumedFrom").asText()).endsWith(":200");
            assertThat(rest.path("created")).hasSize(n - 200);
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(n - 1);
            }
        }
    }

    @BothDatabases
    void savedPages_inAFolder_areReadLikeTheApi_andABrokenFileIsNamedWithItsLine(TestDb db) throws Exception {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = new SourceServer(SourceServer.Kind.PAGERDUTY, "Token token=pd-key")) {
            Fixtures.pagerDuty(s, 30);
            // What a person saves with curl: the list's pages, each incident with its log entries and notes.
            Path folder = Files.createDirectories(db.dataDir().resolve("pd-pages"));
            Http api = new Http(s.url(), null);
            for (int page = 0; page < 2; page++) {
                JsonNode list = api.get(
                                "/incidents?since=2026-01-01T00:00:00Z&until=2026-06-30T00:00:00Z&limit=15" + "&offset="
                                        + page * 15,
                                "Authorization",
                                "Token token=pd-key")
                        .json();
                for (JsonNode inc : list.path("incidents")) {
                    String id = inc.path("id").asText();
                    ((ObjectNode) inc)
                            .set(
                                    "log_entries",
                                    api.get(
                                                    "/incidents/" + id + "/log_entries?limit=100",
                                                    "Authorization",
                                                    "Token token=pd-key")
                                            .json()
                                            .path("log_entries"));
                    ((ObjectNode) inc)
                            .set(
                                    "notes",
                                    api.get("/incidents/" + id + "/notes", "Authorization", "Token token=pd-key")
                                            .json()
                                            .path("notes"));
                }
                Files.writeString(folder.resolve("page-" + page + ".json"), Json.pretty(list));
            }
            CliRunner cli = MigrateFromApisTest.cli(db, clock, "");
            JsonNode report = run(cli, "migrate", "pagerduty", "--from", folder.toString(), "--json");
            assertThat(report.path("created")).hasSize(29);
            assertThat(report.path("skipped").get(0).path("reason").asText()).isEqualTo("has no title");
            assertThat(report.path("pages").asInt()).isEqualTo(2);
            try (App app = App.local(db.config(), clock)) {
                Hotfix one = all(app).stream()
                        .filter(h -> h.title().equals(Fixtures.title(1)))
                        .findFirst()
                        .orElseThrow();
                assertThat(one.timeline().alertedAt())
                        .as("log entries read from the saved page")
                        .isEqualTo(one.timeline().detectedAt().plusSeconds(60));
            }
            assertThat(run(cli, "migrate", "pagerduty", "--from", folder.toString(), "--json")
                            .path("unchanged"))
                    .hasSize(29);

            Files.writeString(
                    folder.resolve("page-2.json"), "{\"incidents\": [\n  {\"id\": \"PX\",\n  \"title\": }\n]}");
            CliRunner.Result broken = cli.run("migrate", "pagerduty", "--from", folder.toString());
            assertThat(broken.code()).isNotZero();
            assertThat(broken.err()).contains("page-2.json", "is not JSON at line 3");
        }
    }

    @BothDatabases
    void anAdminMigratesOverTheApi_othersMayNot_andTheRecordSaysWhereItCameFrom(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = new SourceServer(SourceServer.Kind.ONCALL, "oc-key");
                RunningServer server = new RunningServer(db.config(), clock)) {
            Fixtures.onCall(s, 30);
            ObjectNode body = Json.object()
                    .put("source", "grafana-oncall")
                    .put("from", s.url())
                    .put("token", "oc-key")
                    .put("dryRun", true);
            Http admin = server.http();
            assertThat(server.as("resp", Role.RESPONDER)
                            .post("/api/v1/migrations", Json.write(body))
                            .status())
                    .isEqualTo(403);
            Http.Response dry = admin.post("/api/v1/migrations", Json.write(body));
            assertThat(dry.status()).as(dry.body()).isEqualTo(200);
            assertThat(dry.json().path("created")).hasSize(29);
            assertThat(dry.json().toString()).doesNotContain("oc-key");

            Http.Response real = admin.post("/api/v1/migrations", Json.write(body.put("dryRun", false)));
            assertThat(real.json().path("created")).hasSize(29);
            String id = real.json().path("created").get(0).path("hotfixId").asText();
            Http viewer = server.as("vera", Role.VIEWER);
            JsonNode source = viewer.get("/api/v1/hotfixes/" + id + "/source").json();
            assertThat(source.path("source").asText()).isEqualTo("grafana-oncall");
            assertThat(source.path("url").asText()).startsWith("https://oncall.example.com/");
            String page = viewer.get("/hotfixes/" + id).body();
            assertThat(page).contains("Moved in", "From Grafana OnCall", "href=\"https://oncall.example.com/");

            Http.Response saved = admin.post("/api/v1/migrations", "{\"source\":\"pagerduty\",\"from\":\"/etc\"}");
            assertThat(saved.status()).isEqualTo(422);
            assertThat(saved.body()).contains("from", "http(s) address");
            Http.Response unknown = admin.post("/api/v1/migrations", "{\"source\":\"jira\",\"from\":\"https://x\"}");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.body()).contains("grafana-oncall, opsgenie, opsgenie-incidents, pagerduty, morgue");

            // The CLI through the server: the same migration, answered as unchanged.
            CliRunner remote = new CliRunner(
                    Map.of("HOTFIX_SERVER", server.url(), "HOTFIX_TOKEN", TestDb.ADMIN_TOKEN, "SOURCE_KEY", "oc-key"),
                    clock);
            JsonNode again =
                    run(remote, "migrate", "grafana-oncall", "--from", s.url(), "--token-env", "SOURCE_KEY", "--json");
            assertThat(again.path("unchanged")).hasSize(29);
        }
    }
}
