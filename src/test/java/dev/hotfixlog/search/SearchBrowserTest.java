package dev.hotfixlog.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search and "similar past fixes" in Chromium: results with their matches marked, narrowed by the filters; and
 * on the declare form, the similar past fixes appear as the responder types the title (htmx), before anything is
 * saved. On a desktop and a phone.
 */
@Tag("slow")
class SearchBrowserTest {
    private static final String PASSWORD = "a long test password";

    private static LocatorAssertions expect(Locator l) {
        return PlaywrightAssertions.assertThat(l);
    }

    @Test
    void searchMarksTheMatches_filtersNarrowIt_andTheDeclareFormShowsSimilarFixesWhileTyping() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"));
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("sam", Role.RESPONDER, PASSWORD, false);
            SearchTest.corpus(s.http());
            Path dir = Path.of("docs", "screenshots");
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                boolean phone = size[0] < 500;
                List<String> errors = new ArrayList<>();
                try (BrowserContext context = chromium.context(size[0], size[1], errors)) {
                    Page page = Chromium.signIn(context, s.url(), "sam", PASSWORD);
                    page.navigate(s.url() + "/");
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Search"))
                            .first()
                            .click();
                    page.waitForLoadState(); // htmx listens only once its deferred script ran
                    page.getByLabel("Words (all must match; deploy finds deployed)")
                            .fill("certificate");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                            .click();
                    page.waitForURL("**/search?q=certificate*");
                    expect(page.locator("ol.results > li")).hasCount(2);
                    assertThat(page.locator("ol.results > li").first().textContent())
                            .contains("HOTFIX-001");
                    assertThat(page.locator("ol.results mark").first().textContent())
                            .containsIgnoringCase("certificate");
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(size[0]);
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(dir.resolve("search-" + (phone ? "phone" : "desktop") + ".png"))
                            .setFullPage(true));

                    page.locator("summary", new Page.LocatorOptions().setHasText("Filters"))
                            .click();
                    page.getByLabel("Severity (hotfixes only)").selectOption("high");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search"))
                            .click();
                    page.waitForURL("**severity=high*");
                    expect(page.locator("ol.results > li")).hasCount(1);
                    assertThat(page.locator("ol.results > li").first().textContent())
                            .contains("HOTFIX-002");
                    assertThat(page.getByLabel("Severity (hotfixes only)").inputValue())
                            .isEqualTo("high");

                    page.navigate(s.url() + "/hotfixes/new?down=yes&wait=no");
                    page.getByLabel("Title (brief description)").pressSequentially("Pool exhausted again");
                    page.waitForCondition(
                            () -> page.locator("#similar-draft li").count() > 0);
                    String similar = page.locator("#similar-draft").textContent();
                    assertThat(similar)
                            .contains("This looks like")
                            .contains("HOTFIX-003")
                            .contains("Never hold a transaction across a network call.");
                    if (!phone) {
                        page.locator("#similar-draft").scrollIntoViewIfNeeded();
                        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("declare-similar.png")));
                    }
                    assertThat(errors).isEmpty();
                }
            }
        }
    }
}
