package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
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
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A responder declares a hotfix in the browser: decision tree first, then the template's sections. */
@Tag("slow")
class DeclareHotfixBrowserTest {
    private static final String PASSWORD = "a long test password";

    private static Page signedIn(BrowserContext context, RunningServer s) {
        return Chromium.signIn(context, s.url(), "priya", PASSWORD);
    }

    @Test
    void declaringThroughTheDecisionTree_keepsInputOnErrors_andOpensTheRecord() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            Page page = signedIn(context, s);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Declare a hotfix"))
                    .click();
            assertThat(page.locator("form[method=post][action='/hotfixes/new']").count())
                    .as("the tree comes first")
                    .isZero();

            page.locator("input[name=down][value=yes]").check();
            page.locator("input[name=wait][value=no]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                    .click();
            assertThat(page.locator(".outcome").textContent()).isEqualTo("HOTFIX APPROVED");

            page.getByLabel("Problem").fill("Every card payment fails with 502");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();
            assertThat(page.locator("#title-error").textContent())
                    .isEqualTo("is required: a brief description of the emergency");
            assertThat(page.locator("#severity-error").textContent())
                    .isEqualTo("is required: one of critical, high, medium");
            assertThat(page.getByLabel("Problem").inputValue())
                    .as("nothing typed is lost")
                    .isEqualTo("Every card payment fails with 502");

            page.getByLabel("Title (brief description)").fill("Checkout returns 502");
            page.getByLabel("Severity").selectOption("critical");
            page.getByLabel("Files/Systems Affected (one per line)").fill("payments-gateway\nflags");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();

            assertThat(page.url()).endsWith("/hotfixes/HOTFIX-001");
            assertThat(page.locator("h1 .title").textContent()).isEqualTo("Checkout returns 502");
            assertThat(page.content()).contains("HOTFIX APPROVED").contains("payments-gateway");
            page.goBack();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();
            assertThat(page.url())
                    .as("submitting the same form again lands on the same record")
                    .endsWith("/hotfixes/HOTFIX-001");
            assertThat(s.http().get("/api/v1/hotfixes").json().path("items").size())
                    .isEqualTo(1);

            page.goBack();
            page.getByLabel("Title (brief description)").fill("Checkout returns 502 for EU cards");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();
            assertThat(page.locator("#form-error").textContent())
                    .as("a reused form with other text says so")
                    .isEqualTo("This form already declared a hotfix with other text. Press Declare again to declare "
                            + "a new one.");
            assertThat(page.getByLabel("Title (brief description)").inputValue())
                    .isEqualTo("Checkout returns 502 for EU cards");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();
            assertThat(page.url()).endsWith("/hotfixes/HOTFIX-002");
        }
    }

    @Test
    void declaringLate_setsTheDetectionAndAlertTimes_whoIsTheSignedInUser_andFollowUpsAreEditedInPlace()
            throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T03:30:00Z"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            Page page = signedIn(context, s);
            page.navigate(s.url() + "/hotfixes/new?down=yes&wait=no");
            assertThat(page.getByLabel("Who").inputValue())
                    .as("prefilled with the signed-in user")
                    .isEqualTo("priya");
            page.getByLabel("Title (brief description)").fill("Checkout returns 502");
            page.getByLabel("Severity").selectOption("critical");
            page.getByLabel("Detected at (UTC)").fill("2026-10-04 02:17");
            page.getByLabel("Team alerted at (UTC)").fill("2026-10-04 02:29");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();
            assertThat(page.url()).endsWith("/hotfixes/HOTFIX-001");
            var h = s.http().get("/api/v1/hotfixes/HOTFIX-001").json();
            assertThat(h.path("detectedAt").asText()).isEqualTo("2026-10-04T02:17:00Z");
            assertThat(h.path("alertedAt").asText()).isEqualTo("2026-10-04T02:29:00Z");
            assertThat(h.path("owner").asText()).isEqualTo("priya");
            assertThat(h.path("steps").path("alertTeam").path("done").asBoolean())
                    .isTrue();

            page.locator("#sec-followups .edit-link").click();
            page.getByLabel("Post-mortem: owner").fill("Jonas");
            page.getByLabel("Post-mortem: due (UTC)").fill("2026-10-06 09:00");
            page.getByLabel("Proper fix: tracker link").fill("https://tracker.example.com/PAY-4411");
            page.getByLabel("Proper fix: due (UTC)").fill("next week");
            page.locator("#sec-followups button[type=submit]").first().click();
            page.waitForCondition(() -> page.locator("#sec-followups .error").count() > 0);
            assertThat(page.locator("#sec-followups").textContent()).contains("'next week' is not a time");
            page.getByLabel("Proper fix: due (UTC)").fill("2026-10-18");
            page.locator("#sec-followups button[type=submit]").first().click();
            page.waitForCondition(
                    () -> page.locator("#sec-followups .edit-link").count() == 1);
            var fu = s.http().get("/api/v1/hotfixes/HOTFIX-001").json().path("followUps");
            assertThat(fu.path("postmortem").path("owner").asText()).isEqualTo("Jonas");
            assertThat(fu.path("postmortem").path("dueAt").asText()).isEqualTo("2026-10-06T09:00:00Z");
            assertThat(fu.path("properFix").path("link").asText()).isEqualTo("https://tracker.example.com/PAY-4411");
            assertThat(fu.path("properFix").path("dueAt").asText()).isEqualTo("2026-10-18T00:00:00Z");
        }
    }

    @Test
    void aNormalProcessAnswer_isShown_andCanStillBeRecorded() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            Path dir = Screenshots.SCRATCH; // docs/screenshots/*: CockpitBrowserTest
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                try (BrowserContext context = chromium.browser()
                        .newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
                    Page page = signedIn(context, s);
                    page.navigate(s.url() + "/hotfixes/new?down=no");
                    assertThat(page.locator(".outcome").textContent())
                            .isEqualTo("Use normal process — you can still record it; it is kept and marked.");
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(size[0]);
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Screenshots.SCRATCH.resolve(
                                    "new-hotfix-" + (size[0] < 500 ? "phone" : "desktop") + ".png"))
                            .setFullPage(true));
                }
            }
        }
    }
}
