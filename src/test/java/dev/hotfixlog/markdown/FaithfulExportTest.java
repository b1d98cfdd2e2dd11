package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixService;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.time.Duration;

/** A whole page imported and not touched comes back from the {@code log} export byte for byte. */
class FaithfulExportTest {
    /** The seed template with only what a record cannot be without filled in: a title and a severity. */
    static String filledSeed() throws IOException {
        return ExampleLogTest.resource("markdown/seed-template.md")
                .replace("### 🚨 [HOTFIX-001] [Brief Description]", "### 🚨 [HOTFIX-001] Checkout down")
                .replace("**Severity:** 🔴 Critical | 🟡 High | 🔵 Medium", "**Severity:** High")
                .replace(
                        "### 🚨 [HOTFIX-XXX] [Brief Description] - [Date]",
                        "### 🚨 [HOTFIX-002] Login loop for SSO users - 2026-09-21");
    }

    private static String importedAndExported(RunningServer s, String page) {
        s.app().markdown().importLog(page, false, "ana", n -> {});
        return s.app().markdown().export(LogFormat.LOG);
    }

    @BothDatabases
    void theExampleLog_comesBackAsWritten(TestDb db) throws IOException {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            String page = ExampleLogTest.resource("example-hotfix-log.md");
            assertThat(importedAndExported(s, page)).isEqualTo(page);
        }
    }

    @BothDatabases
    void theSeedTemplate_filledIn_comesBackAsWritten_withItsPlaybookAndPlaceholders(TestDb db) throws IOException {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            String page = filledSeed();
            assertThat(importedAndExported(s, page)).isEqualTo(page);
            String crlf = page.replace("\n", "\r\n") + "\r\n\r\n";
            assertThat(importedAndExported(s, crlf)).isEqualTo(crlf);
        }
    }

    @BothDatabases
    void anEditAfterTheImport_rewritesOnlyThatFieldsLine(TestDb db) throws IOException {
        MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
        try (db;
                RunningServer s = new RunningServer(db.config(), clock)) {
            String page = ExampleLogTest.resource("example-hotfix-log.md").replace("1 hour 10 minutes", "1h 10m");
            s.app().markdown().importLog(page, false, "ana", n -> {});
            HotfixService hotfixes = s.app().hotfixes();
            clock.advance(Duration.ofMinutes(5));
            hotfixes.edit(
                    new HotfixId(4),
                    1,
                    MergePatch.of(Json.parseObject(
                            "{\"severity\":\"critical\"," + "\"followUps\":{\"postmortem\":{\"done\":true}}}")),
                    "ana");

            String exported = s.app().markdown().export(LogFormat.LOG);

            assertThat(exported)
                    .isEqualTo(page.replace("**Severity:** 🟡 High  ", "**Severity:** 🔴 Critical  ")
                            .replace(
                                    "- [ ] **Post-mortem scheduled** for 2026-10-11 with Jonas Weber",
                                    "- [x] **Post-mortem scheduled** for 2026-10-11 with Jonas Weber"));
        }
    }

    @BothDatabases
    void aRecordAddedOrDeletedSince_changesOnlyItsOwnEntry(TestDb db) throws IOException {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            String page = ExampleLogTest.resource("example-hotfix-log.md");
            s.app().markdown().importLog(page, false, "ana", n -> {});
            s.app().hotfixes().delete(new HotfixId(2), "ana");

            String exported = s.app().markdown().export(LogFormat.LOG);

            int from = page.indexOf("### 🚨 [HOTFIX-002]");
            int to = page.indexOf("### 🚨 [HOTFIX-001]");
            assertThat(exported).isEqualTo(page.substring(0, from) + page.substring(to));
        }
    }
}
