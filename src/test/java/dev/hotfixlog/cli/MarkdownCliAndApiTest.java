package dev.hotfixlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Import and export through the REST API and the CLI, directly on the database and through a server. */
class MarkdownCliAndApiTest {
    private static String example() throws Exception {
        try (InputStream in = MarkdownCliAndApiTest.class.getResourceAsStream("/example-hotfix-log.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BothDatabases
    void theApi_importsExportsAndServesOneRecordAsMarkdown(TestDb db) throws Exception {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            Http responder = s.as("rita", Role.RESPONDER);
            Http.Response dry =
                    responder.post("/api/v1/import?dryRun=true", example(), "Content-Type", "text/markdown");
            assertThat(dry.status()).isEqualTo(200);
            assertThat(dry.json().path("created").toString())
                    .isEqualTo("[\"HOTFIX-003\",\"HOTFIX-004\",\"HOTFIX-002\",\"HOTFIX-001\"]");
            assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
            assertThat(responder.get("/api/v1/hotfixes").json().path("items").size())
                    .isZero();

            Http.Response done = responder.post("/api/v1/import", example(), "Content-Type", "text/markdown");
            assertThat(done.json().path("created").size()).isEqualTo(4);
            assertThat(done.json().path("emergencyTypes").asInt()).isEqualTo(2);

            Http.Response log = responder.get("/api/v1/export");
            assertThat(log.status()).isEqualTo(200);
            assertThat(log.contentType()).isEqualTo("text/markdown; charset=utf-8");
            assertThat(log.body()).as("the imported page as written").isEqualTo(example());
            Http.Response full = responder.get("/api/v1/export?format=full");
            assertThat(full.body()).contains("#### Record Details (not in the template)");

            Http.Response one = responder.get("/api/v1/hotfixes/HOTFIX-003", "Accept", "text/markdown");
            assertThat(one.contentType()).isEqualTo("text/markdown; charset=utf-8");
            assertThat(one.body())
                    .startsWith("### 🚨 [HOTFIX-003] Checkout returns 502 after payment provider TLS " + "rotation\n");

            Http.Response page = responder.get("/hotfixes/HOTFIX-003/markdown");
            assertThat(page.contentType()).startsWith("text/plain;").containsIgnoringCase("charset=utf-8");
            assertThat(page.body()).as("the record page's Markdown link").isEqualTo(one.body());
            assertThat(responder.get("/hotfixes/HOTFIX-x/markdown").status()).isEqualTo(404);

            Http.Response badFormat = responder.get("/api/v1/export?format=pdf");
            assertThat(badFormat.status()).isEqualTo(422);
            assertThat(badFormat.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("format");
            Http.Response bad = responder.post(
                    "/api/v1/import",
                    "## Active Hotfixes\n\n### 🚨 [HOTFIX-9] x\n" + "**Severity:** Urgent\n",
                    "Content-Type",
                    "text/markdown");
            assertThat(bad.status()).isEqualTo(422);
            JsonNode err = bad.json().path("errors").get(0);
            assertThat(err.path("field").asText()).isEqualTo("line 4");
            assertThat(err.path("message").asText()).startsWith("Severity: 'Urgent' is not a severity");
            assertThat(s.as("vic", Role.VIEWER)
                            .post("/api/v1/import", example())
                            .status())
                    .as("viewers read, they do not import")
                    .isEqualTo(403);
        }
    }

    @Test
    void aDryRun_onAFreshFolder_createsNothingOnDisk() throws Exception {
        Path work = Files.createTempDirectory("hotfix-dry");
        Path file = work.resolve("log.md");
        Files.writeString(file, example());
        Path data = work.resolve("hotfix-data");
        CliRunner cli = new CliRunner(
                Map.of("HOTFIX_DATA_DIR", data.toString(), "HOTFIX_ACTOR", "ana"),
                MutableClock.at("2026-11-22T10:00:00Z"));
        CliRunner.Result dry = cli.run("import", file.toString(), "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).startsWith("would create 4: HOTFIX-003, HOTFIX-004, HOTFIX-002, HOTFIX-001\n");
        try (var left = Files.list(work)) {
            assertThat(left.toList()).containsExactly(file);
        }
    }

    @BothDatabases
    void theCli_importsAndExports_theSameInDirectAndServerMode(TestDb db) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
        Path file = db.dataDir().resolve("log.md");
        Files.writeString(file, example());
        CliRunner direct = new CliRunner(
                Map.of(
                        "HOTFIX_DB_URL",
                        db.url(),
                        "HOTFIX_DATA_DIR",
                        db.dataDir().toString(),
                        "HOTFIX_ACTOR",
                        "ana"),
                clock);
        CliRunner.Result dry = direct.run("import", file.toString(), "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(dry.out())
                .isEqualTo("would create 4: HOTFIX-003, HOTFIX-004, HOTFIX-002, HOTFIX-001\n"
                        + "would update 0\nunchanged 0\n"
                        + "emergency types: added Configuration rollout, Third-party certificate or API changes; 2 in the log\n"
                        + "warning signs: added Index lag seconds, Payment success ratio; 2 in the log\n"
                        + "note: HOTFIX-002: a completed one-line entry has no severity; recorded as not stated\n"
                        + "note: HOTFIX-001: a completed one-line entry has no severity; recorded as not stated\n"
                        + "dry run: nothing was changed\n");
        CliRunner.Result onTerminal = direct.run("", true, "import", file.toString());
        assertThat(onTerminal.out()).startsWith("created 4: ");
        assertThat(onTerminal.err()).as("progress on a terminal").isEqualTo("\rread 4 entries\n");
        assertThat(direct.run("show", "HOTFIX-002").out())
                .as("a completed one-liner states no severity")
                .containsPattern("Severity: +not stated\n");
        Path out = db.dataDir().resolve("export.md");
        assertThat(direct.run("export", "--out", out.toString()).code()).isZero();
        assertThat(Files.readString(out)).as("the imported page as written").isEqualTo(example());
        String showDirect = direct.run("show", "HOTFIX-004", "--markdown").out();
        assertThat(showDirect).startsWith("### 🚨 [HOTFIX-004] Search index stale for 6 hours after config rollout");
        String fullDirect = direct.run("export", "--format", "full").out();

        Path bad = db.dataDir().resolve("bad.md");
        Files.writeString(bad, "## Active Hotfixes\n\n### 🚨 [HOTFIX-x1] oops\n");
        CliRunner.Result refused = direct.run("import", bad.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("line 3: 'HOTFIX-x1' is not a hotfix id");
        assertThat(direct.run("import", db.dataDir().resolve("missing.md").toString())
                        .err())
                .isEqualTo("error: FILE: " + db.dataDir().resolve("missing.md") + " does not exist\n");
        Path nowhere = db.dataDir().resolve("no-such-folder");
        assertThat(direct.run("export", "--out", nowhere.resolve("log.md").toString())
                        .err())
                .isEqualTo("error: --out: the folder " + nowhere + " does not exist\n");
        Files.write(bad, new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThat(direct.run("import", bad.toString()).err()).contains("is not UTF-8 text");
        // A replacement character written on purpose is text like any other, not broken bytes.
        Files.writeString(
                bad,
                "## Active Hotfixes\n\n### 🚨 [HOTFIX-090] Mojibake \uFFFD in the logs\n" + "**Severity:** Medium\n");
        assertThat(direct.run("import", "--dry-run", bad.toString()).out()).startsWith("would create 1: HOTFIX-090\n");

        try (RunningServer server = new RunningServer(db.config(), clock)) {
            String token = server.token("rita", Role.RESPONDER);
            CliRunner remote = new CliRunner(Map.of("HOTFIX_SERVER", server.url(), "HOTFIX_TOKEN", token), clock);
            assertThat(remote.run("show", "HOTFIX-004", "--markdown").out()).isEqualTo(showDirect);
            assertThat(remote.run("export", "--format", "full").out()).isEqualTo(fullDirect);
            assertThat(remote.run("import", file.toString()).out())
                    .startsWith("created 0\nupdated 0\nunchanged 4: HOTFIX-003, HOTFIX-004, HOTFIX-002, HOTFIX-001\n");
        }
        db.close();
    }
}
