package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUp;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template's own bracketed text is never a value: nothing is invented from it and nothing is ticked. */
class PlaceholdersTest {
    @Test
    void theRawSeedTemplate_readsNoValueAtAll_andNoTickedFollowUp() throws IOException {
        ParsedLog page = LogReader.read(ExampleLogTest.resource("markdown/seed-template.md"));

        assertThat(page.errors()).isEmpty();
        assertThat(page.entries()).hasSize(2);
        for (PageEntry e : page.entries()) {
            JsonNode fields = e.item().fields();
            fields.fields().forEachRemaining(f -> {
                if (f.getKey().equals("followUps")) {
                    f.getValue()
                            .forEach(
                                    fu -> assertThat(fu.toString()).isEqualTo("{\"done\":false,\"description\":null}"));
                } else {
                    assertThat(f.getValue().isNull()
                                    || f.getValue().isArray() && f.getValue().isEmpty())
                            .as(f.getKey() + " " + f.getValue())
                            .isTrue();
                }
            });
            assertThat(e.item().day()).isNull();
            assertThat(e.followUpStatus()).isNull();
        }
        assertThat(page.types()).isEmpty();
        assertThat(page.signs()).isEmpty();
    }

    @BothDatabases
    void theRawSeedTemplate_isRefused_namingWhatARecordNeeds_andNothingIsStored(TestDb db) throws IOException {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            String seed = ExampleLogTest.resource("markdown/seed-template.md");

            assertThatThrownBy(() -> s.app().markdown().importLog(seed, false, "ana", n -> {}))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("line 17: HOTFIX-001 title: is required: a brief description of the emergency; "
                            + "line 17: HOTFIX-001 severity: is required: one of critical, high, medium; "
                            + "line 53: HOTFIX-002 title: is required: a brief description of the emergency; "
                            + "line 53: HOTFIX-002 severity: is required: one of critical, high, medium");
            assertThat(s.http().get("/api/v1/hotfixes").json().path("items").size())
                    .isZero();
        }
    }

    @Test
    void everyShapeOfTheTemplatesPlaceholders_isUnfilled_andRealTextIsNot() {
        for (String unfilled : List.of(
                "",
                "  ",
                "[Date]",
                "for [Date] with [People]",
                "[Brief Description] - [Date]",
                "[YYYY-MM-DD HH:MM]",
                "[e.g., Database connection failures]",
                "- [What docs need updating]",
                "[Status]")) {
            assertThat(ValueText.isUnfilled(unfilled)).as(unfilled).isTrue();
        }
        for (String value : List.of(
                "for 2026-10-06 with [People]",
                "[runbook](https://wiki/x)",
                "[x] done",
                "HOTFIX-003 [again]",
                "[[nested]]",
                "[unclosed",
                "Login loop - 2026-09-21")) {
            assertThat(ValueText.isUnfilled(value)).as(value).isFalse();
        }
    }

    @BothDatabases
    void aTickedFollowUpWithPlaceholders_isDone_withNothingInvented_andIsWrittenWithoutThem(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            s.app().markdown().importLog("""
                    ## Active Hotfixes

                    ### 🚨 [HOTFIX-007] Checkout down

                    **Severity:** High

                    #### Follow-up Required

                    - [x] **Post-mortem scheduled** for [Date] with [People]
                    - [ ] **Proper fix planned** - [Brief description]
                    - [x] **Process improvement** - [What should prevent this]
                    - [ ] **Documentation updates** - Runbook
                    """, false, "ana", n -> {});

            Hotfix h = s.app().hotfixes().get(new HotfixId(7));
            assertThat(h.followUps().get(FollowUpKind.POSTMORTEM))
                    .isEqualTo(new FollowUp(null, null, null, true, null, null));
            assertThat(h.followUps().get(FollowUpKind.PROPER_FIX).done()).isFalse();
            assertThat(h.followUps().get(FollowUpKind.PROPER_FIX).description()).isNull();
            assertThat(s.app().markdown().exportOne(new HotfixId(7))).contains("""
                    - [x] **Post-mortem scheduled**
                    - [ ] **Proper fix planned** - [Brief description]
                    - [x] **Process improvement**
                    - [ ] **Documentation updates** - Runbook
                    """);
        }
    }

    @BothDatabases
    void aOneLineEntry_hasNoMadeUpTime_andItsDateIsKeptAsWritten(TestDb db) throws IOException {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            String example = ExampleLogTest.resource("example-hotfix-log.md");
            // Without its title the page is not kept whole: the export is written from what was stored.
            s.app().markdown().importLog(example.substring(example.indexOf('\n') + 1), false, "ana", n -> {});

            assertThat(s.app().hotfixes().get(new HotfixId(2)).timeline().detectedAt())
                    .isNull();
            assertThat(s.http()
                            .get("/api/v1/hotfixes/HOTFIX-002")
                            .json()
                            .path("detectedAt")
                            .isNull())
                    .isTrue();
            assertThat(s.app().markdown().export(LogFormat.LOG))
                    .contains("### 🚨 [HOTFIX-002] Login loop for SSO users - 2026-09-21\n");
            String full = s.app().markdown().export(LogFormat.FULL);
            assertThat(full).contains("\"pageDate\" : \"2026-09-21\"");
            try (TestDb other = db.isPostgres() ? TestDb.postgres() : TestDb.sqlite();
                    RunningServer t = new RunningServer(other.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
                t.app().markdown().importLog(full, false, "ana", n -> {});
                assertThat(t.app().markdown().export(LogFormat.LOG))
                        .contains("### 🚨 [HOTFIX-002] Login loop for SSO users - 2026-09-21\n");
            }
        }
    }
}
