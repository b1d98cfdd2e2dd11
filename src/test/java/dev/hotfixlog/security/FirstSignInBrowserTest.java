package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.hotfixlog.support.Chromium;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The first sign-in from a fresh data folder, with nothing but what the README's "Two commands" and the pages
 * say: the sign-in page names the file with the one-time password, the password is replaced, the file is gone.
 */
@Tag("slow")
class FirstSignInBrowserTest {
    @Test
    void theFirstAdmin_findsItsPasswordFromThePage_changesIt_andTheFileIsRemoved() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String twoCommands = readme.substring(
                readme.indexOf("## Two commands"), readme.indexOf("\n## ", readme.indexOf("## Two commands") + 3));
        assertThat(twoCommands).contains("hotfix-data/initial-admin-password").contains("admin");

        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-05T09:00:00Z"));
                Chromium chromium = Chromium.launch()) {
            List<String> errors = new ArrayList<>();
            try (BrowserContext context = chromium.context(375, 740, errors)) {
                Page page = context.newPage();
                page.navigate(s.url() + "/");
                assertThat(page.url()).contains("/sign-in");
                String notice = page.locator("#first-start").innerText();
                Matcher file =
                        Pattern.compile("in the file (\\S+) on the server").matcher(notice);
                assertThat(file.find()).as(notice).isTrue();
                Path passwordFile = Path.of(file.group(1));
                assertThat(passwordFile).isEqualTo(db.dataDir().resolve("initial-admin-password"));
                String oneTime = Files.readString(passwordFile).strip();

                page.getByLabel("User name").fill("admin");
                page.getByLabel("Password").fill(oneTime);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                        .click();
                assertThat(page.url()).endsWith("/account/password");
                page.getByLabel("Current password").fill(oneTime);
                page.getByLabel("New password (at least 12 characters)").fill("a long passphrase of mine");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                        .click();
                assertThat(page.url()).isEqualTo(s.url() + "/");
                assertThat(Files.exists(passwordFile))
                        .as("the one-time password's file is removed")
                        .isFalse();
            }
            try (BrowserContext later = chromium.context(1280, 900, errors)) {
                Page page = later.newPage();
                page.navigate(s.url() + "/sign-in");
                assertThat(page.locator("#first-start").count()).isZero();
            }
            assertThat(errors).isEmpty();
        }
    }
}
