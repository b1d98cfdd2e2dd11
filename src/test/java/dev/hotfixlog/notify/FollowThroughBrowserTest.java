package dev.hotfixlog.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.Setting;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.WebhookReceiver;
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
 * In the browser: the record's Messages panel, a template's preview and its Send button (pressed twice, sent
 * once), My follow-ups, and the debt ledger, on a phone-sized screen and a desktop one.
 */
@Tag("slow")
class FollowThroughBrowserTest {
    private static final String PASSWORD = "a long test password";

    @Test
    void previewAndSendTheStakeholderUpdate_thenSeeItDeliveredOnTheRecord_andTheFollowUpPages() throws Exception {
        try (TestDb db = TestDb.sqlite();
                NotifyFixture f = new NotifyFixture(
                        db,
                        new WebhookReceiver(),
                        "webhook {receiver}/leads events=" + "stakeholder name=leads",
                        Map.of(Setting.FOLLOWUP_DUE, "postmortem=48h,properFix=14d"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            f.server.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            Http api = f.server.http();
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Checkout returns 502\",\"severity\":\"critical\",\"owner\":"
                            + "\"priya\",\"impact\":\"All checkouts in EU and US\",\"changeMade\":\"Pinned the old CA\"}");
            api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");
            f.clock.advance(Duration.ofMinutes(40));
            api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"resolved\"}");

            List<String> consoleErrors = new ArrayList<>();
            context.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    consoleErrors.add(m.text());
                }
            });
            Page page = Chromium.signIn(context, f.server.url(), "priya", PASSWORD);
            page.navigate(f.server.url() + "/hotfixes/HOTFIX-001");
            assertThat(page.locator("#deliveries").textContent()).contains("Nothing sent yet.");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stakeholder Update"))
                    .click();

            assertThat(page.locator("pre.message").textContent())
                    .startsWith(
                            "Issue: Checkout returns 502 (detected "
                                    + "2026-10-04 02:17 UTC)\nImpact: All checkouts in EU and US\nResolution: Pinned the old CA\n");
            assertThat(page.locator(".meta").first().textContent())
                    .isEqualTo("Subject: Production Issue Resolved - Checkout returns 502");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to 1 channel(s)"))
                    .click();
            assertThat(page.url()).endsWith("/hotfixes/HOTFIX-001#deliveries");
            assertThat(page.locator("#deliveries tbody tr").count()).isEqualTo(1);
            assertThat(page.locator("#deliveries tbody").textContent())
                    .contains("Stakeholder Update")
                    .contains("leads")
                    .contains("waiting");

            // A double click: the same form posted twice (both requests reach the server) queues it once.
            page.goBack();
            page.evaluate("async () => { const f = document.querySelector('main form[method=post]');"
                    + " await Promise.all([fetch(location.href, {method: 'POST', body: new URLSearchParams(new FormData(f))}),"
                    + " fetch(location.href, {method: 'POST', body: new URLSearchParams(new FormData(f))})]); }");
            page.navigate(f.server.url() + "/hotfixes/HOTFIX-001");
            assertThat(page.locator("#deliveries tbody tr").count())
                    .as("one more, not two")
                    .isEqualTo(2);

            f.server.app().deliverNow();
            page.reload();
            assertThat(page.locator("#deliveries tbody").textContent()).contains("delivered 2026-10-04 02:57 UTC");
            assertThat(f.receiver.accepted()).hasSize(2);

            f.clock.advance(Duration.ofDays(3)); // the post-mortem is overdue now, and the session has ended
            page = Chromium.signIn(context, f.server.url(), "priya", PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My follow-ups"))
                    .click();
            assertThat(page.locator("h1").textContent()).isEqualTo("My follow-ups");
            assertThat(page.locator(".followups li").first().textContent())
                    .contains("Overdue")
                    .contains("Post-mortem scheduled")
                    .contains("HOTFIX-001");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Debt").setExact(true))
                    .click();
            assertThat(page.locator("main p").first().textContent()).contains("1 outstanding");
            assertThat(consoleErrors).isEmpty();

            Path dir = Path.of("docs", "screenshots");
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                try (BrowserContext sized = chromium.browser()
                        .newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
                    Page p = Chromium.signIn(sized, f.server.url(), "priya", PASSWORD);
                    String suffix = size[0] < 500 ? "phone" : "desktop";
                    for (String[] shot : List.of(
                            new String[] {"/hotfixes/HOTFIX-001/announce/stakeholder", "announce"},
                            new String[] {"/followups?owner=*", "followups"},
                            new String[] {"/debt", "debt"})) {
                        p.navigate(f.server.url() + shot[0]);
                        Object scrollWidth = p.evaluate("document.documentElement.scrollWidth");
                        assertThat(((Number) scrollWidth).intValue())
                                .as(shot[1] + " " + suffix)
                                .isLessThanOrEqualTo(size[0]);
                        p.screenshot(new Page.ScreenshotOptions()
                                .setPath(dir.resolve(shot[1] + "-" + suffix + ".png"))
                                .setFullPage(true));
                    }
                }
            }
        }
    }
}
