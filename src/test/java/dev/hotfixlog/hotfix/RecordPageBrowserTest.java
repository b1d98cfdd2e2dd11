package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A record page in Chromium: a section edited in place, the lifecycle buttons with their durations, a follow-up
 * ticked, and two people editing the same section at once, with nothing lost.
 */
@Tag("slow")
class RecordPageBrowserTest {
    private static final String PASSWORD = "a long test password";

    private static Page signedIn(BrowserContext context, RunningServer s, String user) {
        return Chromium.signIn(context, s.url(), user, PASSWORD);
    }

    /** Playwright's waiting assertion: htmx swaps arrive after the click returns. */
    private static LocatorAssertions expect(Locator l) {
        return PlaywrightAssertions.assertThat(l);
    }

    /** Opens a section's editor in place and waits for the focus to land in its first field, as a person would. */
    private static void edit(Page page, String section) {
        link(page, "Edit " + section).click();
        String key = section.replace("The ", "").toLowerCase(Locale.ROOT);
        expect(page.locator("#sec-" + key + " form :is(input,textarea,select):visible")
                        .first())
                .isFocused();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static JsonNode record(RunningServer s) {
        return s.http().get("/api/v1/hotfixes/HOTFIX-001").json();
    }

    @BothDatabases
    void editingInPlace_lifecycleButtons_andTickingAFollowUp(TestDb db) throws Exception {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (db;
                RunningServer s = new RunningServer(db.config(), clock);
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Checkout returns 502\",\"severity\":\"critical\","
                                    + "\"detectedAt\":\"2026-10-04T02:10:00Z\"}");
            List<String> consoleErrors = new ArrayList<>();
            Page page = signedIn(context, s, "priya");
            page.onConsoleMessage(m -> {
                // An answer the page shows in place (422 invalid input, 409 conflict) is logged by Chromium too.
                if (m.type().equals("error") && !m.text().matches("Failed to load resource: .* (409|422) .*")) {
                    consoleErrors.add(m.text());
                }
            });
            page.navigate(s.url() + "/hotfixes/HOTFIX-001");
            page.evaluate("window.__samePage = true");

            edit(page, "The Emergency");
            assertThat(page.getByLabel("Problem").evaluate("e => e === document.activeElement"))
                    .as("the first field has the focus")
                    .isEqualTo(true);
            page.getByLabel("Problem")
                    .fill("Every card payment fails with 502 | since 02:10\n```\nx509: unknown authority\n```");
            page.getByLabel("Impact").fill("All checkouts, EU and US");
            button(page, "Save").click();
            // Saved in place and shown as Markdown: the fence is a code block, the rest a paragraph.
            expect(page.locator("#sec-emergency dd").first())
                    .hasText("Every card payment fails with 502 | since 02:10 x509: unknown authority");
            expect(page.locator("#sec-emergency dd pre code")).hasText("x509: unknown authority");
            expect(page.getByLabel("Problem")).hasCount(0);
            assertThat(page.evaluate("window.__samePage === true"))
                    .as("saved in place, no reload")
                    .isEqualTo(true);
            assertThat(record(s).path("impact").asText()).isEqualTo("All checkouts, EU and US");

            edit(page, "Summary");
            page.getByLabel("Title (brief description)").fill("");
            page.getByLabel("Who").fill("Priya Raman");
            button(page, "Save").click();
            expect(page.locator("#summary-title-error")).hasText("is required: a brief description of the emergency");
            assertThat(page.getByLabel("Who").inputValue()).as("input kept").isEqualTo("Priya Raman");
            page.getByLabel("Title (brief description)").fill("Checkout returns 502 for all cards");
            button(page, "Save").click();
            expect(page.locator("h1 .title")).hasText("Checkout returns 502 for all cards");

            clock.advance(Duration.ofMinutes(5));
            button(page, "Alerted").click();
            assertThat(page.locator("#tl-alerted time").getAttribute("datetime"))
                    .isEqualTo("2026-10-04T02:22:00Z");
            expect(page.locator("#leg-alert"))
                    .hasText("Alerted 12 minutes after detection — target 5 minutes: over target by 7 minutes");
            clock.advance(Duration.ofMinutes(30));
            button(page, "Fix deployed").click();
            assertThat(page.locator("#tl-deployed time").getAttribute("datetime"))
                    .isEqualTo("2026-10-04T02:52:00Z");
            expect(page.locator("#leg-fix"))
                    .hasText("Fix deployed 30 minutes after the alert — target 30 minutes: within target");
            clock.advance(Duration.ofMinutes(10));
            button(page, "Resolved").click();
            assertThat(page.locator("#total-duration").textContent()).isEqualTo("52 minutes");
            assertThat(button(page, "Resolved").count())
                    .as("a completed hotfix has no more lifecycle buttons")
                    .isZero();
            assertThat(record(s).path("status").asText()).isEqualTo("completed");

            page.evaluate("window.__samePage = true");
            page.waitForResponse(
                    r -> r.url().endsWith("/checklist"),
                    () -> page.getByLabel("Post-mortem scheduled").check());
            assertThat(page.getByLabel("Post-mortem scheduled").isChecked()).isTrue();
            assertThat(page.evaluate("window.__samePage === true"))
                    .as("ticked in place")
                    .isEqualTo(true);
            JsonNode postmortem = record(s).path("followUps").path("postmortem");
            assertThat(postmortem.path("done").asBoolean()).isTrue();
            assertThat(postmortem.path("doneAt").asText()).isEqualTo("2026-10-04T03:02:00Z");

            link(page, "History").click();
            assertThat(page.locator(".history > li").count())
                    .as("created, 2 edits, 3 events, 1 tick")
                    .isEqualTo(7);
            assertThat(page.locator(".history").textContent())
                    .contains("followUps.postmortem.done")
                    .contains("Checkout returns 502 for all cards");
            assertThat(consoleErrors).as("no script error, no CSP violation").isEmpty();
        }
    }

    @BothDatabases
    void twoTabsEditingTheSameSection_theSecondSeesBothVersions_andLosesNothing(TestDb db) throws Exception {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch();
                BrowserContext first = chromium.browser().newContext();
                BrowserContext second = chromium.browser().newContext()) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            s.app().accounts().create("sam", Role.RESPONDER, PASSWORD, false);
            s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Checkout returns 502\",\"severity\":\"critical\","
                                    + "\"problem\":\"Payments fail\"}");
            Page a = signedIn(first, s, "priya");
            Page b = signedIn(second, s, "sam");
            for (Page p : List.of(a, b)) {
                p.navigate(s.url() + "/hotfixes/HOTFIX-001");
                edit(p, "The Emergency");
            }
            a.getByLabel("Problem").fill("Payments fail: the provider rotated its intermediate certificate");
            button(a, "Save").click();
            expect(a.locator("#sec-emergency form")).hasCount(0);

            b.getByLabel("Problem").fill("Payments fail with 502 at the gateway");
            button(b, "Save").click();
            Locator conflict = b.locator("#sec-emergency .conflict");
            expect(conflict).isVisible();
            assertThat(conflict.textContent())
                    .contains("was saved by priya while you were editing (problem)")
                    .contains("Payments fail: the provider rotated its intermediate certificate");
            assertThat(b.getByLabel("Problem").inputValue())
                    .as("sam's text is still in the form")
                    .isEqualTo("Payments fail with 502 at the gateway");
            assertThat(record(s).path("problem").asText())
                    .as("priya's save stands")
                    .isEqualTo("Payments fail: the provider rotated its intermediate certificate");

            button(b, "Save mine over theirs").click();
            expect(b.locator("#sec-emergency dd").first()).hasText("Payments fail with 502 at the gateway");
            assertThat(record(s).path("problem").asText()).isEqualTo("Payments fail with 502 at the gateway");
            JsonNode history =
                    s.http().get("/api/v1/hotfixes/HOTFIX-001/history").json();
            assertThat(history.toString())
                    .as("both versions are in the history")
                    .contains("Payments fail: the provider rotated its intermediate certificate")
                    .contains("Payments fail with 502 at the gateway");

            // A stale page editing another section is not a conflict: the other person's change stays.
            edit(a, "The Fix");
            b.navigate(s.url() + "/hotfixes/HOTFIX-001");
            edit(b, "Summary");
            b.getByLabel("Who").fill("Sam");
            button(b, "Save").click();
            expect(b.getByLabel("Who")).hasCount(0);
            a.getByLabel("Rollback Plan").fill("Turn payments.pinning back on");
            button(a, "Save").click();
            expect(a.getByLabel("Rollback Plan")).hasCount(0);
            expect(a.locator("#sec-fix .conflict")).hasCount(0);
            JsonNode now = record(s);
            assertThat(now.path("owner").asText())
                    .as(s.http().get("/api/v1/hotfixes/HOTFIX-001/history").body())
                    .isEqualTo("Sam");
            assertThat(now.path("rollbackPlan").asText()).isEqualTo("Turn payments.pinning back on");
        }
    }

    @Test
    void conflictView_screenshots() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("sam", Role.RESPONDER, PASSWORD, false);
            s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Checkout returns 502\",\"severity\":\"critical\","
                                    + "\"owner\":\"Priya Raman\",\"problem\":\"Payments fail\"}");
            Path dir = Path.of("docs", "screenshots");
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                try (BrowserContext context = chromium.browser()
                        .newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
                    Page page = signedIn(context, s, "sam");
                    page.navigate(s.url() + "/hotfixes/HOTFIX-001");
                    edit(page, "The Emergency");
                    int version = record(s).path("version").asInt();
                    String theirs = "Payments fail: the provider rotated its intermediate certificate at 02:0"
                            + (size[0] < 500 ? "6" : "5");
                    s.as("priya", Role.RESPONDER)
                            .patch(
                                    "/api/v1/hotfixes/HOTFIX-001",
                                    "{\"problem\":\"" + theirs + "\"}",
                                    "If-Match",
                                    "\"" + version + "\"");
                    page.getByLabel("Problem").fill("Payments fail with 502 at the gateway since 02:10");
                    button(page, "Save").click();
                    expect(page.locator("#sec-emergency .conflict")).isVisible();
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(size[0]);
                    page.locator("#sec-emergency")
                            .screenshot(new Locator.ScreenshotOptions()
                                    .setPath(
                                            dir.resolve("conflict-" + (size[0] < 500 ? "phone" : "desktop") + ".png")));
                }
            }
        }
    }

    @Test
    void aSessionEndingMidEdit_keepsTheTypedText_andSaysWhy() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            s.http().post("/api/v1/hotfixes", "{\"title\":\"Checkout returns 502\",\"severity\":\"critical\"}");
            Page page = signedIn(context, s, "priya");
            page.navigate(s.url() + "/hotfixes/HOTFIX-001");
            edit(page, "The Emergency");
            page.getByLabel("Problem").fill("Typed at 3 AM, must not vanish");
            context.clearCookies(); // the session is gone (expired, or signed out in another tab)
            button(page, "Save").click();
            expect(page.locator("#net-error")).isVisible();
            expect(page.locator("#net-error")).containsText("your session has ended");
            assertThat(page.getByLabel("Problem").inputValue()).isEqualTo("Typed at 3 AM, must not vanish");
            assertThat(record(s).path("problem").isNull())
                    .as("nothing was saved")
                    .isTrue();
        }
    }

    @BothDatabases
    void withoutJavaScript_everyFormStillWorks(TestDb db) throws Exception {
        try (db;
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch();
                BrowserContext context =
                        chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            s.http().post("/api/v1/hotfixes", "{\"title\":\"Checkout returns 502\",\"severity\":\"critical\"}");
            Page page = signedIn(context, s, "priya");
            page.navigate(s.url() + "/hotfixes/HOTFIX-001");
            edit(page, "The Context");
            assertThat(page.url()).endsWith("/hotfixes/HOTFIX-001/sections/context/edit");
            page.getByLabel("Risk Accepted").fill("No review by the payments team");
            button(page, "Save").click();
            assertThat(page.url()).endsWith("/hotfixes/HOTFIX-001#sec-context");
            assertThat(page.locator("#sec-context").textContent()).contains("No review by the payments team");

            page.getByLabel("Start log entry").check();
            button(page, "Save checklist").click();
            assertThat(page.getByLabel("Start log entry").isChecked()).isTrue();
            button(page, "Resolved without a deploy").click();
            assertThat(record(s).path("status").asText()).isEqualTo("completed");
            assertThat(record(s).path("steps").path("startLog").path("done").asBoolean())
                    .isTrue();
        }
    }
}
