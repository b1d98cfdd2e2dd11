package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The board as a responder uses it during an incident: fifteen active hotfixes on one laptop screen, the worst
 * and oldest first, filters kept in the URL, usable on a phone, shortcuts under "?", times that read "ago" from
 * the server's clock, and a theme that stays chosen.
 */
@Tag("slow")
class BoardBrowserTest {
    private static final String PASSWORD = "a long test password";
    private static final String ROWS = ".board-table tbody tr";
    private static final List<String> SEVERITIES = List.of("medium", "high", "critical");

    /**
     * Fifteen active hotfixes, declared a minute apart in the order medium, high, critical, ...: so by id the
     * first is a medium one, and the oldest critical one is HOTFIX-003. sam owns every third one; every other one
     * touches "payments".
     */
    private static RunningServer seeded(TestDb db, MutableClock clock) {
        RunningServer s = new RunningServer(db.config(), clock);
        s.app().accounts().create("sam", Role.RESPONDER, PASSWORD, false);
        Http api = s.http();
        for (int i = 1; i <= 15; i++) {
            String severity = SEVERITIES.get((i - 1) % 3);
            String owner = i % 3 == 1 ? "@sam" : "ana";
            String system = i % 2 == 0 ? "payments" : "search";
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Incident number " + i + " with a title of ordinary length\",\"severity\":\""
                            + severity + "\",\"owner\":\"" + owner + "\",\"systemsAffected\":[\"" + system + "\"]}");
            clock.advance(Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofMinutes(20));
        return s;
    }

    /** A server with the fifteen hotfixes and a browser window of this size signed in as sam, on the board. */
    private record Board(TestDb db, RunningServer s, Chromium chromium, BrowserContext context, Page page)
            implements AutoCloseable {
        static Board open(int width, int height, List<String> errors) {
            TestDb db = TestDb.sqlite();
            RunningServer s = seeded(db, MutableClock.at("2026-10-04T02:00:00Z"));
            Chromium chromium = Chromium.launch();
            BrowserContext context = chromium.context(width, height, errors);
            Page page = Chromium.signIn(context, s.url(), "sam", PASSWORD);
            page.navigate(s.url() + "/");
            return new Board(db, s, chromium, context, page);
        }

        @Override
        public void close() throws Exception {
            context.close();
            chromium.close();
            s.close();
            db.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> column(Page page, String selector) {
        return (List<String>) page.evaluate(
                "s => [...document.querySelectorAll(s)].map(e => e.textContent.trim())", ROWS + " " + selector);
    }

    @Test
    void fifteenActiveHotfixes_fitA1280By800Screen_criticalFirst_thenOldestFirst() throws Exception {
        List<String> errors = new ArrayList<>();
        try (Board b = Board.open(1280, 800, errors)) {
            Page page = b.page();
            assertThat(page.locator(ROWS).count()).isEqualTo(15);
            double bottom = ((Number) page.evaluate("() => Math.max(...[...document.querySelectorAll('" + ROWS
                            + "')].map(r => r.getBoundingClientRect().bottom))"))
                    .doubleValue();
            assertThat(bottom)
                    .as("the last row's bottom edge, in a window 800 px high")
                    .isLessThanOrEqualTo(800);
            assertThat(page.evaluate("() => window.scrollY")).isEqualTo(0);

            assertThat(column(page, ".sev"))
                    .containsExactly(
                            "Critical",
                            "Critical",
                            "Critical",
                            "Critical",
                            "Critical",
                            "High",
                            "High",
                            "High",
                            "High",
                            "High",
                            "Medium",
                            "Medium",
                            "Medium",
                            "Medium",
                            "Medium");
            assertThat(column(page, ".hid"))
                    .as("within a severity, the longest running first")
                    .startsWith("HOTFIX-003", "HOTFIX-006", "HOTFIX-009", "HOTFIX-012", "HOTFIX-015", "HOTFIX-002");
            assertThat(column(page, ".next"))
                    .allSatisfy(n -> assertThat(n).isNotBlank().isNotEqualTo("—"));
            assertThat(page.locator(ROWS + " time.rel").first().innerText())
                    .as("HOTFIX-003 was declared 33 minutes before the server's clock")
                    .isEqualTo("33 min ago");
            assertThat(page.locator(ROWS + " time.rel").first().getAttribute("title"))
                    .contains("2026");
            assertThat(page.locator(ROWS + " .sev").first().evaluate("e => getComputedStyle(e, '::before').clipPath"))
                    .as("severity is a shape as well as a colour")
                    .isNotEqualTo("none");
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void theSeverityAndMineFilters_narrowTheBoard_andAreKeptInTheUrl() throws Exception {
        try (Board b = Board.open(1280, 800, new ArrayList<>())) {
            Page page = b.page();
            page.getByLabel("Severity").selectOption("critical");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                    .click();
            page.waitForURL("**severity=critical**");
            assertThat(column(page, ".sev")).hasSize(5).containsOnly("Critical");

            page.getByLabel("Severity").selectOption("");
            page.getByLabel("Mine").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                    .click();
            page.waitForURL("**mine=true**");
            assertThat(column(page, ".owner")).hasSize(5).containsOnly("@sam");
            assertThat(page.locator("h1 .count").textContent()).isEqualTo("5 of 15");

            page.navigate(b.s().url() + "/?system=payments&severity=high");
            assertThat(column(page, ".hid")).containsExactly("HOTFIX-002", "HOTFIX-008", "HOTFIX-014");
            assertThat(page.getByLabel("System").inputValue()).isEqualTo("payments");
        }
    }

    /**
     * One unbroken word of 200 characters in a title, an owner and a system (an independent tester's board was
     * 6,235 px wide with them, its owner and age columns off-screen): the page still fits the window, wide and narrow.
     */
    @Test
    void aVeryLongWordInATitleAnOwnerOrASystem_wrapsInsideItsCell() throws Exception {
        List<String> errors = new ArrayList<>();
        try (Board b = Board.open(1280, 800, errors)) {
            String word = "Supercalifragilistic" + "x".repeat(180);
            b.s().http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"" + word + "\",\"severity\":\"critical\",\"owner\":\"" + word
                                    + "\",\"systemsAffected\":[\"" + word + "\"]}");
            for (int width : List.of(1280, 375)) {
                b.page().setViewportSize(width, 800);
                b.page().navigate(b.s().url() + "/");
                assertThat(((Number) b.page().evaluate("document.documentElement.scrollWidth")).intValue())
                        .as("page width at " + width)
                        .isLessThanOrEqualTo(width);
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void onA375PxPhone_theBoardNeverScrollsSideways() throws Exception {
        List<String> errors = new ArrayList<>();
        try (Board b = Board.open(375, 812, errors)) {
            Page page = b.page();
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(375);
            assertThat(page.locator(ROWS).first().isVisible()).isTrue();
            assertThat(((Number) page.locator(ROWS + " .title")
                                    .first()
                                    .evaluate("e => e.getBoundingClientRect().right"))
                            .doubleValue())
                    .isLessThanOrEqualTo(375);
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void questionMarkListsTheShortcuts_nDeclares_andTypingInAFieldTriggersNothing() throws Exception {
        try (Board b = Board.open(1280, 800, new ArrayList<>())) {
            Page page = b.page();
            assertThat(page.locator("#shortcuts").isVisible()).isFalse();
            page.keyboard().press("?");
            assertThat(page.locator("#shortcuts").isVisible()).isTrue();
            assertThat(page.locator("#shortcuts").textContent()).contains("Declare a hotfix", "Dashboard", "Search");
            page.keyboard().press("Escape");
            assertThat(page.locator("#shortcuts").isVisible()).isFalse();

            page.keyboard().press("/");
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("board-q");
            page.keyboard().type("n");
            assertThat(page.url())
                    .as("an n typed in the search box is a letter")
                    .isEqualTo(b.s().url() + "/");
            page.locator("#board-q").blur();

            page.keyboard().press("n");
            page.waitForURL("**/hotfixes/new");
            page.goBack();
            page.keyboard().press("g");
            page.keyboard().press("d");
            page.waitForURL("**/dashboard");
        }
    }

    @Test
    void theThemeToggle_switchesTheTheme_andTheChoiceSurvivesAReload() throws Exception {
        try (Board b = Board.open(1280, 800, new ArrayList<>())) {
            Page page = b.page();
            String lightBackground = (String) page.evaluate("getComputedStyle(document.body).backgroundColor");
            page.locator("#theme-toggle").click();
            assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("dark");
            assertThat(page.locator("#theme-toggle").getAttribute("aria-pressed"))
                    .isEqualTo("true");
            String darkBackground = (String) page.evaluate("getComputedStyle(document.body).backgroundColor");
            assertThat(darkBackground).isNotEqualTo(lightBackground);

            page.reload();
            assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("dark");
            assertThat(page.evaluate("getComputedStyle(document.body).backgroundColor"))
                    .isEqualTo(darkBackground);
            page.locator("#theme-toggle").click();
            page.reload();
            assertThat(page.evaluate("document.documentElement.dataset.theme")).isEqualTo("light");
            assertThat(page.evaluate("getComputedStyle(document.body).backgroundColor"))
                    .isEqualTo(lightBackground);
        }
    }
}
