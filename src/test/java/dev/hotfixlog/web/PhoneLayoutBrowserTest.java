package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a 375 px phone shows when the text is long: severity as a drawn dot (no emoji font needed), history cells
 * that never cut a word in two, a long URL in a lesson's rule that does not widen the page, and a response-time
 * chart whose text is at reading size.
 */
@Tag("slow")
class PhoneLayoutBrowserTest {
    private static final String PASSWORD = "a long test password";
    private static final String LONG_URL = "https://runbooks.example.com/payments/gateway/certificates/"
            + "rotation-procedure-for-intermediate-authorities-and-pinning?section=rollback-and-verification";
    private static final String LONG_WORD = "payments-gateway-eu-west-1-production-canary-deployment";

    /**
     * The words of the matched elements' text that are drawn on two lines with the break between two letters or
     * digits: a break after a hyphen, slash or other punctuation is where typesetting may break, a break inside
     * "database" is a cut word.
     */
    private static final String WORDS_CUT = """
            (selector) => {
              const cut = [];
              const top = (node, i) => {
                const r = document.createRange();
                r.setStart(node, i);
                r.setEnd(node, i + 1);
                const rects = r.getClientRects();
                return rects.length ? Math.round(rects[0].top) : null;
              };
              for (const cell of document.querySelectorAll(selector)) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const re = /\\S+/g;
                  let m;
                  while ((m = re.exec(node.data)) !== null) {
                    for (let k = 1; k < m[0].length; k++) {
                      const a = top(node, m.index + k - 1), b = top(node, m.index + k);
                      if (a !== null && b !== null && a !== b && /[\\p{L}\\p{N}]/u.test(m[0][k - 1])
                          && /[\\p{L}\\p{N}]/u.test(m[0][k])) {
                        cut.push(m[0]);
                        break;
                      }
                    }
                  }
                }
              }
              return cut;
            }""";

    @Test
    void longTextOnAPhone_neitherCutsWordsNorWidensThePage_andSeverityNeedsNoEmojiFont() throws Exception {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), clock);
                Chromium chromium = Chromium.launch()) {
            s.app().accounts().create("sam", Role.RESPONDER, PASSWORD, false);
            Http api = s.http();
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"Checkout 502\",\"severity\":\"critical\","
                            + "\"systemsAffected\":[\"" + LONG_WORD + "\"],\"changeMade\":\"Pinned the intermediate on "
                            + LONG_WORD + " behind the flag\",\"operatingRule\":\"Follow " + LONG_URL + "\"}");
            for (String e : List.of("alerted", "deployed", "resolved")) {
                clock.advance(Duration.ofMinutes(10));
                api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"" + e + "\"}");
            }
            api.post("/api/v1/hotfixes/HOTFIX-001/lesson", "{\"bucket\":\"release-validation-loop\"}");

            List<String> errors = new ArrayList<>();
            try (BrowserContext context = chromium.context(375, 740, errors)) {
                Page page = Chromium.signIn(context, s.url(), "sam", PASSWORD);
                page.navigate(s.url() + "/hotfixes?status=completed");
                assertThat(page.locator(".sev").first().textContent()).isEqualTo("Critical");
                assertThat(page.locator(".sev .dot").first().evaluate("d => getComputedStyle(d).backgroundColor"))
                        .isEqualTo("rgb(180, 35, 24)");
                assertThat(((Number) page.locator(".sev .dot")
                                        .first()
                                        .evaluate("d => d.getBoundingClientRect()" + ".width"))
                                .doubleValue())
                        .isGreaterThan(8);

                page.navigate(s.url() + "/hotfixes/HOTFIX-001");
                assertThat(page.content()).contains(LONG_URL.substring(0, 40));
                assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                        .as("the record page with a long URL in its lesson's rule")
                        .isLessThanOrEqualTo(375);

                page.navigate(s.url() + "/hotfixes/HOTFIX-001/history");
                @SuppressWarnings("unchecked")
                List<String> cut = (List<String>) page.evaluate(WORDS_CUT, ".history td");
                assertThat(cut).as("words drawn across two lines").isEmpty();
                assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                        .isLessThanOrEqualTo(375);

                page.navigate(s.url() + "/dashboard");
                @SuppressWarnings("unchecked")
                List<Number> heights = (List<Number>) page.evaluate("Array.from(document.querySelectorAll("
                        + "'svg.chart-narrow text')).map(t => t.getBoundingClientRect().height)");
                assertThat(heights)
                        .isNotEmpty()
                        .allSatisfy(h -> assertThat(h.doubleValue())
                                .as("chart text height in CSS pixels")
                                .isGreaterThanOrEqualTo(12));
            }
            assertThat(errors).isEmpty();
        }
    }
}
