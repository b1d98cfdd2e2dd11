package dev.hotfixlog.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The built field-notes site in Chromium with JavaScript off: readable, navigable, no errors, two screens. */
@Tag("slow")
class FieldNotesBrowserTest {
    @Test
    void theSite_readsWithoutJavaScript_fromItsFiles() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"));
                Chromium chromium = Chromium.launch()) {
            FieldNotesTest.seedLessons(s.http());
            Path out = db.dataDir().resolve("field-notes").toAbsolutePath();
            s.app().fieldNotes().build(out, "https://notes.example.com/");
            Path dir = Path.of("docs", "screenshots");
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                boolean phone = size[0] < 500;
                try (BrowserContext context = chromium.browser()
                        .newContext(new Browser.NewContextOptions()
                                .setViewportSize(size[0], size[1])
                                .setJavaScriptEnabled(false))) {
                    List<String> errors = new ArrayList<>();
                    context.onConsoleMessage(m -> {
                        if (m.type().equals("error")) {
                            errors.add(m.text());
                        }
                    });
                    Page page = context.newPage();
                    page.onRequestFailed(r -> errors.add("failed: " + r.url()));
                    page.navigate(out.resolve("index.html").toUri().toString());
                    assertThat(page.locator("h1").textContent()).isEqualTo("Lessons from production.");
                    assertThat(page.locator("article.lesson h2").allTextContents())
                            .containsExactly(
                                    "Batch finalisation per container: why the monitor showed nothing for 83 minutes",
                                    "Commit before async I/O: how a single enricher idled the entire PgBouncer pool");
                    assertThat(page.evaluate("1").toString()).isEqualTo("1"); // Playwright's own eval still works
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(size[0]);
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(dir.resolve("field-notes-index-" + (phone ? "phone" : "desktop") + ".png"))
                            .setFullPage(true));
                    page.getByRole(
                                    AriaRole.LINK,
                                    new Page.GetByRoleOptions()
                                            .setName("Batch finalisation per "
                                                    + "container: why the monitor showed nothing for 83 minutes"))
                            .click();
                    assertThat(page.locator(".rule").textContent()).contains("Finalise status per container");
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Operational dashboard"))
                            .click();
                    assertThat(page.locator("h1").textContent()).isEqualTo("Operational dashboard");
                    if (!phone) {
                        page.goBack();
                        page.screenshot(new Page.ScreenshotOptions()
                                .setPath(dir.resolve("field-notes-lesson.png"))
                                .setFullPage(true));
                    }
                    assertThat(errors).isEmpty();
                }
            }
        }
    }
}
