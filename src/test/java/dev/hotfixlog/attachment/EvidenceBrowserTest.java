package dev.hotfixlog.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Evidence in Chromium, on a desktop and a phone, as a responder gives it: a screenshot pasted from the real
 * clipboard (Ctrl+V) becomes a thumbnail that opens the full image; a log file dropped on the panel shows its first
 * lines; a lesson takes a dropped image too; and the register page shows the hotfix's expired risk. Screenshots:
 * docs/screenshots/evidence-*.png.
 */
@Tag("slow")
class EvidenceBrowserTest {
    private static final String PASSWORD = "a long test password";

    @Test
    void aPastedScreenshotAndADroppedLog_showOnTheRecord_andTheRegisterShowsTheExpiredRisk() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-01T03:00:00Z");
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), clock);
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("oncall", Role.RESPONDER, PASSWORD, false);
            s.app()
                    .hotfixes()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", "Checkout returns 502")
                                    .put("severity", "critical")
                                    .put("owner", "Priya Raman")
                                    .put("riskAccepted", "Pinning disabled until a rotation-safe check exists")
                                    .set(
                                            "systemsAffected",
                                            Json.mapper().createArrayNode().add("payments-gateway"))),
                            "priya");
            clock.advance(Duration.ofDays(15)); // past the critical risk's 14 days
            String png = Base64.getEncoder().encodeToString(Evidence.png(7));
            Path dir = Path.of("docs", "screenshots");
            Files.createDirectories(dir);
            for (var size : List.of(new int[] {1280, 900}, new int[] {375, 740})) {
                boolean phone = size[0] < 500;
                List<String> errors = new ArrayList<>();
                try (BrowserContext context = chromium.context(size[0], size[1], errors)) {
                    context.grantPermissions(
                            List.of("clipboard-read", "clipboard-write"),
                            new BrowserContext.GrantPermissionsOptions().setOrigin(s.url()));
                    Page page = Chromium.signIn(context, s.url(), "oncall", PASSWORD);
                    page.waitForURL(u -> !u.contains("/sign-in"));
                    page.navigate(s.url() + "/hotfixes/HOTFIX-001");
                    int before = page.locator("#attachments img.thumb").count();

                    // The screenshot goes on the system clipboard as an image, then Ctrl+V in the note field.
                    page.evaluate(
                            "async b64 => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));"
                                    + " await navigator.clipboard.write([new ClipboardItem({'image/png': new Blob([bytes],"
                                    + " {type: 'image/png'})})]); }",
                            png);
                    page.getByLabel("Note").fill("5xx at 02:17");
                    page.getByLabel("Note").press("Control+V");
                    page.waitForCondition(
                            () -> page.locator("#attachments img.thumb").count() == before + 1);
                    Object loaded = page.locator("#attachments img.thumb")
                            .last()
                            .evaluate("img => img.complete && img.naturalWidth");
                    assertThat(((Number) loaded).intValue())
                            .as("the thumbnail's image loads")
                            .isEqualTo(120);
                    assertThat(page.locator("#attachments a:has(img.thumb)")
                                    .last()
                                    .getAttribute("href"))
                            .startsWith("/attachments/");
                    assertThat(page.locator("#attachments").textContent()).contains("5xx at 02:17");

                    // A log file dropped on the panel: its first lines appear.
                    JSHandle drop = page.evaluateHandle("() => { const dt = new DataTransfer(); dt.items.add(new File("
                            + "['02:17:01 ERROR checkout: upstream 502 from payments-gateway\\n02:17:02 WARN "
                            + "retrying\\n'], 'checkout.log', {type: 'text/plain'})); return dt; }");
                    page.dispatchEvent("#attachments", "dragover", Map.of("dataTransfer", drop));
                    page.dispatchEvent("#attachments", "drop", Map.of("dataTransfer", drop));
                    page.waitForCondition(
                            () -> page.locator("#attachments pre.log-preview").count() >= 1
                                    && page.locator("#attachments pre.log-preview")
                                            .last()
                                            .textContent()
                                            .contains("upstream 502 from payments-gateway"));
                    page.waitForCondition(() ->
                            page.locator("[data-attach-status]").textContent().contains("Attached"));
                    Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
                    assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(size[0]);
                    page.locator("#attachments").scrollIntoViewIfNeeded();
                    page.locator("#attachments")
                            .screenshot(new Locator.ScreenshotOptions()
                                    .setPath(dir.resolve("evidence-" + (phone ? "phone" : "desktop") + ".png")));

                    // The larger view: the image itself, served as an image.
                    String href =
                            page.locator("#attachments a:has(img.thumb)").last().getAttribute("href");
                    Page full = context.newPage();
                    var answer = full.navigate(s.url() + href);
                    assertThat(answer.headerValue("content-type")).isEqualTo("image/png");
                    assertThat(answer.headerValue("content-security-policy")).contains("sandbox");
                    full.close();

                    if (!phone) {
                        String lesson = s.app()
                                .lessons()
                                .create(
                                        MergePatch.of(Json.object()
                                                .put("title", "Pin checks must survive rotation")
                                                .set(
                                                        "cases",
                                                        Json.mapper()
                                                                .createArrayNode()
                                                                .add("HOTFIX-001"))),
                                        "priya")
                                .id()
                                .toString();
                        page.navigate(s.url() + "/lessons/" + lesson);
                        JSHandle image = page.evaluateHandle(
                                "b64 => { const dt = new DataTransfer(); dt.items.add("
                                        + "new File([Uint8Array.from(atob(b64), c => c.charCodeAt(0))], 'graph.png', "
                                        + "{type: 'image/png'})); return dt; }",
                                png);
                        page.dispatchEvent("#attachments", "drop", Map.of("dataTransfer", image));
                        page.waitForCondition(
                                () -> page.locator("#attachments img.thumb").count() == 1);
                    }

                    page.navigate(s.url() + "/risks");
                    assertThat(page.locator("tr.risk-expired").textContent())
                            .contains("RISK-1", "HOTFIX-001", "expired");
                    assertThat(errors).isEmpty();
                }
            }
        }
    }
}
