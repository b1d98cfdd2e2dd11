package dev.hotfixlog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

/** The dashboard in Chromium: the hand-computed history's figures, the charts, no script errors, two screens. */
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
                    assertThat(page.locator("svg.chart").count()).isEqualTo(2);
                    assertThat(page.locator("svg.chart rect").count())
                            .as("3 months, and a median and a p90 bar for " + "each of the 3 measures")
                            .isEqualTo(9);
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
}
