package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.List;

/** A page's warning signs and emergency types merge into the log's by one stated rule, never a silent replace. */
class PageListsImportTest {
    /** With a record, so that its full export carries a "Record Details" block: the mark of the whole log. */
    private static final String PAGE_A = """
            # Team hotfix log

            ## Active Hotfixes

            ### 🚨 [HOTFIX-001] Checkout down

            **Severity:** High

            ---

            ## Hotfix Patterns & Prevention

            ### Common Emergency Types

            - **Type 1:** Configuration rollout - **Prevention:** Staged rollout
            - **Type 2:** Certificate rotation - **Prevention:** Expiry alerts

            ### Warning Signs

            - **Signal 1:** Index lag seconds → **Threshold:** over 600 for 10 minutes
            - **Signal 2:** Payment success ratio → **Threshold:** under 97% for 5 minutes
            - **Signal 3:** Queue depth → **Threshold:** over 10k
            """;

    private static final String PAGE_B = """
            # Team hotfix log

            ## Hotfix Patterns & Prevention

            ### Common Emergency Types

            - **Type 1:** Memory leaks - **Prevention:** Soak tests

            ### Warning Signs

            - **Signal 1:** payment  success ratio → **Threshold:** under 95% for 5 minutes
            """;

    @BothDatabases
    void aSecondPage_updatesTheSignsItNames_andKeepsTheOthers_sayingSo(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            MarkdownService markdown = s.app().markdown();
            ImportReport first = markdown.importLog(PAGE_A, false, "ana", n -> {});
            assertThat(first.warningSigns())
                    .isEqualTo(new ListChanges(
                            List.of("Index lag seconds", "Payment success ratio", "Queue depth"),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            3));

            Http.Response second = s.http().post("/api/v1/import", PAGE_B, "Content-Type", "text/markdown");

            assertThat(second.status()).isEqualTo(200);
            JsonNode report = second.json();
            assertThat(report.path("warningSigns").asInt()).isEqualTo(3);
            assertThat(report.path("warningSignChanges").toString())
                    .isEqualTo("{\"added\":[],"
                            + "\"updated\":[\"payment  success ratio\"],\"unchanged\":[],"
                            + "\"kept\":[\"Index lag seconds\",\"Queue depth\"],\"removed\":[]}");
            assertThat(report.path("emergencyTypes").asInt()).isEqualTo(3);
            assertThat(report.path("emergencyTypeChanges").toString())
                    .isEqualTo("{\"added\":[\"Memory leaks\"],"
                            + "\"updated\":[],\"unchanged\":[],"
                            + "\"kept\":[\"Configuration rollout\",\"Certificate rotation\"],\"removed\":[]}");
            assertThat(markdown.export(LogFormat.LOG)).contains("""
                    - **Signal 1:** Index lag seconds → **Threshold:** over 600 for 10 minutes
                    - **Signal 2:** payment  success ratio → **Threshold:** under 95% for 5 minutes
                    - **Signal 3:** Queue depth → **Threshold:** over 10k
                    """).contains("""
                    - **Type 1:** Configuration rollout - **Prevention:** Staged rollout
                    - **Type 2:** Certificate rotation - **Prevention:** Expiry alerts
                    - **Type 3:** Memory leaks - **Prevention:** Soak tests
                    """);
        }
    }

    @BothDatabases
    void aFullExport_isTheWholeLog_soWhatItLeavesOutIsRemoved_andReported(TestDb db) {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-11-22T10:00:00Z"))) {
            MarkdownService markdown = s.app().markdown();
            markdown.importLog(PAGE_A, false, "ana", n -> {});
            String full = markdown.export(LogFormat.FULL);
            markdown.importLog(PAGE_B, false, "ana", n -> {});

            ImportReport dry = markdown.importLog(full, true, "ana", n -> {});
            ImportReport restored = markdown.importLog(full, false, "ana", n -> {});

            ListChanges expected = new ListChanges(
                    List.of(),
                    List.of("Payment success ratio"),
                    List.of("Index lag seconds", "Queue depth"),
                    List.of(),
                    List.of(),
                    3);
            assertThat(restored.warningSigns()).isEqualTo(expected);
            assertThat(dry.warningSigns()).isEqualTo(expected);
            assertThat(restored.emergencyTypes())
                    .isEqualTo(new ListChanges(
                            List.of(),
                            List.of(),
                            List.of("Configuration rollout", "Certificate rotation"),
                            List.of(),
                            List.of("Memory leaks"),
                            2));
            assertThat(restored.emergencyTypes().describe())
                    .isEqualTo("unchanged Configuration rollout, "
                            + "Certificate rotation; removed Memory leaks (not on the full page); 2 in the log");
            assertThat(markdown.export(LogFormat.LOG)).contains("""
                    - **Signal 1:** Index lag seconds → **Threshold:** over 600 for 10 minutes
                    - **Signal 2:** Payment success ratio → **Threshold:** under 97% for 5 minutes
                    - **Signal 3:** Queue depth → **Threshold:** over 10k
                    """).doesNotContain("Memory leaks");
        }
    }
}
