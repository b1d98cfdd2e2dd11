package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Web sign-in: safe first start, forced password change, CSRF, sessions that outlive a server, rate limits. */
class SignInTest {
    private static final String T0 = "2026-10-04T02:17:00Z";
    private static final String NEW_PASSWORD = "correct horse battery staple";

    private static String initialPassword(TestDb db) throws Exception {
        return Files.readString(db.dataDir().resolve(AccountService.INITIAL_PASSWORD_FILE))
                .strip();
    }

    private static Browser.Page signIn(Browser b, String user, String password) {
        String csrf = b.get("/sign-in").csrf();
        return b.postForm("/sign-in", Map.of("_csrf", csrf, "username", user, "password", password, "next", "/"));
    }

    @BothDatabases
    void firstStart_createsOneAdminWithAPrivateOneTimePassword(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(T0))) {
            Path file = db.dataDir().resolve(AccountService.INITIAL_PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            String password = initialPassword(db);
            assertThat(password).hasSize(20);
            assertThat(s.app().accounts().verify("admin", password)).hasValueSatisfying(a -> {
                assertThat(a.role()).isEqualTo(Role.ADMIN);
                assertThat(a.mustChangePassword()).isTrue();
            });
        }
        String first = initialPassword(db);
        try (RunningServer again = new RunningServer(db.config(), MutableClock.at(T0))) {
            assertThat(initialPassword(db))
                    .as("a second start makes no new admin")
                    .isEqualTo(first);
        }
    }

    @BothDatabases
    void signIn_forcesTheOneTimePasswordToBeChanged_thenOpensThePages(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(T0))) {
            Browser b = new Browser(s.url());
            Browser.Page home = b.get("/");
            assertThat(home.status()).isEqualTo(303);
            assertThat(home.location()).isEqualTo("/sign-in?next=%2F");

            String csrf = b.get("/sign-in").csrf();
            assertThat(b.postForm("/sign-in", Map.of("username", "admin", "password", "x"))
                            .status())
                    .as("no CSRF token")
                    .isEqualTo(403);
            Browser.Page wrong =
                    b.postForm("/sign-in", Map.of("_csrf", csrf, "username", "admin", "password", "not it at all"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("Wrong user name or password.").contains("value=\"admin\"");

            String oneTime = initialPassword(db);
            Browser.Page ok = signIn(b, "admin", oneTime);
            assertThat(ok.status()).isEqualTo(303);
            assertThat(ok.location()).isEqualTo("/account/password");
            assertThat(ok.setCookies())
                    .anySatisfy(c -> assertThat(c)
                            .startsWith("hotfix_session=")
                            .contains("; HttpOnly")
                            .contains("; SameSite=Lax")
                            .doesNotContain("Secure"));
            assertThat(b.get("/").location()).isEqualTo("/account/password");
            assertThat(b.postJson("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\"}")
                            .status())
                    .as("the API waits for the password change too")
                    .isIn(403);

            Browser.Page form = b.get("/account/password");
            assertThat(form.body()).contains("choose your own");
            Browser.Page weak = b.postForm(
                    "/account/password",
                    Map.of("_csrf", form.csrf(), "current", initialPassword(db), "password", "short"));
            assertThat(weak.status()).isEqualTo(422);
            assertThat(weak.body()).contains("The new password must be at least 12 characters.");
            Browser.Page changed = b.postForm(
                    "/account/password",
                    Map.of("_csrf", form.csrf(), "current", initialPassword(db), "password", NEW_PASSWORD));
            assertThat(changed.status()).isEqualTo(303);
            assertThat(changed.location()).isEqualTo("/");

            Browser.Page page = b.get("/");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Signed in as <strong>admin</strong>");
            assertThat(s.app().accounts().verify("admin", oneTime))
                    .as("old password")
                    .isEmpty();
            assertThat(db.dataDir().resolve(AccountService.INITIAL_PASSWORD_FILE))
                    .as("removed once used")
                    .doesNotExist();
        }
    }

    @BothDatabases
    void sessionChanges_needTheSessionsCsrfToken(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(T0))) {
            s.app().accounts().create("ana", Role.RESPONDER, NEW_PASSWORD, false);
            Browser b = new Browser(s.url());
            assertThat(signIn(b, "ana", NEW_PASSWORD).location()).isEqualTo("/");
            String csrf = b.get("/").csrf();

            assertThat(b.postJson("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\"}")
                            .status())
                    .isEqualTo(403);
            assertThat(b.postJson(
                                    "/api/v1/hotfixes",
                                    "{\"title\":\"x\",\"severity\":\"high\"}",
                                    "X-CSRF-Token",
                                    "forged")
                            .status())
                    .isEqualTo(403);
            Browser.Page created =
                    b.postJson("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\"}", "X-CSRF-Token", csrf);
            assertThat(created.status()).isEqualTo(201);
            assertThat(s.http()
                            .get("/api/v1/hotfixes/HOTFIX-001/history")
                            .json()
                            .path("items")
                            .get(0)
                            .path("actor")
                            .asText())
                    .isEqualTo("ana");

            assertThat(b.postForm("/sign-out", Map.of()).status()).isEqualTo(403);
            assertThat(b.postForm("/sign-out", Map.of("_csrf", csrf)).location())
                    .isEqualTo("/sign-in");
            assertThat(b.get("/").status()).as("signed out").isEqualTo(303);
        }
    }

    @BothDatabases
    void aSession_survivesARestart_andWorksOnASecondInstance(TestDb db) {
        Browser b;
        try (RunningServer first = new RunningServer(db.config(), MutableClock.at(T0))) {
            first.app().accounts().create("ana", Role.VIEWER, NEW_PASSWORD, false);
            b = new Browser(first.url());
            signIn(b, "ana", NEW_PASSWORD);
            assertThat(b.get("/").status()).isEqualTo(200);
        }
        try (RunningServer one = new RunningServer(db.config(), MutableClock.at(T0));
                RunningServer two = new RunningServer(db.config(), MutableClock.at(T0))) {
            b.moveTo(one.url());
            assertThat(b.get("/").status()).as("after a restart").isEqualTo(200);
            b.moveTo(two.url());
            assertThat(b.get("/").status()).as("on a second instance").isEqualTo(200);
            assertThat(b.get("/").body()).contains("Signed in as <strong>ana</strong>");
        }
    }

    @BothDatabases
    void failedSignIns_areLimitedPerAccount_andAudited(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(T0))) {
            s.app().accounts().create("ana", Role.VIEWER, NEW_PASSWORD, false);
            Browser b = new Browser(s.url());
            for (int i = 0; i < SignInRoutes.MAX_FAILURES_PER_ACCOUNT; i++) {
                assertThat(signIn(b, "ana", "guess number " + i).status()).isEqualTo(401);
            }
            Browser.Page limited = signIn(b, "ana", NEW_PASSWORD);
            assertThat(limited.status()).as("even the right password, for now").isEqualTo(429);
            assertThat(limited.body()).contains("Too many failed sign-ins.");
            assertThat(signIn(new Browser(s.url()), "admin", "wrong but another account")
                            .status())
                    .isEqualTo(401);

            List<String> lines = new ArrayList<>();
            s.http().get("/api/v1/audit?limit=100").json().path("items").forEach(e -> {
                if (e.path("action").asText().equals("POST /sign-in")) {
                    lines.add(e.path("actor").asText() + " " + e.path("outcome").asInt() + " "
                            + e.path("detail").asText());
                }
            });
            assertThat(lines)
                    .containsOnly(
                            "ana 401 sign-in failed: wrong user name or password",
                            "ana 429 sign-in refused: too many failures",
                            "admin 401 sign-in failed: wrong user name or password");
            assertThat(lines).hasSize(7);
        }
    }

    @BothDatabases
    void failedSignIns_areLimitedPerAddress_acrossAccounts(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(T0))) {
            s.app().accounts().create("ana", Role.VIEWER, NEW_PASSWORD, false);
            Browser b = new Browser(s.url());
            for (int i = 0; i < SignInRoutes.MAX_FAILURES_PER_ADDRESS; i++) {
                assertThat(signIn(b, "user-" + i, "guess").status()).isEqualTo(401);
            }
            assertThat(signIn(b, "ana", NEW_PASSWORD).status())
                    .as("this address is cooling down")
                    .isEqualTo(429);
        }
    }

    @BothDatabases
    void behindHttps_theSessionCookieIsSecure(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at(T0))) {
            s.app().accounts().create("ana", Role.VIEWER, NEW_PASSWORD, false);
            Browser b = new Browser(s.url());
            String csrf = b.get("/sign-in").csrf();
            Browser.Page ok = b.postForm(
                    "/sign-in",
                    Map.of("_csrf", csrf, "username", "ana", "password", NEW_PASSWORD),
                    "X-Forwarded-Proto",
                    "https");
            assertThat(ok.setCookies())
                    .anySatisfy(c -> assertThat(c).startsWith("hotfix_session=").endsWith("; Secure"));
        }
    }
}
