package dev.hotfixlog.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.Setting;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A responder watching the board: an incoming alert arrives without a reload, is declared through the decision
 * tree with the record prefilled from the alert, and another is dismissed as noise.
 */
@Tag("slow")
class IncomingBoardBrowserTest {
    private static final String PASSWORD = "a long test password";
    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    @Test
    void anAlertArrivesOnTheOpenBoard_isDeclaredThroughTheTree_andAnotherIsDismissedAsNoise() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.INTEGRATIONS, IncomingReplayTest.INTEGRATIONS)),
                        new MutableClock(T0));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            Page page = Chromium.signIn(context, s.url(), "priya", PASSWORD);
            page.navigate(s.url() + "/");
            assertThat(page.locator(".incoming-alert").count()).isZero();
            page.evaluate("() => { window.sameBoard = true; }");

            IncomingReplayTest.deliver(
                    s,
                    IncomingReplayTest.am(
                            "{}:{alertname=\"HighErrorRate\"}",
                            "firing",
                            IncomingReplayTest.alert("fp-a", "firing", T0.minusSeconds(120), null, "payments")));
            String disk = IncomingReplayTest.am(
                            "{}:{alertname=\"DiskFull\"}",
                            "firing",
                            IncomingReplayTest.alert("fp-d", "firing", T0.minusSeconds(60), null, "search-index"))
                    .replace("HighErrorRate", "DiskFull")
                    .replace("Error rate above 5% on payments", "Disk 91% full on search-index");
            IncomingReplayTest.deliver(s, disk);

            // No reload: the lane refreshes itself within 10 s.
            page.locator("#ALERT-1").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            page.locator("#ALERT-2").waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            assertThat(page.evaluate("() => window.sameBoard === true"))
                    .as("the board was not reloaded")
                    .isEqualTo(true);
            assertThat(page.locator("#ALERT-1").textContent())
                    .contains("Error rate above 5% on payments", "1 of 1 firing", "payments");

            // Declared: the decision tree first, then the record prefilled from the alert.
            page.locator("#ALERT-1")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Declare"))
                    .click();
            assertThat(page.locator("#declare-from").textContent()).contains("ALERT-1");
            assertThat(page.locator("form[method=post][action='/hotfixes/new']").count())
                    .as("the tree comes first")
                    .isZero();
            page.locator("input[name=down][value=yes]").check();
            page.locator("input[name=wait][value=no]").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                    .click();
            assertThat(page.locator(".outcome").textContent()).isEqualTo("HOTFIX APPROVED");
            assertThat(page.getByLabel("Title (brief description)").inputValue())
                    .isEqualTo("Error rate above 5% on payments");
            assertThat(page.getByLabel("Severity").inputValue()).isEqualTo("critical");
            assertThat(page.getByLabel("Files/Systems Affected (one per line)").inputValue())
                    .isEqualTo("payments");
            assertThat(page.getByLabel("Problem").inputValue()).contains("5xx ratio is 7% on fp-a");
            page.getByLabel("Problem").fill("Card payments fail with 502 for a third of EU customers");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();

            assertThat(page.url()).endsWith("/hotfixes/HOTFIX-001");
            assertThat(page.locator("#raised-by").textContent()).contains("ALERT-1", "alertmanager/prod");
            assertThat(page.locator(".tl-draw .tl-mark-alert").count())
                    .as("the alert drawn on the record's timeline")
                    .isEqualTo(1);
            assertThat(page.locator("#record-links a[href='/incoming/1']").textContent())
                    .as("and linked from the side panel")
                    .startsWith("Alert: ALERT-1 from alertmanager/prod");
            JsonNode h = s.http().get("/api/v1/hotfixes/HOTFIX-001").json();
            assertThat(h.path("detectedAt").asText())
                    .isEqualTo(T0.minusSeconds(120).toString());
            assertThat(h.path("alertedAt").asText()).isEqualTo(T0.toString());
            assertThat(h.path("problem").asText()).isEqualTo("Card payments fail with 502 for a third of EU customers");
            assertThat(h.path("monitoring").asText()).contains("https://runbooks.example/high-errors");
            assertThat(s.http()
                            .get("/api/v1/incoming/ALERT-1")
                            .json()
                            .path("hotfix")
                            .asText())
                    .isEqualTo("HOTFIX-001");

            // The other is dismissed as noise.
            page.navigate(s.url() + "/");
            assertThat(page.locator("#ALERT-1").count())
                    .as("a declared alert leaves the lane")
                    .isZero();
            page.locator("#ALERT-2")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Dismiss…"))
                    .click();
            page.getByLabel("Noise").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dismiss"))
                    .click();
            assertThat(page.url()).isEqualTo(s.url() + "/");
            assertThat(page.locator(".incoming-alert").count()).isZero();
            JsonNode dismissed = s.http().get("/api/v1/incoming/ALERT-2").json();
            assertThat(dismissed.path("state").asText()).isEqualTo("dismissed");
            assertThat(dismissed.path("outcome").asText()).isEqualTo("noise");
            assertThat(dismissed.path("decidedBy").asText()).isEqualTo("priya");
        }
    }
}
