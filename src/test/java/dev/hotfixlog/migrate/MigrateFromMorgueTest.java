package dev.hotfixlog.migrate;

import static dev.hotfixlog.migrate.MigrateFromApisTest.all;
import static dev.hotfixlog.migrate.MigrateFromApisTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.App;
import dev.hotfixlog.attachment.Owner;
import dev.hotfixlog.cli.CliRunner;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.TestMariaDb;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/**
 * Morgue's postmortems read from a real MariaDB database in Morgue's own schema (two pages of 100): the dry run
 * and the real run report what the fixture holds (one deleted in Morgue, one without any time), on both of our
 * databases; Unix seconds become times, categories and Jira tickets land where the mapping says, the history and
 * image links stay in the kept source document; a second run changes nothing; an edit in Morgue is an update.
 */
@Tag("slow")
class MigrateFromMorgueTest {
    static final int N = 150;

    @BothDatabases
    void postmortemsFromMariaDb_reportTheFixture_mapByTheTable_andAgainChangeNothing(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                TestMariaDb morgue = TestMariaDb.fresh()) {
            MorgueFixture.schema(morgue);
            MorgueFixture.fill(morgue, N);
            CliRunner cli = MigrateFromApisTest.cli(db, clock, "");
            String[] args = {
                "migrate", "morgue", "--from", morgue.url(), "--jira-url", "https://jira.example.com/browse/", "--json"
            };

            // The mysql: scheme is the same server to the driver.
            JsonNode dry = run(
                    cli,
                    "migrate",
                    "morgue",
                    "--from",
                    morgue.url().replace("jdbc:mariadb:", "jdbc:mysql:"),
                    "--dry-run",
                    "--json");
            assertThat(dry.path("created")).hasSize(N - 2);
            assertThat(dry.path("pages").asInt()).isEqualTo(2);
            assertThat(dry.path("skipped").toString())
                    .contains(
                            "{\"sourceId\":\"3\",\"reason\":\"deleted in Morgue\"}",
                            "{\"sourceId\":\"5\",\"reason\":\"has no creation time\"}");
            assertThat(dry.path("skipped")).hasSize(2);
            assertThat(dry.path("origin").asText()).doesNotContain("user=");
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).isEmpty();
            }

            JsonNode real = run(cli, args);
            assertThat(real.path("created")).hasSize(N - 2);
            assertThat(real.path("skipped")).hasSize(2);
            Map<String, String> ids = new HashMap<>();
            real.path("created")
                    .forEach(e -> ids.put(
                            e.path("sourceId").asText(), e.path("hotfixId").asText()));
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(N - 2);
                Hotfix one = app.hotfixes().get(HotfixId.parse(ids.get("1")));
                assertThat(one.title()).isEqualTo(Fixtures.title(1));
                assertThat(one.severity().json()).as("Morgue severity 2").isEqualTo("high");
                assertThat(one.owner()).isEqualTo("priya");
                assertThat(one.systemsAffected()).containsExactly("search");
                assertThat(one.text("category")).isEqualTo("Configuration rollout");
                assertThat(one.timeline().detectedAt()).isEqualTo(MorgueFixture.detected(1));
                assertThat(one.timeline().resolvedAt())
                        .isEqualTo(MorgueFixture.detected(1).plus(Duration.ofMinutes(38)));
                assertThat(one.timeline().alertedAt()).isNull();
                assertThat(one.timeline().fixDeployedAt()).isNull();
                assertThat(one.status()).isEqualTo(Status.COMPLETED);
                assertThat(one.text("impact")).contains("Customer facing", "Impact began", "10 min");
                assertThat(one.text("rootCause")).isEqualTo("Pool max of 20 under peak load");
                assertThat(one.text("boundary")).isEqualTo("payments-team");
                assertThat(one.triage().outcome()).isNull();

                Hotfix four = app.hotfixes().get(HotfixId.parse(ids.get("4")));
                assertThat(four.followUps().get(FollowUpKind.PROPER_FIX).description())
                        .isEqualTo("Jira: OPS-4, OPS-1004");
                assertThat(four.followUps().get(FollowUpKind.PROPER_FIX).link())
                        .isEqualTo("https://jira.example.com/browse/OPS-4");
                assertThat(four.text("rootCause"))
                        .contains("Why it surprised us: We thought the pool grew on its own.");
                assertThat(four.text("problem")).startsWith("Pool exhausted; raised max and added an alert.");

                Hotfix ten = app.hotfixes().get(HotfixId.parse(ids.get("10")));
                assertThat(ten.status()).as("no end time: still open").isEqualTo(Status.ACTIVE);
                assertThat(ten.text("problem"))
                        .contains("The deploy key leaked")
                        .doesNotContain(Fixtures.GITHUB_TOKEN);
                assertThat(app.hotfixes().get(HotfixId.parse(ids.get("12"))).text("postmortemUrl"))
                        .isEqualTo("https://docs.example.com/pm/12");

                var evidence = app.attachments().list(Owner.hotfix(HotfixId.parse(ids.get("14"))), false);
                assertThat(evidence).hasSize(1);
                String doc = new String(
                        app.attachments().content(evidence.get(0).id()).bytes(), StandardCharsets.UTF_8);
                assertThat(doc)
                        .contains(
                                "\"postmortem\"",
                                "https://morgue.example.com/img/14.png",
                                "\"history\"",
                                "\"jonas\"",
                                "\"update\"",
                                "\"database\"")
                        .doesNotContain("retired-tag");
            }

            JsonNode again = run(cli, args);
            assertThat(again.path("created")).isEmpty();
            assertThat(again.path("updated")).isEmpty();
            assertThat(again.path("unchanged")).hasSize(N - 2);

            morgue.exec(
                    "UPDATE postmortems SET incident_cause = 'Pool max of 20, and no alert on waiting' WHERE id = 7");
            JsonNode edited = run(cli, args);
            assertThat(edited.path("updated")).hasSize(1);
            assertThat(edited.path("updated").get(0).path("sourceId").asText()).isEqualTo("7");
            assertThat(edited.path("unchanged")).hasSize(N - 3);
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(N - 2);
                assertThat(app.hotfixes().get(HotfixId.parse(ids.get("7"))).text("rootCause"))
                        .contains("no alert");
                app.hotfixes().delete(HotfixId.parse(ids.get("8")), "admin");
            }
            // A hotfix deleted here stays deleted: the next run names it and does not bring it back.
            JsonNode afterDelete = run(cli, args);
            assertThat(afterDelete.path("created")).isEmpty();
            assertThat(afterDelete.path("skipped").toString())
                    .contains("{\"sourceId\":\"8\",\"reason\":\"it was " + ids.get("8")
                            + ", deleted here; a migration does not bring a deleted hotfix back\"}");
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(N - 3);
            }

            // Renamed and re-timed in Morgue: still the same postmortem, so the same hotfix, updated.
            morgue.exec("UPDATE postmortems SET title = 'Pool exhausted (renamed)', detecttime = detecttime + 7200 "
                    + "WHERE id = 9");
            JsonNode renamed = run(cli, args);
            assertThat(renamed.path("skipped").toString()).doesNotContain("\"sourceId\":\"9\"");
            assertThat(renamed.path("updated")).hasSize(1);
            assertThat(renamed.path("updated").get(0).path("hotfixId").asText()).isEqualTo(ids.get("9"));
            try (App app = App.local(db.config(), clock)) {
                assertThat(all(app)).hasSize(N - 3);
                assertThat(app.hotfixes().get(HotfixId.parse(ids.get("9"))).title())
                        .isEqualTo("Pool exhausted (renamed)");
            }

            // Driver options that could read this machine's files for the server are not taken.
            CliRunner.Result refused = cli.run("migrate", "morgue", "--from", morgue.url() + "&allowLocalInfile=true");
            assertThat(refused.code()).isNotZero();
            assertThat(refused.err()).contains("from", "the option 'allowLocalInfile' is not taken here");
        }
    }

    @BothDatabases
    void htmlTexts_landAsPlainText_entitiesDecoded_scriptsDropped_linksKept(TestDb db) {
        MutableClock clock = new MutableClock(MigrateFromApisTest.NOW);
        try (db;
                TestMariaDb morgue = TestMariaDb.fresh()) {
            MorgueFixture.schema(morgue);
            MorgueFixture.fill(morgue, 3);
            morgue.exec("UPDATE postmortems SET title = 'Pool &amp; queue <b>exhausted</b>', tldr = '<p>Pool "
                    + "&lt;20&gt; exhausted</p>', summary = '<h2>What happened</h2><p>Requests &amp; retries "
                    + "queued&nbsp;behind the <b>pool</b>.</p><script>alert(1)</script><style>p{color:red}</style>"
                    + "<!-- draft --><ul><li>Raised max</li><li>See <a href=\"https://runbooks.example.com/pool\">"
                    + "the runbook</a></li><li><a href=\"javascript:alert(2)\">click</a></li></ul>', why_surprised = "
                    + "'We thought<br>it grew &#x2014; on its own' WHERE id = 2");
            JsonNode report =
                    run(MigrateFromApisTest.cli(db, clock, ""), "migrate", "morgue", "--from", morgue.url(), "--json");
            assertThat(report.path("created")).hasSize(2);
            String id = report.path("created").get(1).path("hotfixId").asText();
            assertThat(report.path("created").get(1).path("sourceId").asText()).isEqualTo("2");
            try (App app = App.local(db.config(), clock)) {
                Hotfix two = app.hotfixes().get(HotfixId.parse(id));
                assertThat(two.title()).isEqualTo("Pool & queue exhausted");
                assertThat(two.text("problem"))
                        .isEqualTo("Pool <20> exhausted\n\nWhat happened\n\nRequests & retries "
                                + "queued behind the pool.\n\n- Raised max\n- See the runbook "
                                + "(https://runbooks.example.com/pool)\n- click");
                assertThat(two.text("rootCause"))
                        .isEqualTo("Pool max of 20 under peak load\n\nWhy it surprised us: "
                                + "We thought\nit grew \u2014 on its own");
            }
        }
    }
}
