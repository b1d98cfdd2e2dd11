package dev.hotfixlog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The dashboard page's tiles, charts and tables on {@link MetricsTest}'s hand-computed history (Q1 2026; the
 * period before it, Q4 2025, holds H6 only), and its weight with a year of data; on both databases.
 */
class DashboardTest {
    @BothDatabases
    void theMonthlyCharts_andTheirTables_carryTheHandComputedFigures(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            MetricsTest.history(s.http());
            Document page = Jsoup.parse(
                    s.http().get("/dashboard?from=2026-01&to=2026-04").body());

            // By severity: January H1 critical, H2 high; February H3 medium; March H4 critical, H5 high.
            assertThat(rows(page, "chart-severity"))
                    .containsExactly(
                            List.of("Jan 2026", "1", "1", "0", "2"),
                            List.of("Feb 2026", "0", "0", "1", "1"),
                            List.of("Mar 2026", "1", "1", "0", "2"));
            assertThat(page.select("#chart-severity-fig g.col").eachAttr("aria-label"))
                    .containsExactly(
                            "Jan 2026: 2 hotfixes (1 critical, 1 high)",
                            "Feb 2026: 1 hotfix (1 medium)",
                            "Mar 2026: 2 hotfixes (1 critical, 1 high)");
            // Total duration: January H1 50 min and H2 75 min (median by nearest rank 50 min, p90 75 min, one of two
            // within 60 min); February H3 30 min; March H4 40 min (H5 not resolved).
            assertThat(rows(page, "chart-total"))
                    .containsExactly(
                            List.of("Jan 2026", "50 min", "1.3 h", "2", "50%"),
                            List.of("Feb 2026", "30 min", "30 min", "1", "100%"),
                            List.of("Mar 2026", "40 min", "40 min", "1", "100%"));
            // Post-mortems: January H1 on time, H2 late; February H3 never done; March H4 on time.
            assertThat(rows(page, "chart-postmortems"))
                    .containsExactly(
                            List.of("Jan 2026", "50%", "1 of 2"),
                            List.of("Feb 2026", "0%", "0 of 1"),
                            List.of("Mar 2026", "100%", "1 of 1"));
            // Repeats: H2 (of H1), H3 (of H6, December), H5 (of H2).
            assertThat(rows(page, "chart-repeats"))
                    .containsExactly(
                            List.of("Jan 2026", "50%", "1 of 2"),
                            List.of("Feb 2026", "100%", "1 of 1"),
                            List.of("Mar 2026", "50%", "1 of 2"));
            // Time to restore (detection → fix deployed): H1 23 min, H2 50 min; H4 15 min.
            assertThat(rows(page, "chart-restore"))
                    .containsExactly(
                            List.of("Jan 2026", "23 min", "50 min", "2"),
                            List.of("Feb 2026", "—", "—", "0"),
                            List.of("Mar 2026", "15 min", "15 min", "1"));
            assertThat(page.select("svg.chart")).hasSize(9);
            assertThat(page.select("svg.chart [style]")).isEmpty();
            assertThat(page.select("#chart-postmortems-fig .legend").text()).contains("Target (100%)");

            // The tiles: Q1 against Q4 2025 (H6 alone: 1 hotfix, no repeat, its post-mortem ticked only on 1 June,
            // late).
            Element hotfixes = tile(page, "Hotfixes");
            assertThat(hotfixes.select(".kpi-value").text()).isEqualTo("5");
            assertThat(hotfixes.select(".kpi-change").text()).isEqualTo("▲ 400% vs previous 3 months (worse)");
            Element repeats = tile(page, "Repeat incidents");
            assertThat(repeats.text()).contains("60%", "3 of 5", "target < 10%", "✗ target missed");
            assertThat(repeats.select(".kpi-change").text()).isEqualTo("▲ 60 pts vs previous 3 months (worse)");
            assertThat(tile(page, "Post-mortems within 48 h")
                            .select(".kpi-change")
                            .text())
                    .isEqualTo("▲ 50 pts vs previous 3 months (better)");
            Element total = tile(page, "Total incident duration");
            assertThat(total.select(".kpi-value").text()).isEqualTo("40 min");
            assertThat(total.text()).contains("target < 60 min", "✓ target met");
            assertThat(total.select(".kpi-change").text()).isEqualTo("▼ 33% vs previous 3 months (better)");
            assertThat(tile(page, "Detection → alert").select(".kpi-change").text())
                    .isEqualTo("no figure for the previous 3 months");
        }
    }

    @BothDatabases
    void aYearOfData_weighsUnder100KB(TestDb db) throws IOException {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            Http api = s.http();
            Instant start = Instant.parse("2025-06-03T08:00:00Z");
            String[] severities = {"critical", "high", "medium", "high", "medium"};
            int n = 0;
            for (int month = 0; month < 12; month++) {
                for (int i = 0; i < severities.length; i++) {
                    Instant at = start.plus(month * 30L + i * 5L, ChronoUnit.DAYS);
                    n++;
                    String id = String.format("HOTFIX-%03d", n);
                    assertThat(api.post(
                                            "/api/v1/hotfixes",
                                            "{\"title\":\"Incident " + n + "\",\"severity\":\"" + severities[i]
                                                    + "\",\"detectedAt\":\"" + at + "\",\"alertedAt\":\""
                                                    + at.plusSeconds(60L * (1 + i)) + "\",\"category\":\"Type "
                                                    + (i % 3)
                                                    + "\",\"systemsAffected\":[\"system-" + (i % 4) + "\"]}")
                                    .status())
                            .isEqualTo(201);
                    api.post(
                            "/api/v1/hotfixes/" + id + "/events",
                            "{\"type\":\"deployed\",\"at\":\"" + at.plusSeconds(600L * (2 + i + month)) + "\"}");
                    api.post(
                            "/api/v1/hotfixes/" + id + "/events",
                            "{\"type\":\"resolved\",\"at\":\"" + at.plusSeconds(900L * (3 + i + month)) + "\"}");
                    api.post(
                            "/api/v1/deploys",
                            "{\"system\":\"system-" + (i % 4) + "\",\"version\":\"" + n + "\",\"at\":\""
                                    + at.plusSeconds(7200) + "\"}");
                }
            }
            String body = api.get("/dashboard").body();
            assertThat(Jsoup.parse(body).select("#chart-severity-fig g.col")).hasSizeGreaterThanOrEqualTo(12);
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            System.out.printf(
                    "dashboard with a year of data: %d bytes, %d gzipped%n",
                    body.getBytes(StandardCharsets.UTF_8).length, gz.size());
            assertThat(gz.size())
                    .as("bytes transferred (gzip, as the server sends)")
                    .isLessThan(100_000);
            assertThat(body.getBytes(StandardCharsets.UTF_8).length)
                    .as("even uncompressed")
                    .isLessThan(200_000);
        }
    }

    private static List<List<String>> rows(Document page, String chart) {
        return page.select("#" + chart + "-fig table tbody tr").stream()
                .map(tr -> tr.children().eachText())
                .toList();
    }

    private static Element tile(Document page, String name) {
        return page.select("li.kpi").stream()
                .filter(li -> li.select(".kpi-name").text().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tile " + name));
    }
}
