package dev.hotfixlog.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.attachment.Attachment;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Each tool's API served on localhost in its documented shape, with paging, one 429 (Retry-After: 1) and one
 * malformed answer (an HTML error page with a 200): the dry run and the real run report exactly what the fixture
 * holds, on both databases; the mapping of one open and one closed record is checked field by field; a secret in
 * a note is masked in the record and in the evidence; running again changes nothing; a record changed at the
 * source is updated, not duplicated.
 */
class MigrateFromApisTest {
    static final int N = 230;
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    /** What differs per tool; the rest of the check is the same. */
    record Tool(
            String name,
            SourceServer.Kind kind,
            String auth,
            String token,
            BiConsumer<SourceServer, Integer> fill,
            IntFunction<String> key,
            Predicate<String> rateLimitAt,
            Predicate<String> malformedAt,
            String skipReason,
            String severityOf1,
            Duration alertedAfter) {}

    static final Tool PAGERDUTY = new Tool(
            "pagerduty",
            SourceServer.Kind.PAGERDUTY,
            "Token token=pd-key",
            "pd-key",
            Fixtures::pagerDuty,
            Fixtures::pdId,
            t -> t.contains("/log_entries"),
            t -> t.startsWith("/incidents?") && t.contains("offset=100"),
            "has no title",
            "high",
            Duration.ofMinutes(1));
    static final Tool OPSGENIE = new Tool(
            "opsgenie",
            SourceServer.Kind.OPSGENIE,
            "GenieKey og-key",
            "og-key",
            Fixtures::opsgenie,
            i -> "og-" + String.format("%05d", i),
            t -> t.contains("/notes"),
            t -> t.startsWith("/v2/alerts?") && t.contains("offset=100"),
            "has no creation time",
            "high",
            Duration.ZERO);
    static final Tool OPSGENIE_INCIDENTS = new Tool(
            "opsgenie-incidents",
            SourceServer.Kind.OPSGENIE_INCIDENTS,
            "GenieKey og-key",
            "og-key",
            Fixtures::opsgenieIncidents,
            i -> "oi-" + String.format("%05d", i),
            t -> t.contains("/notes"),
            t -> t.startsWith("/v1/incidents?") && t.contains("offset=100"),
            "has no creation time",
            "high",
            Duration.ZERO);
    static final Tool ONCALL = new Tool(
            "grafana-oncall",
            SourceServer.Kind.ONCALL,
            "oc-key",
            "oc-key",
            Fixtures::onCall,
            i -> "IG" + String.format("%05d", i),
            t -> t.contains("/resolution_notes/"),
            t -> t.contains("/alert_groups/") && t.contains("page=2"),
            "has no creation time",
            "medium",
            Duration.ZERO);

    @BothDatabases
    void pagerDuty_dryAndRealRunsReportTheFixture_andAGainChangesNothing(TestDb db) {
        runsAsTheFixtureSays(db, PAGERDUTY);
    }

    @BothDatabases
    void opsgenie_dryAndRealRunsReportTheFixture_andAGainChangesNothing(TestDb db) {
        runsAsTheFixtureSays(db, OPSGENIE);
    }

    @BothDatabases
    void opsgenieIncidents_dryAndRealRunsReportTheFixture_andAGainChangesNothing(TestDb db) {
        runsAsTheFixtureSays(db, OPSGENIE_INCIDENTS);
    }

    @BothDatabases
    void grafanaOnCall_dryAndRealRunsReportTheFixture_andAGainChangesNothing(TestDb db) {
        runsAsTheFixtureSays(db, ONCALL);
    }

    private void runsAsTheFixtureSays(TestDb db, Tool tool) {
        MutableClock clock = new MutableClock(NOW);
        try (db;
                SourceServer s = new SourceServer(tool.kind(), tool.auth())) {
            tool.fill().accept(s, N);
            CliRunner cli = cli(db, clock, tool.token());
            String[] args = {"migrate", tool.name(), "--from", s.url(), "--token-env", "SOURCE_KEY", "--json"};

            s.rateLimitOnce(tool.rateLimitAt());
            s.malformedOnce(tool.malformedAt());
            JsonNode dry = run(cli, concat(args, "--dry-run"));
            assertThat(dry.path("dryRun").asBoolean()).isTrue();
            assertThat(dry.path("finished").asBoolean()).isTrue();
            assertThat(dry.path("created")).hasSize(N - 1);
            assertThat(dry.path("created").get(0).path("hotfixId").isNull()).isTrue();
            assertThat(dry.path("updated")).isEmpty();
            assertThat(dry.path("unchanged")).isEmpty();
            assertThat(dry.path("skipped")).hasSize(1);
            assertThat(dry.path("skipped").get(0).path("sourceId").asText())
                    .isEqualTo(tool.key().apply(Fixtures.SKIPPED));
            assertThat(dry.path("skipped").get(0).path("reason").asText()).isEqualTo(tool.skipReason());
            assertThat(dry.path("rateLimited").asInt()).isEqualTo(1);
            assertThat(dry.path("malformedRetried").asInt()).isEqualTo(1);
            assertThat(dry.path("mapping").toString()).contains("fixDeployedAt", "not recorded");
            assertThat(dry.path("severity").path(tool.name() + ".*").asText()).isEqualTo("medium");
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).as("a dry run writes nothing").isEmpty();
            }
            String text = cli.run(concat(new String[] {
                        "migrate", tool.name(), "--from", s.url(), "--token-env", "SOURCE_KEY", "--dry-run"
                    }))
                    .out();
            assertThat(text)
                    .contains(
                            "Dry run, nothing written",
                            "would create " + (N - 1),
                            "skipped 1",
                            tool.key().apply(Fixtures.SKIPPED) + ": " + tool.skipReason(),
                            "severity table");

            s.rateLimitOnce(tool.rateLimitAt());
            s.malformedOnce(tool.malformedAt());
            JsonNode real = run(cli, args);
            assertThat(real.path("dryRun").asBoolean()).isFalse();
            assertThat(real.path("created")).hasSize(N - 1);
            assertThat(real.path("skipped")).hasSize(1);
            assertThat(real.path("skipped").get(0).path("reason").asText()).isEqualTo(tool.skipReason());
            assertThat(real.path("rateLimited").asInt()).isEqualTo(1);
            assertThat(real.path("malformedRetried").asInt()).isEqualTo(1);
            Map<String, String> ids = new HashMap<>();
            real.path("created")
                    .forEach(e -> ids.put(
                            e.path("sourceId").asText(), e.path("hotfixId").asText()));
            assertThat(ids).hasSize(N - 1);
            assertThat(ids.values()).doesNotHaveDuplicates();

            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(N - 1);
                Instant detected1 = Fixtures.FIRST.plus(Duration.ofHours(16));
                Hotfix closed =
                        app.hotfixes().get(HotfixId.parse(ids.get(tool.key().apply(1))));
                assertThat(closed.status()).isEqualTo(Status.COMPLETED);
                assertThat(closed.title()).isEqualTo(Fixtures.title(1));
                assertThat(closed.severity().json()).isEqualTo(tool.severityOf1());
                assertThat(closed.systemsAffected()).containsExactly("search");
                assertThat(closed.timeline().detectedAt()).isEqualTo(detected1);
                assertThat(closed.timeline().alertedAt()).isEqualTo(detected1.plus(tool.alertedAfter()));
                assertThat(closed.timeline().resolvedAt()).isEqualTo(detected1.plus(Duration.ofMinutes(38)));
                assertThat(closed.timeline().fixDeployedAt())
                        .as("resolved is not fix deployed")
                        .isNull();
                assertThat(closed.triage().outcome())
                        .as("the decision tree is not invented")
                        .isNull();
                Hotfix open =
                        app.hotfixes().get(HotfixId.parse(ids.get(tool.key().apply(0))));
                assertThat(open.status()).isEqualTo(Status.ACTIVE);
                assertThat(open.timeline().resolvedAt()).isNull();
                assertThat(open.severity().json()).isEqualTo("critical");
                assertThat(open.text("category")).isEqualTo("Database connection failures");

                Hotfix withSecret =
                        app.hotfixes().get(HotfixId.parse(ids.get(tool.key().apply(10))));
                assertThat(withSecret.text("changeMade"))
                        .contains("Old key was")
                        .doesNotContain(Fixtures.GITHUB_TOKEN);
                List<Attachment> evidence = app.attachments().list(Owner.hotfix(withSecret.id()), false);
                assertThat(evidence).hasSize(1);
                assertThat(evidence.get(0).fileName())
                        .isEqualTo(tool.name() + "-" + tool.key().apply(10) + ".json");
                String kept = new String(
                        app.attachments().content(evidence.get(0).id()).bytes(), StandardCharsets.UTF_8);
                assertThat(kept).contains(tool.key().apply(10)).doesNotContain(Fixtures.GITHUB_TOKEN);

                SourceLink link =
                        app.migrations().sourceOf(withSecret.id().toString()).orElseThrow();
                assertThat(link.source()).isEqualTo(tool.name());
                assertThat(link.sourceKey()).isEqualTo(tool.key().apply(10));
                assertThat(app.hotfixes().history(closed.id())).hasSize(1);
            }

            JsonNode again = run(cli, args);
            assertThat(again.path("created")).isEmpty();
            assertThat(again.path("updated")).isEmpty();
            assertThat(again.path("unchanged")).hasSize(N - 1);
            assertThat(again.path("skipped")).hasSize(1);

            ObjectNode changed = s.record(tool.key().apply(1));
            changed.put(
                    tool.kind() == SourceServer.Kind.OPSGENIE || tool.kind() == SourceServer.Kind.OPSGENIE_INCIDENTS
                            ? "message"
                            : "title",
                    Fixtures.title(1) + " (renamed)");
            JsonNode third = run(cli, args);
            assertThat(third.path("created")).isEmpty();
            assertThat(third.path("updated")).hasSize(1);
            assertThat(third.path("updated").get(0).path("hotfixId").asText())
                    .isEqualTo(ids.get(tool.key().apply(1)));
            assertThat(third.path("unchanged")).hasSize(N - 2);
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(N - 1);
                Hotfix renamed =
                        app.hotfixes().get(HotfixId.parse(ids.get(tool.key().apply(1))));
                assertThat(renamed.title()).endsWith("(renamed)");
                assertThat(app.hotfixes().history(renamed.id())).hasSize(2);
                assertThat(app.attachments().list(Owner.hotfix(renamed.id()), false))
                        .as("the changed source document is kept too")
                        .hasSize(2);
            }
        }
    }

    static CliRunner cli(TestDb db, MutableClock clock, String token) {
        return new CliRunner(
                Map.of(
                        "HOTFIX_DB_URL",
                        db.url(),
                        "HOTFIX_DATA_DIR",
                        db.dataDir().toString(),
                        "HOTFIX_ACTOR",
                        "migrator",
                        "SOURCE_KEY",
                        token),
                clock);
    }

    static JsonNode run(CliRunner cli, String... args) {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return Json.parseObject(r.out());
    }

    static String[] concat(String[] a, String... more) {
        String[] out = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    /** Every record of the log. */
    static List<Hotfix> all(App app) {
        List<Hotfix> out = new ArrayList<>();
        Long before = null;
        while (true) {
            List<Hotfix> page = app.hotfixes()
                    .list(new HotfixQuery(null, null, null, null, 500, before, Map.of()))
                    .items();
            out.addAll(page);
            if (page.size() < 500) {
                return out;
            }
            before = page.get(page.size() - 1).id().number();
        }
    }
}
