package dev.hotfixlog.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.Screenshots;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The register in a browser, on a desktop and a phone: a risk past its review date is on /risks as expired (and
 * counted), the board shows the warning sign, and the record page's panel shows the risk with the related
 * documents (register, learning library, release runbook). Screenshots of the register: CockpitBrowserTest.
 */
@Tag("slow")
class RiskRegisterBrowserTest {
    private static final String PASSWORD = "a long test password";

    @Test
    void anExpiredRisk_isOnTheRegister_theBoard_andItsRecordPage() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-01T03:00:00Z");
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.RUNBOOK_URL, "https://wiki.example.com/release-runbook")), clock);
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("lead", Role.VIEWER, PASSWORD, false);
            s.app().accounts().create("oncall", Role.RESPONDER, PASSWORD, false);
            s.app()
                    .hotfixes()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", "Checkout returns 502")
                                    .put("severity", "critical")
                                    .put("owner", "Priya Raman")
                                    .put(
                                            "riskAccepted",
                                            "Pinning disabled until a rotation-safe check exists; no load test")
                                    .set(
                                            "systemsAffected",
                                            Json.mapper().createArrayNode().add("payments-gateway"))),
                            "priya");
            clock.advance(Duration.ofDays(3));
            s.app()
                    .hotfixes()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", "Search index stale")
                                    .put("severity", "medium")
                                    .put("riskAccepted", "Alias added without a test")
                                    .set(
                                            "systemsAffected",
                                            Json.mapper().createArrayNode().add("search"))),
                            "jonas");
            clock.advance(Duration.ofDays(15)); // the critical one is past its 14 days; the medium one is not
            Path dir = Screenshots.SCRATCH; // docs/screenshots/*: CockpitBrowserTest
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                List<String> errors = new ArrayList<>();
                try (BrowserContext context = chromium.context(size[0], size[1], errors)) {
                    Page page = Chromium.signIn(context, s.url(), "lead", PASSWORD);
                    page.waitForURL(u -> !u.contains("/sign-in"));
                    assertThat(page.locator("main").textContent())
                            .contains("Warning sign: Accepted risks past their review date is 1, above 0");

                    page.navigate(s.url() + "/risks");
                    assertThat(page.locator("#risks-expired").textContent()).contains("1 accepted risk is past review");
                    assertThat(page.locator("tr.risk-expired").count()).isEqualTo(1);
                    assertThat(page.locator("tr.risk-expired").textContent())
                            .contains("RISK-1", "HOTFIX-001", "Pinning disabled", "Priya Raman", "expired");
                    assertThat(page.locator("tr.risk-open").textContent()).contains("RISK-2", "Alias added");
                    assertThat(page.locator("main").textContent()).contains("payments-gateway: 1", "search: 1");
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(size[0]);
                    String which = size[0] < 500 ? "phone" : "desktop";
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Screenshots.SCRATCH.resolve("risk-register-" + which + ".png"))
                            .setFullPage(true));

                    page.navigate(s.url() + "/hotfixes/HOTFIX-001");
                    String panel = page.locator("#risks").textContent();
                    assertThat(panel)
                            .contains("RISK-1", "expired", "risk register", "learning library", "release runbook");
                    assertThat(page.locator("#risks a[href='https://wiki.example.com/release-runbook']")
                                    .count())
                            .isEqualTo(1);
                    assertThat(page.locator("form[action*='/retire']").count())
                            .as("a viewer cannot retire")
                            .isZero();
                    assertThat(errors).isEmpty();
                }
            }
            // A responder retires the expired risk from its page, with the reason; the register has no expired one.
            List<String> errors = new ArrayList<>();
            try (BrowserContext context = chromium.context(375, 740, errors)) {
                Page page = Chromium.signIn(context, s.url(), "oncall", PASSWORD);
                page.waitForURL(u -> !u.contains("/sign-in"));
                page.navigate(s.url() + "/risks");
                page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions().setName("RISK-1").setExact(true))
                        .click();
                page.waitForLoadState(); // htmx listens only once its deferred script ran
                page.getByLabel("Retire it: why (the proper fix shipped, the system is gone, …)")
                        .fill("rotation-safe pin check shipped");
                page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Retire").setExact(true))
                        .click();
                page.waitForURL(u -> u.endsWith("/risks/RISK-1"));
                assertThat(page.locator("h1").textContent()).contains("retired");
                assertThat(page.locator("#history").textContent())
                        .contains("oncall retired: rotation-safe pin check " + "shipped");
                page.navigate(s.url() + "/risks");
                assertThat(page.locator("#risks-expired").count()).isZero();
                assertThat(errors).isEmpty();
            }
        }
    }
}
