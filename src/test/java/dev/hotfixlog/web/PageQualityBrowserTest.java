package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every page: each input has a visible label, under 100 KB of JavaScript, and a record edited by keyboard alone. */
@Tag("slow")
class PageQualityBrowserTest {
    private static final String PASSWORD = "a long test password";
    private static final List<String> PAGES = List.of(
            "/",
            "/hotfixes/new?down=yes&wait=no",
            "/hotfixes/HOTFIX-001",
            "/hotfixes/HOTFIX-001/sections/fix/edit",
            "/hotfixes/HOTFIX-001/history",
            "/hotfixes?status=completed",
            "/admin/audit");

    /** Inputs a person fills in whose label is missing or hidden, as "tag#id". */
    private static final String UNLABELLED = "() => [...document.querySelectorAll('input, select, textarea')]"
            + ".filter(e => e.type !== 'hidden')"
            + ".filter(e => !e.labels || e.labels.length === 0 || [...e.labels].every(l => l.offsetParent === null))"
            + ".map(e => e.tagName.toLowerCase() + '#' + e.id)";

    private static final String SCRIPT_BYTES = "() => performance.getEntriesByType('resource')"
            + ".filter(r => r.initiatorType === 'script').reduce((n, r) => n + r.decodedBodySize, 0)";

    private static RunningServer seeded(TestDb db) {
        RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
        s.app().accounts().create("admin-priya", Role.ADMIN, PASSWORD, false);
        s.http().post("/api/v1/hotfixes", "{\"title\":\"Checkout returns 502\",\"severity\":\"critical\"}");
        s.http().post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"alerted\"}");
        return s;
    }

    private static Page signedIn(BrowserContext context, RunningServer s) {
        return Chromium.signIn(context, s.url(), "admin-priya", PASSWORD);
    }

    @Test
    void everyPage_labelsEveryInput_andLoadsUnder100KbOfJavaScript() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = seeded(db);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Page page = signedIn(context, s);
            SoftAssertions soft = new SoftAssertions();
            for (String path : PAGES) {
                page.navigate(s.url() + path);
                soft.assertThat(page.evaluate(UNLABELLED))
                        .as("inputs without a visible label on " + path)
                        .asList()
                        .isEmpty();
                long bytes = ((Number) page.evaluate(SCRIPT_BYTES)).longValue();
                soft.assertThat(bytes)
                        .as("JavaScript bytes on " + path)
                        .isGreaterThan(0)
                        .isLessThan(100 * 1024);
            }
            soft.assertAll();
        }
    }

    @Test
    void aSectionCanBeEditedWithTheKeyboardAlone() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = seeded(db);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Page page = signedIn(context, s);
            page.navigate(s.url() + "/hotfixes/HOTFIX-001");
            Keyboard keys = page.keyboard();
            for (int i = 0;
                    i < 60 && !"Edit The Emergency".equals(page.evaluate("document.activeElement.textContent"));
                    i++) {
                keys.press("Tab");
            }
            assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Edit The Emergency");
            keys.press("Enter");
            PlaywrightAssertions.assertThat(page.getByLabel("Problem")).isFocused();
            keys.type("Card payments fail");
            keys.press("Tab");
            keys.type("All checkouts");
            keys.press("Tab");
            keys.press("Tab");
            assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("Save");
            keys.press("Enter");
            PlaywrightAssertions.assertThat(page.locator("#sec-emergency dd").first())
                    .hasText("Card payments fail");
            assertThat(s.http()
                            .get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("impact")
                            .asText())
                    .isEqualTo("All checkouts");
        }
    }
}
