package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The record page read in seconds (issue 34): what to decide from is above the fold on a desktop and on a phone,
 * a step over its target says so in words, and Markdown fields are rendered safely.
 */
@Tag("slow")
class RecordCockpitBrowserTest {
    private static final String PASSWORD = "a long test password";
    private static final String MARKDOWN =
            "Card payments fail with **bold** words\n\n```\nx509: unknown authority\n```\n\n"
                    + "<script>window.pwned=1</script>";

    private static RunningServer seeded(TestDb db) {
        RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:40:00Z"));
        s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
        s.http()
                .post(
                        "/api/v1/hotfixes",
                        "{\"title\":\"Checkout returns 502 after payment provider TLS rotation\",\"severity\":\"critical\",\"owner\":\"Priya Raman\","
                                + "\"detectedAt\":\"2026-10-04T02:10:00Z\",\"alertedAt\":\"2026-10-04T02:17:00Z\","
                                + "\"systemsAffected\":[\"checkout\",\"payments-gateway\"],"
                                + "\"problem\":" + json(MARKDOWN) + ",\"impact\":\"All checkouts, EU and US\"}");
        return s;
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void severityStatusOwnerNextStepAndTimeline_areAboveTheFold_onADesktopAndAPhone() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = seeded(db);
                Chromium chromium = Chromium.launch()) {
            SoftAssertions soft = new SoftAssertions();
            for (int[] size : List.of(new int[] {1280, 800}, new int[] {375, 812})) {
                List<String> errors = new ArrayList<>();
                try (BrowserContext context = chromium.context(size[0], size[1], errors)) {
                    Page page = Chromium.signIn(context, s.url(), "priya", PASSWORD);
                    page.navigate(s.url() + "/hotfixes/HOTFIX-001");
                    for (String part : List.of("#severity", "#status", "#owner", "#next-step", "#timeline")) {
                        BoundingBox box = page.locator(part).boundingBox();
                        soft.assertThat(box).as(part + " at " + size[0]).isNotNull();
                        if (box != null) {
                            soft.assertThat(box.y + box.height)
                                    .as(part + " ends above the fold at " + size[0] + "×" + size[1])
                                    .isLessThanOrEqualTo(size[1]);
                            soft.assertThat(box.y)
                                    .as(part + " starts on the screen")
                                    .isGreaterThanOrEqualTo(0);
                        }
                    }
                    soft.assertThat(page.locator("#severity").textContent()).contains("Critical");
                    soft.assertThat(page.locator("#status").textContent()).contains("Active");
                    soft.assertThat(page.locator("#owner").textContent()).contains("Priya Raman");
                    soft.assertThat(page.locator("#next-step").textContent()).contains("Make minimal change");
                    soft.assertThat(fontSize(page, ".record-title"))
                            .as("the incident's title is the largest text on the page")
                            .isGreaterThanOrEqualTo(largestOtherFont(page));
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    soft.assertThat(((Number) scrollWidth).intValue())
                            .as("nothing wider than the screen")
                            .isLessThanOrEqualTo(size[0]);
                    soft.assertThat(errors)
                            .as("no script error, no CSP violation, no missing file")
                            .isEmpty();
                }
            }
            soft.assertAll();
        }
    }

    @Test
    void aStepOverItsTarget_saysSoInWords_andTheAlertsAndTargetsAreDrawn() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = seeded(db);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Page page = Chromium.signIn(context, s.url(), "priya", PASSWORD);
            page.navigate(s.url() + "/hotfixes/HOTFIX-001");
            PlaywrightAssertions.assertThat(page.locator("#leg-alert"))
                    .hasText("Alerted 7 minutes after detection — target 5 minutes: over target by 2 minutes");
            assertThat(page.locator("#leg-alert .icon use").getAttribute("href"))
                    .as("an icon, not colour alone")
                    .endsWith("#i-alert-triangle");
            assertThat(page.locator("#leg-fix").textContent())
                    .as("still running: when its target falls")
                    .contains("target falls at 2026-10-04 02:47 UTC");
            assertThat(page.locator("#tl-detected time").getAttribute("datetime"))
                    .isEqualTo("2026-10-04T02:10:00Z");
            assertThat(page.locator("#tl-detected time").getAttribute("class")).isEqualTo("rel");
            assertThat(page.locator(".tl-draw circle.tl-dot").count())
                    .as("detected and alerted drawn")
                    .isEqualTo(2);
            assertThat(page.locator(".tl-draw .tl-target").count())
                    .as("the three targets drawn")
                    .isEqualTo(3);
            assertThat(page.locator("#sec-when").textContent())
                    .as("the When section no longer repeats the times in raw ISO")
                    .doesNotContain("2026-10-04T02:10:00Z");
        }
    }

    @Test
    void markdownFields_areRendered_scriptsStayInert_andEditingEditsTheMarkdown() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = seeded(db);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            Page page = Chromium.signIn(context, s.url(), "priya", PASSWORD);
            page.navigate(s.url() + "/hotfixes/HOTFIX-001");
            Locator problem = page.locator("#sec-emergency dd").first();
            PlaywrightAssertions.assertThat(problem.locator("strong")).hasText("bold");
            PlaywrightAssertions.assertThat(problem.locator("pre > code")).hasText("x509: unknown authority");
            assertThat(problem.locator("pre")
                            .evaluate("e => getComputedStyle(e).fontFamily")
                            .toString())
                    .as("code in monospace")
                    .containsIgnoringCase("mono");
            assertThat(problem.textContent())
                    .as("the script shown as text")
                    .contains("<script>window.pwned=1</script>");
            assertThat(problem.locator("script").count()).isZero();
            assertThat(page.evaluate("typeof window.pwned")).isEqualTo("undefined");

            assertThat(page.locator("#sec-emergency .unfilled").textContent())
                    .as("Why Emergency is empty: folded into one line")
                    .contains("1 field not filled — add");
            page.locator("#sec-emergency .unfilled a").focus();
            page.keyboard().press("Enter");
            PlaywrightAssertions.assertThat(page.getByLabel("Problem")).hasValue(MARKDOWN);
        }
    }

    private static double fontSize(Page page, String selector) {
        return ((Number) page.locator(selector).evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
                .doubleValue();
    }

    private static double largestOtherFont(Page page) {
        return ((Number) page.evaluate("() => Math.max(...[...document.querySelectorAll('body *')]"
                        + ".filter(e => !e.closest('.record-title') && e.textContent.trim() && e.offsetParent)"
                        + ".map(e => parseFloat(getComputedStyle(e).fontSize)))"))
                .doubleValue();
    }
}
