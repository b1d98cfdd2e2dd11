package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.time.Duration;
import java.util.Map;

/** `hotfix lesson new|list|show|set`, straight on the database and through a server, with the same output. */
class LessonCliTest {
    @BothDatabases
    void aLessonWrittenFromTheCli_readsTheSameThroughAServer(TestDb db) {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        CliRunner direct = new CliRunner(
                Map.of(
                        "HOTFIX_DB_URL",
                        db.url(),
                        "HOTFIX_DATA_DIR",
                        db.dataDir().toString(),
                        "HOTFIX_ACTOR",
                        "priya"),
                clock);
        assertThat(direct.run(
                                "new",
                                "--title",
                                "Monitor showed nothing for 83 minutes",
                                "--severity",
                                "high",
                                "--who",
                                "Priya")
                        .code())
                .isZero();
        assertThat(direct.run("lesson", "new", "--from", "1").err())
                .contains("HOTFIX-001 is active: a lesson is written from a completed hotfix");
        assertThat(direct.run("mark", "1", "deployed").code()).isZero();
        clock.advance(Duration.ofMinutes(20));
        assertThat(direct.run("mark", "1", "resolved").code()).isZero();

        CliRunner.Result made = direct.run(
                "lesson",
                "new",
                "--from",
                "HOTFIX-001",
                "operatingRule=Finalise status per container, not per batch.",
                "bucket=state-model");
        assertThat(made.code()).isZero();
        assertThat(made.out())
                .startsWith("LESSON-001\n  created: Monitor showed nothing for 83 minutes\n")
                .contains("[ ] Constraint: what made the change risky or urgent?")
                .doesNotContain("Operating rule: what should be easier next time?");

        CliRunner.Result set = direct.run(
                "lesson",
                "set",
                "1",
                "constraint=N parallel sub-jobs finalise at the " + "batch level.",
                "tags=pipeline, monitoring",
                "bogus=1");
        assertThat(set.code()).isNotZero();
        assertThat(set.err()).contains("bogus");
        assertThat(direct.run(
                                "lesson",
                                "set",
                                "1",
                                "constraint=N parallel sub-jobs finalise at the batch level.",
                                "tags=pipeline, monitoring")
                        .out())
                .startsWith("LESSON-001 updated (version 2)\n");

        CliRunner.Result shown = direct.run("lesson", "show", "LESSON-001");
        assertThat(shown.out())
                .contains("Operating rule: Finalise status per container, not per batch.\n")
                .contains("Tags:           pipeline, monitoring\n")
                .contains("Cases:          HOTFIX-001\n");
        CliRunner.Result listed = direct.run("lesson", "list", "--tag", "pipeline");
        assertThat(listed.out()).startsWith("LESSON-001   draft");

        try (RunningServer server = new RunningServer(db.config(), clock)) {
            CliRunner remote = new CliRunner(
                    Map.of("HOTFIX_SERVER", server.url(), "HOTFIX_TOKEN", server.token("priya", Role.RESPONDER)),
                    clock);
            assertThat(remote.run("lesson", "show", "1").out()).isEqualTo(shown.out());
            assertThat(remote.run("lesson", "list", "--tag", "pipeline").out()).isEqualTo(listed.out());
            assertThat(remote.run("lesson", "set", "1", "published=yes").err())
                    .contains("summary: is required to publish");
        }
    }

    @BothDatabases
    void site_withoutABaseUrl_saysWhichBaseItUsed(TestDb db) {
        CliRunner cli = new CliRunner(
                Map.of(
                        "HOTFIX_DB_URL",
                        db.url(),
                        "HOTFIX_DATA_DIR",
                        db.dataDir().toString(),
                        "HOTFIX_ACTOR",
                        "ana"),
                MutableClock.at("2026-10-05T09:00:00Z"));
        CliRunner.Result r =
                cli.run("site", "--out", db.dataDir().resolve("site").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err())
                .isEqualTo("note: no --base-url given: the feed and sitemap link to http://localhost/;"
                        + " pass --base-url with the address the site will be served from\n");
        CliRunner.Result given = cli.run(
                "site", "--out", db.dataDir().resolve("site").toString(), "--base-url", "https://notes.example.com/");
        assertThat(given.err()).isEmpty();
    }
}
