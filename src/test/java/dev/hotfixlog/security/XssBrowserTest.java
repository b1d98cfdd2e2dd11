package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.Screenshots;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile text in everything the pages render, in a real browser: no script runs (no dialog opens, nothing is
 * logged as an error, not even a CSP refusal), and the reader still sees the text exactly as typed. Today the
 * pages render account names, the sign-in form's user name and its "next" target; every new page joins this
 * test.
 */
@Tag("slow")
class XssBrowserTest {
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>",
            "'><svg onload=alert(3)>",
            "</textarea><script>alert(4)</script>",
            "<iframe srcdoc=\"<script>alert(5)</script>\">",
            "<a href=\"javascript:alert(6)\">click</a>",
            "\" onfocus=\"alert(7)\" autofocus=\"",
            "<style>*{display:none}</style>",
            "${7*7} {{7*7}} <%= 7*7 %>",
            "javascript:alert(8)",
            "‮evil‬ \u0000-free ☃ 🚨 ⟨math⟩");
    private static final String PASSWORD = "a long test password";

    @Test
    void hostileTextEverywhere_isShownVerbatim_andNeverRuns() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch()) {
            List<String> incidents = new ArrayList<>();
            for (String payload : PAYLOADS) {
                String name = payload.replace("\u0000", "");
                s.app().accounts().create(name, Role.RESPONDER, PASSWORD, false);
                try (BrowserContext context = chromium.browser().newContext()) {
                    Page page = context.newPage();
                    watch(page, incidents, "for payload " + payload);

                    // A NUL in a query is refused before any page (RequestGuard, BadInputTest): the rest is hostile
                    // enough.
                    page.navigate(s.url() + "/sign-in?next=" + URLEncoder.encode("/" + name, StandardCharsets.UTF_8));
                    assertThat(page.locator("input[name=next]").inputValue())
                            .as("next, as rendered")
                            .isEqualTo(SignInRoutes.safeNext("/" + name));
                    page.navigate(s.url() + "/sign-in");
                    page.getByLabel("User name").fill(name);
                    page.getByLabel("Password").fill("wrong " + PASSWORD);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                            .click();
                    assertThat(page.locator(".error").textContent()).isEqualTo("Wrong user name or password.");
                    assertThat(page.getByLabel("User name").inputValue())
                            .as("echoed back verbatim")
                            .isEqualTo(name);

                    page.getByLabel("Password").fill(PASSWORD);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                            .click();
                    page.navigate(s.url() + "/");
                    assertThat(page.locator(".who strong").textContent())
                            .as("shown verbatim")
                            .isEqualTo(name);
                    page.navigate(s.url() + "/account/password");
                    assertThat(page.locator(".who strong").textContent()).isEqualTo(name);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                            .click();
                    assertThat(page.url()).endsWith("/sign-in");
                }
            }
            // The audit log shows every one of those names as an actor, to an admin.
            s.app().accounts().create("auditor", Role.ADMIN, PASSWORD, false);
            try (BrowserContext context = chromium.browser().newContext()) {
                Page page = context.newPage();
                watch(page, incidents, "on the audit page");
                page.navigate(s.url() + "/sign-in");
                page.getByLabel("User name").fill("auditor");
                page.getByLabel("Password").fill(PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                        .click();
                page.navigate(s.url() + "/admin/audit");
                List<String> actors = page.locator("td.actor").allTextContents();
                for (String payload : PAYLOADS) {
                    assertThat(actors).as("audit shows the name verbatim").contains(payload.replace("\u0000", ""));
                }
            }
            assertThat(incidents).isEmpty();
        }
    }

    /**
     * Records anything that shows script ran or was refused: a dialog, a console error (a CSP refusal is one),
     * an uncaught page error. The wrong-password page (401) and the declare form with errors (422) answer with
     * those statuses on purpose; the browser logs them, and only them, as expected.
     */
    private static void watch(Page page, List<String> incidents, String what) {
        page.onDialog(d -> {
            incidents.add("dialog '" + d.message() + "' " + what + " on " + page.url());
            d.dismiss();
        });
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")
                    && !m.text().contains("status of 401")
                    && !m.text().contains("status of 422")) {
                incidents.add("console error '" + m.text() + "' " + what + " on " + page.url());
            }
        });
        page.onPageError(e -> incidents.add("page error '" + e + "' " + what + " on " + page.url()));
    }

    private static void assertNoHorizontalScroll(Page page, int width) {
        Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
        assertThat(((Number) scrollWidth).intValue())
                .as("no horizontal scroll on " + page.url())
                .isLessThanOrEqualTo(width);
    }

    @Test
    void hostileTextInEveryFieldOfARecord_isShownVerbatim_andNeverRuns() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch()) {
            List<String> texts = new ArrayList<>();
            for (String payload : PAYLOADS) {
                String p = payload.replace("\u0000", "");
                texts.add(p);
                ObjectNode body = Json.object();
                for (String field : List.of(
                        "title",
                        "owner",
                        "problem",
                        "impact",
                        "whyEmergency",
                        "changeMade",
                        "rollbackPlan",
                        "rootCause",
                        "riskAccepted",
                        "monitoring",
                        "category",
                        "constraint",
                        "signal",
                        "boundary",
                        "operatingRule",
                        "learning",
                        "postmortemUrl")) {
                    body.put(field, p);
                }
                body.put("severity", "critical");
                body.putArray("systemsAffected").add(p).add("payments-gateway");
                body.putObject("steps")
                        .putObject("quickReview")
                        .put("done", true)
                        .put("by", p);
                ObjectNode fus = body.putObject("followUps");
                for (String kind : List.of("postmortem", "properFix", "processImprovement", "documentation")) {
                    fus.putObject(kind).put("description", p).put("owner", p).put("link", p);
                }
                assertThat(s.http().post("/api/v1/hotfixes", body.toString()).status())
                        .as(p)
                        .isEqualTo(201);
            }
            s.app().accounts().create("reader", Role.RESPONDER, PASSWORD, false);
            List<String> incidents = new ArrayList<>();
            try (BrowserContext context = chromium.browser().newContext()) {
                Page page = context.newPage();
                watch(page, incidents, "in a record field");
                page.navigate(s.url() + "/sign-in");
                page.getByLabel("User name").fill("reader");
                page.getByLabel("Password").fill(PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                        .click();

                page.navigate(s.url() + "/");
                assertThat(page.locator(".board-table .title").allTextContents())
                        .as("board titles, verbatim")
                        .containsExactlyInAnyOrderElementsOf(texts);
                assertThat(page.locator("a[href^='javascript'], a[href^='JAVASCRIPT'], [onerror], [onload], [onfocus]")
                                .count())
                        .isZero();
                // The declare form echoes what was typed when it comes back with errors (no severity here).
                page.navigate(s.url() + "/hotfixes/new?down=yes&wait=no");
                for (String p : texts) {
                    for (String label : List.of(
                            "Title (brief description)",
                            "Who",
                            "Problem",
                            "Impact",
                            "Why Emergency",
                            "Change Made",
                            "Files/Systems Affected (one per line)",
                            "Rollback Plan",
                            "Root Cause (Initial)",
                            "Risk Accepted",
                            "Monitoring")) {
                        page.getByLabel(label).fill(p);
                    }
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                            .click();
                    // The answer is a new page: wait for it (a loaded machine answered after the count was taken).
                    page.waitForLoadState();
                    page.locator("#severity-error, .record-title").first().waitFor();
                    assertThat(page.locator("#severity-error").count())
                            .as("came back with errors")
                            .isEqualTo(1);
                    assertThat(page.getByLabel("Problem").inputValue())
                            .as("echoed verbatim")
                            .isEqualTo(p);
                    assertThat(page.getByLabel("Title (brief description)").inputValue())
                            .isEqualTo(p);
                }
                for (int i = 0; i < texts.size(); i++) {
                    String id = String.format("HOTFIX-%03d", i + 1);
                    page.navigate(s.url() + "/hotfixes/" + id);
                    assertThat(page.locator("h1 .title").textContent())
                            .as(id + " title")
                            .isEqualTo(texts.get(i));
                    String expected = texts.get(i);
                    assertThat(page.locator("dd.text, #owner .text").allTextContents())
                            .as(id + " every one-line text field")
                            .hasSize(16)
                            .allSatisfy(t -> assertThat(t).isEqualTo(expected));
                    // The long texts are Markdown (issue 34): markup in them is shown as text, never run. Only a
                    // payload with emphasis characters reads differently, as Markdown means it to.
                    assertThat(page.locator("dd.md").allTextContents())
                            .as(id + " every Markdown field")
                            .hasSize(12)
                            .allSatisfy(t ->
                                    assertThat(t.strip()).isEqualTo(expected.contains("*") ? t.strip() : expected));
                    assertThat(page.locator(
                                            "a[href^='javascript'], [onerror], [onload], [onfocus], iframe, script:not([src])")
                                    .count())
                            .as(id + " no live markup from the payload")
                            .isZero();
                    for (String section : List.of("summary", "emergency", "fix", "context", "writeup")) {
                        page.navigate(s.url() + "/hotfixes/" + id + "/sections/" + section + "/edit");
                        for (Object v : (List<?>)
                                page.evaluate(
                                        "[...document.querySelectorAll('#sec-" + section
                                                + " form :is(input:not([type=hidden]):not([type=number]), textarea)')].map(e => e.value)")) {
                            if (!section.equals("fix") || !v.toString().contains("payments-gateway")) {
                                assertThat(v)
                                        .as(id + " " + section + " editor echoes verbatim")
                                        .isEqualTo(expected);
                            }
                        }
                        assertThat(page.locator("a[href^='javascript'], [onerror], [onload], [onfocus], iframe, "
                                                + "script:not([src])")
                                        .count())
                                .as(id + " " + section + " editor")
                                .isZero();
                    }
                    page.navigate(s.url() + "/hotfixes/" + id + "/history");
                    assertThat(page.locator("td.after").allTextContents())
                            .as(id + " history")
                            .contains(expected);
                    assertThat(page.locator("a[href^='javascript'], [onerror], [onload], [onfocus], iframe, "
                                            + "script:not([src])")
                                    .count())
                            .as(id + " history")
                            .isZero();
                }
            }
            assertThat(incidents).isEmpty();
        }
    }

    @Test
    void pages_screenshots() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"));
                Chromium chromium = Chromium.launch()) {
            Path dir = Path.of("docs", "screenshots");
            Files.createDirectories(dir);
            s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Checkout returns 502 after payment provider TLS rotation\","
                                    + "\"severity\":\"critical\",\"owner\":\"Priya Raman\",\"problem\":\"Every card payment failed with"
                                    + " 502 at the gateway; the provider rotated its intermediate certificate.\",\"impact\":\"All"
                                    + " checkouts in EU and US (about 1,900 failed orders in 30 minutes)\",\"systemsAffected\":"
                                    + "[\"payments-gateway\",\"feature flag payments.pinning\"],\"triage\":{\"productionDown\":true,"
                                    + "\"canWait\":false}}");
            s.http().post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"alerted\"}");
            s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Search index stale for 6 hours after config rollout\","
                                    + "\"severity\":\"high\",\"owner\":\"Jonas Weber\"}");
            s.http()
                    .post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Login loop for SSO users\",\"severity\":\"medium\","
                                    + "\"owner\":\"Ana Lima\"}");
            s.http().post("/api/v1/hotfixes/HOTFIX-003/events", "{\"type\":\"deployed\"}");
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            for (var size : List.of(new int[] {1280, 800}, new int[] {375, 740})) {
                String form = size[0] < 500 ? "phone" : "desktop";
                try (BrowserContext context = chromium.browser()
                        .newContext(new Browser.NewContextOptions().setViewportSize(size[0], size[1]))) {
                    Page page = context.newPage();
                    page.navigate(s.url() + "/sign-in");
                    assertThat(page.title()).isEqualTo("Sign in · Hotfix Log");
                    assertNoHorizontalScroll(page, size[0]);
                    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("sign-in-" + form + ".png")));
                    page.getByLabel("User name").fill("priya");
                    page.getByLabel("Password").fill(PASSWORD);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                            .click();
                    page.navigate(s.url() + "/");
                    assertNoHorizontalScroll(page, size[0]);
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Screenshots.SCRATCH.resolve("board-" + form + ".png"))
                            .setFullPage(true));
                    page.navigate(s.url() + "/hotfixes/HOTFIX-001");
                    assertNoHorizontalScroll(page, size[0]);
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Screenshots.SCRATCH.resolve("record-" + form + ".png"))
                            .setFullPage(true));
                }
            }
        }
    }
}
