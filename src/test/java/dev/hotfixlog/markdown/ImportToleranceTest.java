package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixQuery;
import dev.hotfixlog.hotfix.Revision;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A log as people really fill the template in, and a log that cannot be read. */
class ImportToleranceTest {
    private static final String MESSY = String.join(
            "\r\n",
            "# Our hotfixes",
            "",
            "Some intro text people keep above the log.",
            "",
            "## Active Hotfixes",
            "",
            "### [HOTFIX-120] Cache stampede after deploy",
            "",
            "Who: Dana",
            "severity: high",
            "**Date/Time:** 2026-10-04T02:17:09+02:00",
            "**Duration:** 1h 30m",
            "",
            "#### The Emergency",
            "",
            "**Impact:** p99 latency 9 s | error rate 12%",
            "**Problem:** Redis evictions",
            "continued on the next line, as a wrapped paragraph does",
            "**Why Emergency:** [Why normal process couldn't wait]",
            "",
            "#### The Fix",
            "",
            "**Rollback Plan:** [How to undo if it makes things worse]",
            "**Files/Systems Affected:** api (src/cache.go, src/ttl.go), redis",
            "**Change Made:**",
            "```go",
            "ttl := base + jitter(30 * time.Second) // ✓ ünïcode",
            "```",
            "**Ticket:** OPS-42",
            "",
            "#### Timeline notes",
            "",
            "02:17 paged; 02:30 found it",
            "",
            "#### Follow-up Required",
            "",
            "- [X] Post-mortem scheduled for 2026-10-06 with Dana",
            "- [ ] **Proper fix planned** - [Brief description]",
            "* [x] **Documentation updates** - see [runbook](https://wiki/x)",
            "",
            "---",
            "",
            "### 🚨 [HOTFIX-007] Logo missing on the login page",
            "",
            "**Severity:** 🔵",
            "**Duration:** 45 min",
            "**Date/Time:** 2026-10-05 09:00",
            "",
            "## Completed Hotfixes (Last 6 Months)",
            "",
            "### 🚨 [HOTFIX-100] Billing job double-charged - 2026-09-02",
            "",
            "**Duration:** 2 hours | **Follow-up:** Done | **Learning:** Retries need idempotency keys | always",
            "",
            "**Post-mortem:** https://wiki.example.com/pm/100",
            "",
            "## Team Notes",
            "",
            "Not part of the log.",
            "",
            "## Hotfix Patterns & Prevention",
            "",
            "### Common Emergency Types",
            "",
            "- Type 1: Cache expiry storms - Prevention: jittered TTLs",
            "- **Type 2:** [e.g., Third-party API outages] - **Prevention:** [Strategy]",
            "",
            "### Warning Signs",
            "",
            "- **Signal 1:** Evictions per second -> **Threshold:** over 1000 for 5 minutes",
            "");

    @BothDatabases
    void aMessyRealLog_importsWithEveryToleranceTheIssueLists(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            MarkdownService md = s.app().markdown();
            ImportReport dry = md.importLog(MESSY, true, "ana", n -> {});
            assertThat(dry.created()).containsExactly("HOTFIX-120", "HOTFIX-007", "HOTFIX-100");
            assertThat(s.app().hotfixes().list(HotfixQuery.firstPage()).items())
                    .as("a dry run changes nothing")
                    .isEmpty();

            ImportReport r = md.importLog(MESSY, false, "ana", n -> {});
            assertThat(r.created()).containsExactly("HOTFIX-120", "HOTFIX-007", "HOTFIX-100");
            assertThat(r.skipped()).contains("line 57: section 'Team Notes' is not part of the log; kept as written");
            Hotfix h = s.app().hotfixes().get(new HotfixId(120));
            assertThat(h.owner()).isEqualTo("Dana");
            assertThat(h.severity()).isEqualTo(Severity.HIGH);
            assertThat(h.timeline().detectedAt()).isEqualTo(Instant.parse("2026-10-04T00:17:09Z"));
            assertThat(h.timeline().explicitDuration()).isEqualTo(Duration.ofMinutes(90));
            assertThat(h.text("impact")).isEqualTo("p99 latency 9 s | error rate 12%");
            assertThat(h.text("problem"))
                    .isEqualTo("Redis evictions\ncontinued on the next line, as a wrapped paragraph does");
            assertThat(h.text("whyEmergency")).as("a placeholder is empty").isNull();
            assertThat(h.text("rollbackPlan")).isNull();
            assertThat(h.systemsAffected()).containsExactly("api (src/cache.go, src/ttl.go)", "redis");
            assertThat(h.text("changeMade")).isEqualTo("ttl := base + jitter(30 * time.Second) // ✓ ünïcode");
            assertThat(h.followUps().get(FollowUpKind.POSTMORTEM).done()).isTrue();
            assertThat(h.followUps().get(FollowUpKind.POSTMORTEM).description()).isEqualTo("for 2026-10-06 with Dana");
            assertThat(h.followUps().get(FollowUpKind.PROPER_FIX).description()).isNull();
            assertThat(h.followUps().get(FollowUpKind.DOCUMENTATION).description())
                    .isEqualTo("see [runbook](https://wiki/x)");
            assertThat(s.app().hotfixes().get(new HotfixId(7)).severity()).isEqualTo(Severity.MEDIUM);
            assertThat(s.app().hotfixes().get(new HotfixId(7)).timeline().explicitDuration())
                    .isEqualTo(Duration.ofMinutes(45));
            Hotfix done = s.app().hotfixes().get(new HotfixId(100));
            assertThat(done.status()).isEqualTo(Status.COMPLETED);
            assertThat(done.text("learning")).isEqualTo("Retries need idempotency keys | always");
            assertThat(done.timeline().explicitDuration()).isEqualTo(Duration.ofHours(2));

            // What the template has no place for is kept verbatim and written back where it stood.
            String one = md.exportOne(new HotfixId(120));
            assertThat(one)
                    .contains("**Rollback Plan:** [How to undo if it makes things worse]\n\n**Ticket:** OPS-42\n")
                    .contains("#### Timeline notes\n\n02:17 paged; 02:30 found it\n");
            String log = md.export(LogFormat.LOG);
            assertThat(log).as("the page as its people wrote it, CRLF and all").isEqualTo(MESSY);

            ImportReport again = md.importLog(MESSY, false, "ana", n -> {});
            assertThat(again.unchanged())
                    .as("re-importing changes nothing")
                    .containsExactly("HOTFIX-120", "HOTFIX-007", "HOTFIX-100");
            assertThat(md.importLog(log, false, "ana", n -> {}).unchanged()).hasSize(3);

            String newer = MESSY.replace("**Impact:** p99 latency 9 s", "**Impact:** p99 latency 11 s");
            ImportReport update = md.importLog(newer, false, "ben", n -> {});
            assertThat(update.updated()).containsExactly("HOTFIX-120");
            List<Revision> history = s.app().hotfixes().history(new HotfixId(120));
            assertThat(history).hasSize(2);
            assertThat(history.get(1).action()).isEqualTo("imported");
            assertThat(history.get(1).actor()).isEqualTo("ben");
            assertThat(history.get(1).changes()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo("impact");
                assertThat(c.after().asText()).isEqualTo("p99 latency 11 s | error rate 12%");
            });
            assertThat(s.app()
                            .hotfixes()
                            .create(
                                    MergePatch.of(
                                            Json.object().put("title", "next").put("severity", "high")),
                                    "ana")
                            .id()
                            .toString())
                    .isEqualTo("HOTFIX-121");
        }
    }

    @BothDatabases
    void anUnreadablePage_namesEachLine_andAppliesNothing(TestDb db) {
        String bad = String.join(
                "\n",
                "## Active Hotfixes",
                "",
                "### 🚨 [HOTFIX-1] Fine entry",
                "**Severity:** 🔴 Critical",
                "",
                "### 🚨 [HOTFIX-2] Bad entry",
                "**Severity:** Urgent",
                "**Date/Time:** yesterday at noon",
                "**Duration:** a while",
                "",
                "### 🚨 [HOTFIX-abc] Bad id",
                "**Severity:** High",
                "",
                "### 🚨 [HOTFIX-3] No severity",
                "**Who:** Sam",
                "",
                "### Missing id",
                "",
                "### 🚨 [HOTFIX-0] Number zero",
                "**Severity:** High",
                "",
                "### 🚨 [HOTFIX-4] Unclosed code",
                "**Severity:** High",
                "**Problem:**",
                "```",
                "never closed",
                "");
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            assertThatThrownBy(() -> s.app().markdown().importLog(bad, false, "ana", n -> {}))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors())
                                    .containsExactly(
                                            new FieldError(
                                                    "line 7",
                                                    "Severity: 'Urgent' is not a severity; write 🔴 Critical, 🟡 "
                                                            + "High or 🔵 Medium"),
                                            new FieldError(
                                                    "line 8",
                                                    "Date/Time: 'yesterday at noon' is not a time; expected "
                                                            + "ISO-8601 like 2026-10-04T02:17:00Z (a time without a zone is read as UTC), "
                                                            + "now, or 10 min ago"),
                                            new FieldError(
                                                    "line 9",
                                                    "Duration: 'a while' is not a duration; write e.g. 45 min, "
                                                            + "1h 30m, 2 hours or PT1H30M"),
                                            new FieldError(
                                                    "line 11",
                                                    "'HOTFIX-abc' is not a hotfix id; write HOTFIX- and a number, "
                                                            + "or HOTFIX-XXX for a new one"),
                                            new FieldError(
                                                    "line 17",
                                                    "an entry heading needs its id in brackets, like: ### 🚨 "
                                                            + "[HOTFIX-007] Checkout returns 502"),
                                            new FieldError(
                                                    "line 19",
                                                    "'HOTFIX-0' is not a hotfix id: must be HOTFIX-001 or above, "
                                                            + "was number 0"),
                                            new FieldError(
                                                    "line 25",
                                                    "this code block is never closed (a line of ``` is missing)")));
            assertThat(s.app().hotfixes().list(HotfixQuery.firstPage()).items()).isEmpty();

            // Readable, but a record breaks the rules: still nothing is applied, and the line is named.
            String rules = "## Active Hotfixes\n\n### 🚨 [HOTFIX-1] Fine\n**Severity:** High\n\n"
                    + "### 🚨 [HOTFIX-3] No severity\n**Who:** Sam\n";
            assertThatThrownBy(() -> s.app().markdown().importLog(rules, false, "ana", n -> {}))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors())
                                    .containsExactly(new FieldError(
                                            "line 6",
                                            "HOTFIX-003 severity: is required: one of critical, high, " + "medium")));
            assertThat(s.app().hotfixes().list(HotfixQuery.firstPage()).items())
                    .as("the fine entry before it was not applied either")
                    .isEmpty();
        }
    }

    /**
     * A page of many chunks is checked on other threads while earlier chunks are written: the outcome is still in
     * page order, a bad entry far down still undoes everything, and an update in a later chunk is recorded.
     */
    @BothDatabases
    void aLongPage_isCheckedInChunksWhileWritten_inPageOrder_andAllOrNothing(TestDb db) {
        int n = 700; // three chunks of records and then some
        StringBuilder page = new StringBuilder("## Active Hotfixes\n\n");
        for (int i = 1; i <= n; i++) {
            page.append("### 🚨 [HOTFIX-")
                    .append(1000 + i)
                    .append("] Entry ")
                    .append(i)
                    .append("\n**Severity:** High\n**Problem:** number ")
                    .append(i)
                    .append("\n\n");
        }
        page.append("### 🚨 [HOTFIX-XXX] One without a number\n**Severity:** Medium\n\n");
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            MarkdownService md = s.app().markdown();
            String broken = page.toString()
                    .replace(
                            "### 🚨 [HOTFIX-1600] Entry 600\n**Severity:** High",
                            "### 🚨 [HOTFIX-1600] Entry 600\n**Who:** Sam");
            assertThatThrownBy(() -> md.importLog(broken, false, "ana", x -> {}))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors())
                                    .containsExactly(new FieldError(
                                            "line 2399",
                                            "HOTFIX-1600 severity: is required: one of critical, high, " + "medium")));
            assertThat(s.app().hotfixes().list(HotfixQuery.firstPage()).items())
                    .as("the chunks written before the bad entry were undone")
                    .isEmpty();

            List<Integer> told = new ArrayList<>();
            ImportReport r = md.importLog(page.toString(), false, "ana", told::add);
            assertThat(r.created())
                    .hasSize(n + 1)
                    .startsWith("HOTFIX-1001", "HOTFIX-1002")
                    .endsWith("HOTFIX-1700", "HOTFIX-1701");
            assertThat(told).isSorted().last().isEqualTo(n + 1);
            assertThat(s.app().hotfixes().get(HotfixId.parse("HOTFIX-1650")).text("problem"))
                    .isEqualTo("number 650");

            String newer = page.toString()
                    .replace("**Problem:** number 5\n", "**Problem:** number five\n")
                    .replace("**Problem:** number 690\n", "**Problem:** number six hundred ninety\n")
                    .replace("### 🚨 [HOTFIX-XXX] One without a number", "### 🚨 [HOTFIX-1701] One without a number");
            ImportReport update = md.importLog(newer, false, "ben", x -> {});
            assertThat(update.updated()).containsExactly("HOTFIX-1005", "HOTFIX-1690");
            assertThat(update.unchanged()).hasSize(n - 1);
            Revision last =
                    s.app().hotfixes().history(HotfixId.parse("HOTFIX-1690")).get(1);
            assertThat(last.actor()).isEqualTo("ben");
            assertThat(s.app().hotfixes().get(HotfixId.parse("HOTFIX-1690")).text("problem"))
                    .isEqualTo("number six hundred ninety");
        }
    }

    @BothDatabases
    void aThematicBreakOfFiveThousandDashes_isARule_notAStackOverflow(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            String page = "## Active Hotfixes\n\n### 🚨 [HOTFIX-001] Pool\n**Severity:** High\n" + "-".repeat(5_000)
                    + "\n" + "- ".repeat(5_000) + "-\n";
            ImportReport r = s.app().markdown().importLog(page, false, "ana", n -> {});
            assertThat(r.created()).containsExactly("HOTFIX-001");
        }
    }
}
