package dev.hotfixlog.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.security.Integrations;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Deploy markers on both databases: generic (an integration's secret, a person's token), GitHub's
 * deployment_status (signature good and bad, a redelivered delivery id, a failed state, a ping) and the CLI
 * (straight and through a server); rollbacks; a hotfix's suspected cause and fix deploy suggested, confirmed
 * and the fix stamped; and DORA's figures on a fixture computed by hand.
 */
class DeployTest {
    private static final String INTEGRATIONS = "deploy ci bearer=ci-token-1; github gh secret=gh-secret";
    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    @BothDatabases
    void markersFromEverySender_areRecordedOnce_andRollbacksAreMarked(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(Map.of(Setting.INTEGRATIONS, INTEGRATIONS)), clock)) {
            Http anon = s.anonymous();
            String marker = "{\"system\":\"payments\",\"version\":\"1.4.1\",\"at\":\"2026-12-01T10:00:00Z\","
                    + "\"url\":\"https://ci.example/runs/8812\",\"id\":\"run-8812\"}";
            String ci = "/api/v1/ingest/deploy/ci";
            assertThat(anon.post(ci, marker, "Authorization", "Bearer ci-token-1")
                            .status())
                    .isEqualTo(201);
            Http.Response again = anon.post(ci, marker, "Authorization", "Bearer ci-token-1");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("repeat").asBoolean()).isTrue();
            assertThat(anon.post(ci, marker, "Authorization", "Bearer nope").status())
                    .isEqualTo(401);
            assertThat(anon.post(ci, marker.replace("\"version\":\"1.4.1\",", ""), "Authorization", "Bearer ci-token-1")
                            .body())
                    .contains("version", "is required");
            assertThat(anon.post(
                                    ci,
                                    "{\"system\":\"payments\",\"version\":\"1\",\"colour\":\"red\"}",
                                    "Authorization",
                                    "Bearer ci-token-1")
                            .body())
                    .contains("colour");

            // A person's token, through the API.
            Http responder = s.as("priya", Role.RESPONDER);
            assertThat(responder
                            .post(
                                    "/api/v1/deploys",
                                    "{\"system\":\"payments\",\"version\":\"1.4.2\","
                                            + "\"at\":\"2026-12-02T23:40:00Z\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(s.as("viewer", Role.VIEWER)
                            .post("/api/v1/deploys", "{\"system\":\"payments\"," + "\"version\":\"9\"}")
                            .status())
                    .isEqualTo(403);

            // GitHub: signed, redelivered, failed, pinged.
            String gh = "/api/v1/ingest/github/gh";
            String body = github("success", "4f2a9c81d3e07b55a1c2", "2026-12-03T03:20:00Z");
            String sig = "sha256=" + Integrations.hmacHex("gh-secret", body.getBytes(StandardCharsets.UTF_8));
            Http.Response ok = anon.post(
                    gh,
                    body,
                    "X-GitHub-Event",
                    "deployment_status",
                    "X-GitHub-Delivery",
                    "d-1",
                    "X-Hub-Signature-256",
                    sig);
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
            assertThat(ok.json().path("system").asText()).isEqualTo("payments");
            assertThat(ok.json().path("version").asText()).isEqualTo("4f2a9c81d3e0");
            assertThat(ok.json().path("url").asText()).isEqualTo("https://github.com/acme/payments/actions/runs/1");
            assertThat(anon.post(
                                    gh,
                                    body,
                                    "X-GitHub-Event",
                                    "deployment_status",
                                    "X-GitHub-Delivery",
                                    "d-1",
                                    "X-Hub-Signature-256",
                                    sig)
                            .json()
                            .path("repeat")
                            .asBoolean())
                    .isTrue();
            assertThat(anon.post(
                                    gh,
                                    body,
                                    "X-GitHub-Event",
                                    "deployment_status",
                                    "X-GitHub-Delivery",
                                    "d-2",
                                    "X-Hub-Signature-256",
                                    "sha256=" + "0".repeat(64))
                            .status())
                    .isEqualTo(401);
            String failed = github("failure", "77aa", "2026-12-03T03:25:00Z");
            assertThat(anon.post(
                                    gh,
                                    failed,
                                    "X-GitHub-Event",
                                    "deployment_status",
                                    "X-GitHub-Delivery",
                                    "d-3",
                                    "X-Hub-Signature-256",
                                    "sha256="
                                            + Integrations.hmacHex(
                                                    "gh-secret", failed.getBytes(StandardCharsets.UTF_8)))
                            .json()
                            .path("recorded")
                            .asBoolean())
                    .isFalse();
            String ping = "{\"zen\":\"Keep it logically awesome.\"}";
            assertThat(anon.post(
                                    gh,
                                    ping,
                                    "X-GitHub-Event",
                                    "ping",
                                    "X-GitHub-Delivery",
                                    "d-4",
                                    "X-Hub-Signature-256",
                                    "sha256="
                                            + Integrations.hmacHex("gh-secret", ping.getBytes(StandardCharsets.UTF_8)))
                            .status())
                    .isEqualTo(200);

            // The CLI, straight and through a server; a rollback is a version seen before, after another one.
            CliRunner direct = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "jonas"),
                    clock);
            CliRunner.Result back =
                    direct.run("deploy", "--system", "payments", "--version", "1.4.1", "--at", "2026-12-03 04:00");
            assertThat(back.code()).as(back.err()).isZero();
            long first = list(s).get(list(s).size() - 1).path("id").asLong();
            assertThat(back.out())
                    .matches("\\d+\n  recorded: deploy \\d+ of payments 1\\.4\\.1 at 2026-12-03 04:00 UTC "
                            + "\\(a rollback to the version of deploy " + first + "\\)\n");
            CliRunner remote = new CliRunner(
                    Map.of("HOTFIX_SERVER", s.url(), "HOTFIX_TOKEN", s.token("ci-bot", Role.RESPONDER)), clock);
            CliRunner.Result same = remote.run(
                    "deploy",
                    "--system",
                    "payments",
                    "--version",
                    "1.4.1",
                    "--at",
                    "2026-12-03 04:10",
                    "--id",
                    "job-77");
            assertThat(same.code()).as(same.err()).isZero();
            assertThat(same.out()).doesNotContain("rollback");
            String id = same.out().replaceFirst("^(\\d+)\n  recorded: deploy \\1 .*\n$", "$1");
            assertThat(id).matches("\\d+");
            assertThat(remote.run("deploy", "--system", "payments", "--version", "1.4.1", "--id", "job-77")
                            .out())
                    .startsWith(id + "\n  already recorded: deploy " + id + " ");
            assertThat(direct.run("deploy", "--system", "payments").code()).isNotZero();

            JsonNode list = list(s);
            assertThat(list).hasSize(5);
            assertThat(list.get(0).path("version").asText()).isEqualTo("1.4.1");
            assertThat(list.get(1).path("rollbackOf").asLong()).isEqualTo(first);
            assertThat(direct.run("deploys", "--system", "payments").out()).contains("rollback", "github/gh");
        }
    }

    @BothDatabases
    void suspectedCauseAndFixDeploy_areSuggestedConfirmedAndStamped_andTheDoraFiguresAddUp(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(Map.of(Setting.INTEGRATIONS, INTEGRATIONS)), clock)) {
            Http api = s.http();
            long d1 = deploy(api, "payments", "1.4.1", "2026-12-01T10:00:00Z", null);
            long d2 = deploy(api, "payments", "1.4.2", "2026-12-02T23:40:00Z", null);
            long d3 = deploy(api, "search", "9.0", "2026-12-02T23:55:00Z", null);
            deploy(api, "payments", "1.5.0-rc1", "2026-12-02T23:50:00Z", "staging");
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Card payments fail\",\"severity\":\"critical\","
                            + "\"systemsAffected\":[\"Payments\"],\"detectedAt\":\"2026-12-03T00:00:00Z\"}");
            long d4 = deploy(api, "payments", "1.4.3", "2026-12-03T03:20:00Z", null);
            long d5 = deploy(api, "payments", "1.4.1", "2026-12-04T08:00:00Z", null);
            deploy(api, "payments", "1.4.1", "2026-12-04T09:00:00Z", null);

            // Suggested: the last production deploy to its systems before detection, and the first after declaring.
            JsonNode hd = api.get("/api/v1/hotfixes/HOTFIX-001/deploys").json();
            assertThat(hd.path("suspectedCause").path("deploy").path("id").asLong())
                    .isEqualTo(d2);
            assertThat(hd.path("suspectedCause").path("confirmed").asBoolean()).isFalse();
            assertThat(hd.path("fixDeploy").path("deploy").path("id").asLong()).isEqualTo(d4);
            assertThat(s.http()
                            .get("/api/v1/deploys?system=payments")
                            .json()
                            .path("items")
                            .get(1)
                            .path("rollbackOf")
                            .asLong())
                    .as("1.4.1 again after 1.4.3")
                    .isEqualTo(d1);
            assertThat(api.get("/api/v1/deploys").json().path("items").toString())
                    .contains("\"id\":" + d5);

            // Confirmed; the fix stamps "fix deployed" with the deploy's time.
            clock.set(Instant.parse("2026-12-04T12:00:00Z"));
            api.post("/api/v1/hotfixes/HOTFIX-001/deploys/cause", "{\"deploy\":" + d2 + "}");
            JsonNode confirmed = api.post("/api/v1/hotfixes/HOTFIX-001/deploys/fix", "{\"deploy\":" + d4 + "}")
                    .json();
            assertThat(confirmed.path("suspectedCause").path("confirmed").asBoolean())
                    .isTrue();
            assertThat(confirmed.path("fixDeploy").path("confirmedBy").asText()).isEqualTo("bootstrap");
            JsonNode h1 = api.get("/api/v1/hotfixes/HOTFIX-001").json();
            assertThat(h1.path("status").asText()).isEqualTo("deployed");
            assertThat(h1.path("fixDeployedAt").asText()).isEqualTo("2026-12-03T03:20:00Z");

            // A second hotfix, its cause outside the window (so not suggested) confirmed by hand, through the CLI.
            clock.set(Instant.parse("2026-12-05T10:05:00Z"));
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Search is empty\",\"severity\":\"high\","
                            + "\"systemsAffected\":[\"search\"],\"detectedAt\":\"2026-12-05T10:00:00Z\"}");
            long d7 = deploy(api, "search", "9.1", "2026-12-05T10:45:00Z", null);
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-002/deploys")
                            .json()
                            .path("suspectedCause")
                            .isNull())
                    .as("its last deploy is more than HOTFIX_CAUSE_WINDOW (24h) before detection")
                    .isTrue();
            clock.set(Instant.parse("2026-12-05T12:00:00Z"));
            CliRunner cli = new CliRunner(
                    Map.of(
                            "HOTFIX_DB_URL",
                            db.url(),
                            "HOTFIX_DATA_DIR",
                            db.dataDir().toString(),
                            "HOTFIX_ACTOR",
                            "jonas"),
                    clock);
            assertThat(cli.run("deploys", "--hotfix", "2", "--confirm", "cause", "--deploy", String.valueOf(d3))
                            .code())
                    .isZero();
            CliRunner.Result fix = cli.run("deploys", "--hotfix", "2", "--confirm", "fix");
            assertThat(fix.out()).contains("fix deploy:      deploy " + d7 + ": search 9.1", "confirmed by jonas");

            // DORA, by hand, for the week 2026-12-01 .. 2026-12-08 (one week): production deploys d1..d7 less
            // the staging one = 7 (7 a week); confirmed causes d2 and d3 = 2 of 7; time to restore HOTFIX-001
            // 00:00 -> 03:20 = 12,000 s, HOTFIX-002 10:00 -> 10:45 = 2,700 s: median (nearest rank) 2,700, p90
            // 12,000. payments: 5 deploys, 1 failed, restore 12,000; search: 2 deploys, 1 failed, restore 2,700.
            JsonNode m = api.get("/api/v1/metrics?from=2026-12-01&to=2026-12-08")
                    .json()
                    .path("delivery");
            JsonNode team = m.path("team");
            assertThat(team.path("deploys").asLong()).isEqualTo(7);
            assertThat(team.path("deploysPerWeek").asDouble()).isCloseTo(7.0, within(1e-9));
            assertThat(team.path("failedDeploys").asLong()).isEqualTo(2);
            assertThat(team.path("changeFailureRate").asDouble()).isCloseTo(2.0 / 7, within(1e-9));
            assertThat(team.path("timeToRestore").path("medianSeconds").asLong())
                    .isEqualTo(2_700);
            assertThat(team.path("timeToRestore").path("p90Seconds").asLong()).isEqualTo(12_000);
            JsonNode payments = m.path("bySystem").path("payments");
            assertThat(payments.path("deploys").asLong()).isEqualTo(5);
            assertThat(payments.path("changeFailureRate").asDouble()).isCloseTo(0.2, within(1e-9));
            assertThat(payments.path("timeToRestore").path("medianSeconds").asLong())
                    .as("the hotfix says Payments, the deploys payments: one system")
                    .isEqualTo(12_000);
            assertThat(m.path("bySystem").has("Payments")).isFalse();
            JsonNode search = m.path("bySystem").path("search");
            assertThat(search.path("deploys").asLong()).isEqualTo(2);
            assertThat(search.path("changeFailureRate").asDouble()).isCloseTo(0.5, within(1e-9));
            assertThat(search.path("timeToRestore").path("medianSeconds").asLong())
                    .isEqualTo(2_700);

            String dashboard =
                    s.http().get("/dashboard?from=2026-12-01&to=2026-12-08").body();
            assertThat(dashboard)
                    .contains(
                            "id=\"delivery-by-system\"",
                            "change failure rate <strong>29%</strong>",
                            "median <strong>45 min</strong>");
            String page = s.http().get("/hotfixes/HOTFIX-001").body();
            assertThat(page).contains("id=\"suspected-cause\"", "payments 1.4.2", "confirmed");
            assertThat(page)
                    .as("the deploy drawn on the record's timeline and listed under it")
                    .contains("<svg class=\"tl-mark tl-mark-deploy\"", "<title>Deploy: payments 1.4.2, ")
                    .contains("<li class=\"tl-mark-deploy\">");
            String prometheus = s.http().get("/metrics").body();
            assertThat(prometheus)
                    .contains("hotfix_deploys{system=\"payments\"}", "hotfix_change_failure_rate{system=\"*\"}");
            assertThat(cli.run("metrics", "--from", "2026-12-01", "--to", "2026-12-08")
                            .out())
                    .contains("CHANGE FAILURE", "29% (2)", "45 min  3.3 h");
        }
    }

    private static JsonNode list(RunningServer s) {
        return s.http().get("/api/v1/deploys?system=payments").json().path("items");
    }

    private static long deploy(Http api, String system, String version, String at, String env) {
        Http.Response r = api.post(
                "/api/v1/deploys",
                "{\"system\":\"" + system + "\",\"version\":\"" + version + "\",\"at\":\"" + at + "\""
                        + (env == null ? "" : ",\"environment\":\"" + env + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** GitHub's deployment_status event, as its webhook documentation shows one. */
    private static String github(String state, String sha, String at) {
        return """
                {"action":"created",
                 "deployment_status":{"id":1,"state":"%s","environment":"production",
                   "target_url":"https://github.com/acme/payments/actions/runs/1","created_at":"%s"},
                 "deployment":{"id":7,"sha":"%s","ref":"main","task":"deploy","environment":"production",
                   "payload":{},"created_at":"%s"},
                 "repository":{"name":"payments","full_name":"acme/payments"},
                 "sender":{"login":"octocat"}}""".formatted(state, at, sha, at);
    }
}
