package dev.hotfixlog.lesson;

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

/**
 * Writing a lesson in Chromium, from the completed hotfix's page: the form comes prefilled, the checklist follows
 * the text as it is typed (htmx), and the saved lesson links back to its case. On a desktop and a phone.
 */
@Tag("slow")
class LessonBrowserTest {
    private static final String PASSWORD = "a long test password";

    @Test
    void aLessonIsWrittenFromTheHotfixPage_withTheChecklistFollowingTheText() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"));
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("sam", Role.RESPONDER, PASSWORD, false);
            LessonsTest.completedHotfix(s.http());
            Path dir = Path.of("docs", "screenshots");
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                boolean phone = size[0] < 500;
                List<String> errors = new ArrayList<>();
                try (BrowserContext context = chromium.context(size[0], size[1], errors)) {
                    Page page = Chromium.signIn(context, s.url(), "sam", PASSWORD);
                    page.navigate(s.url() + "/hotfixes/HOTFIX-001");
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a lesson from HOTFIX-001"))
                            .click();
                    // The click returns once the form's HTML arrives; htmx (a deferred script) listens only after
                    // that, and an edit typed before it would never be checked.
                    page.waitForLoadState();
                    assertThat(page.getByLabel("Title").inputValue()).isEqualTo("Enricher idled the PgBouncer pool");
                    assertThat(page.getByLabel("Operating rule: what should be easier next time?")
                                    .inputValue())
                            .isEqualTo("Commit before async I/O.");
                    page.getByLabel("Operating rule: what should be easier next time?")
                            .fill("");
                    page.waitForCondition(() ->
                            page.locator("[data-check=operatingRule].open").count() == 1);
                    page.getByLabel("Operating rule: what should be easier next time?")
                            .fill("We restarted the enrichers.");
                    page.waitForCondition(() -> page.locator("[data-check=rule].open")
                                            .count()
                                    == 1
                            && page.locator("[data-check=operatingRule].passed").count() == 1);
                    page.getByLabel("Operating rule: what should be easier next time?")
                            .fill("Commit before async I/O: never hold a transaction across a network call.");
                    page.getByLabel("Lesson bucket").selectOption("state-model");
                    page.waitForCondition(
                            () -> page.locator("#legibility li.open").count() == 0);
                    if (!phone) {
                        page.screenshot(new Page.ScreenshotOptions()
                                .setPath(dir.resolve("lesson-form-desktop.png"))
                                .setFullPage(true));
                    }
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                            .click();
                    page.waitForURL("**/lessons/LESSON-00*");
                    String text = page.locator("main").textContent();
                    assertThat(text)
                            .contains("Commit before async I/O: never hold a transaction across a network " + "call.")
                            .contains("State model")
                            .contains("HOTFIX-001")
                            .contains("Legible");
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(size[0]);
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Screenshots.SCRATCH.resolve("lesson-" + (phone ? "phone" : "desktop") + ".png"))
                            .setFullPage(true));
                    page.navigate(s.url() + "/hotfixes/HOTFIX-001");
                    assertThat(page.locator("#lessons").textContent()).contains("rule: Commit before async I/O");
                    assertThat(errors).isEmpty();
                }
            }
        }
    }
}
