package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * A dry run asked for in any spelling but {@code dryRun=true} is refused (400 naming what was sent), and nothing is
 * imported: a bare {@code ?dryRun}, an empty value, another case or separator, another word, two values. Before,
 * all of these imported the whole log for real.
 */
class ImportFlagSpellingTest {
    /** What is sent after {@code /api/v1/import}, and the parameter the refusal names. */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("?dryRun", "dryRun"),
            Map.entry("?dryRun=", "dryRun"),
            Map.entry("?dryrun=true", "dryrun"),
            Map.entry("?DryRun=true", "DryRun"),
            Map.entry("?dry_run=true", "dry_run"),
            Map.entry("?dry-run=true", "dry-run"),
            Map.entry("?dryRun=1", "dryRun"),
            Map.entry("?dryRun=yes", "dryRun"),
            Map.entry("?dryRun=TRUE", "dryRun"),
            Map.entry("?dryRun=true&dryRun=false", "dryRun"),
            Map.entry("?dryRun=true&renumber", "renumber"),
            Map.entry("?dryRun=true&force=true", "force"));

    @BothDatabases
    void everyOtherSpellingOfDryRun_isRefusedAndImportsNothing(TestDb db) throws Exception {
        String log = Files.readString(Path.of("src/test/resources/example-hotfix-log.md"));
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http api = s.http();
            SoftAssertions soft = new SoftAssertions();
            REFUSED.forEach((query, field) -> {
                Http.Response r = api.post("/api/v1/import" + query, log, "Content-Type", "text/markdown");
                soft.assertThat(r.status()).as(query).isEqualTo(400);
                soft.assertThat(r.json().path("errors").path(0).path("field").asText())
                        .as(query)
                        .isEqualTo(field);
            });
            soft.assertAll();
            assertThat(api.get("/api/v1/hotfixes").json().path("items").size())
                    .as("nothing imported")
                    .isZero();

            Http.Response dry = api.post("/api/v1/import?dryRun=true", log, "Content-Type", "text/markdown");
            assertThat(dry.status()).isEqualTo(200);
            assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
            assertThat(dry.json().path("created").size()).isPositive();
            assertThat(api.get("/api/v1/hotfixes").json().path("items").size())
                    .as("a dry run stores nothing")
                    .isZero();
            assertThat(api.post("/api/v1/import?dryRun=false", log, "Content-Type", "text/markdown")
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/hotfixes").json().path("items").size())
                    .as("dryRun=false imports")
                    .isPositive();
        }
    }
}
