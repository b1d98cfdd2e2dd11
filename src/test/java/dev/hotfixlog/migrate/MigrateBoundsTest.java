package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.MigrateFromApisTest.all;
import static dev.hotfixlog.migrate.MigrateFromApisTest.cli;
import static dev.hotfixlog.migrate.MigrateFromApisTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A source that does not behave ends the run on its own, with a reason: an answer that trickles or falls silent is
 * cut and asked again (then named), a list that never ends or goes round is stopped, a record whose id no log
 * could keep is skipped with why while the others are stored, and a record listed twice is stored once and said.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a run that does not end on its own fails here instead of hanging
class MigrateBoundsTest {
    static final int N = 120;

    private static SourceServer pagerDuty(int n) {
        SourceServer s = new SourceServer(SourceServer.Kind.PAGERDUTY, "Token token=pd-key");
        Fixtures.pagerDuty(s, n);
        return s;
    }

    private static String[] pd(SourceServer s, String... more) {
        // From a month before the fixture's first incident: all of it is one window, so its pages are offsets.
        return MigrateFromApisTest.concat(
                new String[] {
                    "migrate",
                    "pagerduty",
                    "--from",
                    s.url(),
                    "--token-env",
                    "SOURCE_KEY",
                    "--since",
                    "2026-02-01",
                    "--json"
                },
                more);
    }

    @BothDatabases
    void aTricklingAnswer_isCutAndAskedAgain_andOneThatNeverEndsStopsTheRunNamingThePage(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = pagerDuty(N)) {
            CliRunner cli = cli(db, clock, "pd-key");
            // One byte every 2 s never falls silent for 30 s: only the whole answer's deadline cuts it.
            s.trickle(t -> t.startsWith("/incidents?") && t.contains("offset=100"), 1);
            JsonNode real = run(cli, pd(s, "--answer-timeout", "3"));
            assertThat(real.path("finished").asBoolean()).isTrue();
            assertThat(real.path("created")).hasSize(N - 1);
            assertThat(real.path("malformedRetried").asInt()).isEqualTo(1);

            s.trickle(t -> t.startsWith("/incidents?") && t.contains("offset=100"), 3);
            CliRunner.Result stopped = cli.run(pd(s, "--answer-timeout", "3", "--restart"));
            assertThat(stopped.code()).isNotZero();
            assertThat(stopped.err())
                    .contains("/incidents is not a page of records after 3 tries: the answer was "
                            + "not whole after 3 seconds (--answer-timeout)");

            s.trickle(t -> t.contains("/incidents/PD00001/log_entries"), 3);
            CliRunner.Result silent = cli.run(pd(s, "--read-timeout", "1", "--dry-run"));
            assertThat(silent.code()).isNotZero();
            assertThat(silent.err())
                    .contains("/log_entries is not a page of records after 3 tries: the source sent "
                            + "nothing for 1 second (--read-timeout)");
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(N - 1);
            }
        }
    }

    @BothDatabases
    void aListThatNeverEnds_stopsAtTheRunsPageLimit_andTheNextRunGoesOnFromThere(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = pagerDuty(0)) {
            s.endless = true;
            CliRunner cli = cli(db, clock, "pd-key");
            CliRunner.Result first = cli.run(pd(s, "--max-pages", "3"));
            assertThat(first.code()).isNotZero();
            assertThat(first.err())
                    .contains(
                            "read 3 pages, the most one run reads (--max-pages 3)",
                            "stopped after 3 page(s): 300 created, 0 updated are stored; the same command goes on from the "
                                    + "page after them");
            CliRunner.Result second = cli.run(pd(s, "--max-pages", "2"));
            assertThat(second.code()).isNotZero();
            assertThat(second.err()).contains("stopped after 2 page(s): 200 created");
            assertThat(s.listPages.get()).isEqualTo(5);
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(500);
            }
        }
    }

    @BothDatabases
    void aListThatGoesRound_stopsTheRun_whenItsNextLinkRepeats_orItsPagesRepeatRecords(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer oncall = new SourceServer(SourceServer.Kind.ONCALL, "oc-key");
                SourceServer pd = pagerDuty(N)) {
            Fixtures.onCall(oncall, N);
            oncall.repeatNext = true;
            CliRunner.Result repeated = cli(db, clock, "oc-key")
                    .run("migrate", "grafana-oncall", "--from", oncall.url(), "--token-env", "SOURCE_KEY", "--dry-run");
            assertThat(repeated.code()).isNotZero();
            assertThat(repeated.err())
                    .contains("the source gave the same next page twice (" + oncall.url()
                            + "/api/v1/alert_groups): it is not moving on, so the run stops here");
            assertThat(oncall.listPages.get()).isEqualTo(2);

            pd.samePage = true;
            CliRunner.Result same = cli(db, clock, "pd-key").run(pd(pd));
            assertThat(same.code()).isNotZero();
            assertThat(same.err())
                    .contains(
                            "the source's last 3 pages held only records it had already given: it "
                                    + "is not moving on, so the run stops here",
                            "stopped after 4 page(s): 99 created");
        }
    }

    @BothDatabases
    void aHugeIdAmongGoodRecords_isSkippedWithItsReason_andTheOthersAreStored(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        String huge = "P".repeat(100_000);
        try (db;
                SourceServer pd = pagerDuty(N);
                SourceServer oncall = new SourceServer(SourceServer.Kind.ONCALL, "oc-key")) {
            ObjectNode bad = pd.record(Fixtures.pdId(7)).deepCopy().put("id", huge);
            pd.add(bad, Map.of());
            JsonNode report = run(cli(db, clock, "pd-key"), pd(pd));
            assertThat(report.path("finished").asBoolean()).isTrue();
            assertThat(report.path("created")).hasSize(N - 1);
            assertThat(report.path("skipped").toString())
                    .contains(Json.write(Json.object()
                            .put("sourceId", "P".repeat(40) + "… (100000 characters)")
                            .put("reason", "its id is 100000 characters long; an id of at most 200 is taken")));

            Fixtures.onCall(oncall, N);
            oncall.add(oncall.record("IG00007").deepCopy().put("id", "IG" + "9".repeat(99_998)), Map.of());
            JsonNode groups = run(
                    cli(db, clock, "oc-key"),
                    "migrate",
                    "grafana-oncall",
                    "--from",
                    oncall.url(),
                    "--token-env",
                    "SOURCE_KEY",
                    "--json");
            assertThat(groups.path("created")).hasSize(N - 1);
            assertThat(groups.path("skipped").toString())
                    .contains(Json.write(Json.object()
                            .put("sourceId", "IG" + "9".repeat(38) + "… (100000 characters)")
                            .put("reason", "its id is 100000 characters long; an id of at most 200 is taken")));
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(2 * (N - 1));
            }
        }
    }

    @BothDatabases
    void aRecordsSubListThatNeverEnds_keepsItsFirstPages_andTheReportSaysSo(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = pagerDuty(N)) {
            s.endlessLogOf = Fixtures.pdId(4);
            JsonNode report = run(cli(db, clock, "pd-key"), pd(s));
            assertThat(report.path("created")).hasSize(N - 1);
            assertThat(report.path("notes").toString())
                    .contains(Fixtures.pdId(4) + ": incidents/" + Fixtures.pdId(4)
                            + "/log_entries went on past 20 pages or came round again; the first ones are kept");
            assertThat(s.requests().stream()
                            .filter(r -> r.startsWith("/incidents/" + Fixtures.pdId(4) + "/log_entries")))
                    .hasSize(20);
        }
    }

    @BothDatabases
    void aRecordListedTwiceOnAPage_isStoredOnce_andTheReportSaysSo(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                SourceServer s = pagerDuty(N)) {
            s.add(s.record(Fixtures.pdId(5)), Map.of());
            JsonNode report = run(cli(db, clock, "pd-key"), pd(s));
            assertThat(report.path("created")).hasSize(N - 1);
            assertThat(report.path("notes").toString())
                    .contains(Fixtures.pdId(5) + ": listed again by the source; the first listing is the one stored");
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(N - 1);
            }
        }
    }
}
