package dev.hotfixlog.hotfix;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A team's own fields in the browser: declared with the record (a required choice, a date), edited in place. */
@Tag("slow")
class TeamFieldsBrowserTest {
    private static final String PASSWORD = "a long test password";
    private static final String FIELDS = """
            [{"name":"region","label":"Region","type":"choice","choices":["eu","us","apac"],"required":true},
             {"name":"slaBreachedOn","label":"SLA breached on","type":"date","section":"when"}]""";

    @Test
    void aRequiredChoiceAndADate_areDeclaredWithTheRecord_refusedWhenMissing_andEditedInPlace() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.FIELDS, FIELDS)), MutableClock.at("2026-11-22T10:00:00Z"));
                Chromium chromium = Chromium.launch();
                BrowserContext context = chromium.browser().newContext()) {
            s.app().accounts().create("priya", Role.RESPONDER, PASSWORD, false);
            Page page = Chromium.signIn(context, s.url(), "priya", PASSWORD);
            page.navigate(s.url() + "/hotfixes/new?down=yes&wait=no");
            page.getByLabel("Title (brief description)").fill("Checkout returns 502");
            page.getByLabel("Severity").selectOption("high");
            page.getByLabel("SLA breached on").fill("2026-11-22");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();

            assertThat(page.locator("[id='fields.region-error']").textContent())
                    .isEqualTo("is required: Region, one of eu, us, apac");
            assertThat(page.getByLabel("SLA breached on").inputValue())
                    .as("nothing typed is lost")
                    .isEqualTo("2026-11-22");
            page.getByLabel("Region (required)").selectOption("eu");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Declare"))
                    .click();

            assertThat(page.url()).endsWith("/hotfixes/HOTFIX-001");
            assertThat(page.locator("#sec-summary").textContent())
                    .contains("Region (required)")
                    .contains("eu");
            assertThat(page.locator("#sec-when").textContent())
                    .contains("SLA breached on")
                    .contains("2026-11-22");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit Summary"))
                    .click();
            page.locator("#sec-summary select[name='fields.region']").selectOption("apac");
            page.locator("#sec-summary")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.locator("#sec-summary form")).hasCount(0);
            assertThat(page.locator("#sec-summary").textContent()).contains("apac");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit When"))
                    .click();
            page.locator("#sec-when input[name='fields.slaBreachedOn']").fill("2026-11-23");
            page.locator("#sec-when")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.locator("#sec-when form")).hasCount(0);

            assertThat(s.http()
                            .get("/api/v1/hotfixes/HOTFIX-001")
                            .json()
                            .path("fields")
                            .toString())
                    .isEqualTo("{\"region\":\"apac\",\"slaBreachedOn\":\"2026-11-23\"}");
        }
    }
}
