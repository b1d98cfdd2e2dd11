package dev.hotfixlog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.Screenshots;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in Chromium: the hand-computed history's figures, the charts, no script errors, two screens; and
 * a 10,000-hour outlier that leaves the other months readable.
 */
@Tag("slow")
class DashboardBrowserTest {
    private static final String PASSWORD = "a long test password";

    @Test
    void theDashboard_showsTheMetricsAndCharts_onADesktopAndAPhone() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"));
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("lead", Role.VIEWER, PASSWORD, false);
            MetricsTest.history(s.http());
            Path dir = Screenshots.SCRATCH; // docs/screenshots/*: CockpitBrowserTest
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                List<String> errors = new ArrayList<>();
                try (BrowserContext context = chromium.context(size[0], size[1], errors)) {
                    Page page = Chromium.signIn(context, s.url(), "lead", PASSWORD);
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard"))
                            .click();
                    page.waitForLoadState(); // htmx listens only once its deferred script ran
                    page.getByLabel("From").fill("2026-01");
                    page.getByLabel("To (exclusive)").fill("2026-04");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                            .click();

                    String text = page.locator("main").textContent();
                    assertThat(text)
                            .contains("5 hotfixes detected from 2026-01-01T00:00:00Z to 2026-04-01T00:00:00Z")
                            .contains("median 2 min · p90 10 min · 75% within (4)")
                            .contains("Post-mortems within 48 h: 50% (2 of 4; target 100%)")
                            .contains("Prevention rate: 50%")
                            .contains("Repeat incidents: 60% (3 of 5; target under 10%)")
                            .contains("Team confidence: 4.5 of 5")
                            .contains("Hotfix frequency: up")
                            .contains("Configuration rollout");
                    assertThat(page.locator("li.kpi").count())
                            .as("a tile per seed metric")
                            .isEqualTo(9);
                    assertThat(page.locator("svg.chart").count()).isEqualTo(9);
                    assertThat(page.locator("svg.chart g.col").count())
                            .as("3 months in each of the 9 charts, each month a focusable group")
                            .isEqualTo(27);
                    assertThat(page.locator("p.error[role=alert]").first().textContent())
                            .startsWith("Warning sign:");
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(size[0]);
                    assertThat(errors).isEmpty();
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Screenshots.SCRATCH.resolve(
                                    "dashboard-" + (size[0] < 500 ? "phone" : "desktop") + ".png"))
                            .setFullPage(true));
                }
            }
        }
    }

    /**
     * Normal months of 15 min, 45 min and 2 h beside a record resolved 10,000 hours after its detection: on the
     * total-duration chart the three medians stand at clearly different heights, the table says what the points
     * say, and keyboard focus on a month shows its values.
     */
    @Test
    void aTenThousandHourOutlier_leavesTheOtherMonthsReadable_andFocusShowsAMonthsValues() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2027-12-01T00:00:00Z"));
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("lead", Role.VIEWER, PASSWORD, false);
            String[][] records = {
                {"2026-01-10T10:00:00Z", "2026-01-10T10:15:00Z", "critical"},
                {"2026-02-10T10:00:00Z", "2026-02-10T10:45:00Z", "high"},
                {"2026-03-10T10:00:00Z", "2026-03-10T12:00:00Z", "medium"},
                {"2026-04-01T00:00:00Z", "2027-05-22T16:00:00Z", "high"} // 10,000 h
            };
            for (int i = 0; i < records.length; i++) {
                assertThat(s.http()
                                .post(
                                        "/api/v1/hotfixes",
                                        "{\"title\":\"R" + i + "\",\"severity\":\"" + records[i][2]
                                                + "\",\"detectedAt\":\"" + records[i][0] + "\"}")
                                .status())
                        .isEqualTo(201);
                assertThat(s.http()
                                .post(
                                        "/api/v1/hotfixes/HOTFIX-00" + (i + 1) + "/events",
                                        "{\"type\":\"resolved\",\"withoutDeploy\":true,\"at\":\"" + records[i][1]
                                                + "\"}")
                                .status())
                        .isEqualTo(200);
            }
            List<String> errors = new ArrayList<>();
            try (BrowserContext context = chromium.context(1280, 900, errors)) {
                Page page = Chromium.signIn(context, s.url(), "lead", PASSWORD);
                page.navigate(s.url() + "/dashboard?from=2026-01&to=2026-05");

                @SuppressWarnings("unchecked")
                List<Number> y = (List<Number>) page.evaluate("Array.from(document.querySelectorAll("
                        + "'#chart-total-fig g.col')).map(g => { const c = g.querySelector('circle.s-median');"
                        + " if (!c) return -1; const r = c.getBoundingClientRect(); return r.top + r.height / 2; })");
                assertThat(y)
                        .hasSize(4)
                        .allSatisfy(v -> assertThat(v.doubleValue()).isPositive());
                assertThat(y.get(0).doubleValue() - y.get(1).doubleValue())
                        .as("15 min above 45 min, in screen pixels")
                        .isGreaterThanOrEqualTo(10);
                assertThat(y.get(1).doubleValue() - y.get(2).doubleValue())
                        .as("45 min above 2 h")
                        .isGreaterThanOrEqualTo(10);
                assertThat(y.get(2).doubleValue() - y.get(3).doubleValue())
                        .as("2 h above 10,000 h")
                        .isGreaterThanOrEqualTo(10);

                List<String> labels = page.locator("#chart-total-fig g.col").all().stream()
                        .map(g -> g.getAttribute("aria-label"))
                        .toList();
                List<String> medians = page.locator("#chart-total-fig tbody tr td:nth-of-type(1)")
                        .allTextContents();
                assertThat(medians).containsExactly("15 min", "45 min", "2.0 h", "10000.0 h");
                for (int i = 0; i < medians.size(); i++) {
                    assertThat(labels.get(i))
                            .as("the table and the chart agree")
                            .contains("median " + medians.get(i));
                }

                var bar = page.locator("#chart-severity-fig g.col").nth(1);
                var tip = bar.locator(".tip");
                assertThat(tip.isVisible()).as("no read-out before focus").isFalse();
                page.locator("#chart-severity-fig g.col").first().focus();
                page.keyboard().press("Tab");
                assertThat(page.evaluate("document.activeElement.getAttribute('aria-label')"))
                        .isEqualTo("Feb 2026: 1 hotfix (1 high)");
                assertThat(tip.isVisible()).as("focus shows the month's values").isTrue();
                assertThat(tip.textContent()).contains("Feb 2026").contains("1 hotfix (1 high)");

                // Printed for the quarterly review: no navigation or form, every chart, sections on their own pages.
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                assertThat(page.locator("body > header").isVisible()).isFalse();
                assertThat(page.locator("form.dash-filters").isVisible()).isFalse();
                assertThat(page.locator("svg.chart").all())
                        .hasSize(9)
                        .allSatisfy(c -> assertThat(c.isVisible()).isTrue());
                assertThat(page.evaluate("getComputedStyle(document.getElementById('dash-months').parentElement)"
                                + ".breakBefore"))
                        .isEqualTo("page");
                assertThat(errors).isEmpty();
            }
        }
    }
}
