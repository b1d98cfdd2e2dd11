package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every kind of action the security tests perform leaves its line in the audit log: who, what, how it ended,
 * and why where it was refused. (Single sign-on's lines: OidcSignInTest.)
 */
class AuditTrailTest {
    private static final String PASSWORD = "a long test password";

    @BothDatabases
    void everyKindOfAction_isAudited(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http admin = s.http();
            JsonNode token = admin.post("/api/v1/tokens", "{\"name\":\"ci\",\"role\":\"responder\"}")
                    .json();
            Http ci = new Http(s.url(), token.path("token").asText());
            ci.post("/api/v1/hotfixes", "{\"title\":\"x\",\"severity\":\"high\",\"problem\":\"AKIAIOSFODNN7EXAMPLE\"}");
            ci.patch("/api/v1/hotfixes/HOTFIX-001", "{\"owner\":\"ci\"}", "If-Match", "\"1\"");
            ci.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");
            admin.send("DELETE", "/api/v1/tokens/" + token.path("id").asText(), null);
            ci.get("/api/v1/hotfixes");

            JsonNode added = admin.post("/api/v1/users", "{\"username\":\"cy\",\"role\":\"viewer\"}")
                    .json();
            assertThat(added.path("oneTimePassword").asText()).hasSize(20);
            assertThat(admin.get("/api/v1/users").body())
                    .contains("{\"username\":\"cy\",\"role\":\"viewer\","
                            + "\"source\":\"local\",\"mustChangePassword\":true}");
            s.app().accounts().create("ana", Role.VIEWER, PASSWORD, true);
            Browser b = new Browser(s.url());
            String formCsrf = b.get("/sign-in").csrf();
            b.postForm("/sign-in", Map.of("_csrf", formCsrf, "username", "ana", "password", "not it"));
            b.postForm("/sign-in", Map.of("_csrf", formCsrf, "username", "ana", "password", PASSWORD));
            String csrf = b.get("/account/password").csrf();
            b.postForm("/account/password", Map.of("_csrf", csrf, "current", PASSWORD, "password", PASSWORD + "!"));
            b.postForm("/sign-out", Map.of("_csrf", "forged"));
            b.postForm("/sign-out", Map.of("_csrf", csrf));
            b.postJson("/api/v1/hotfixes", "{\"title\":\"y\",\"severity\":\"high\"}");

            List<String> lines = new ArrayList<>();
            admin.get("/api/v1/audit?limit=100")
                    .json()
                    .path("items")
                    .forEach(e -> lines.add(
                            e.path("actor").asText() + " | " + e.path("action").asText() + " | "
                                    + e.path("outcome").asInt() + " | "
                                    + e.path("detail").asText()));
            assertThat(lines)
                    .contains(
                            "bootstrap | POST /api/v1/tokens | 201 | null",
                            "bootstrap | POST /api/v1/users | 201 | user cy added as viewer",
                            "ci | POST /api/v1/hotfixes | 201 | null",
                            "ci | PATCH /api/v1/hotfixes/HOTFIX-001 | 200 | null",
                            "ci | POST /api/v1/hotfixes/HOTFIX-001/events | 200 | null",
                            "bootstrap | DELETE /api/v1/tokens/"
                                    + token.path("id").asText() + " | 200 | null",
                            "anonymous | GET /api/v1/hotfixes | 401 | unknown, expired or revoked token",
                            "ana | POST /sign-in | 401 | sign-in failed: wrong user name or password",
                            "ana | POST /sign-in | 303 | signed in",
                            "ana | POST /account/password | 303 | password changed",
                            "ana | POST /sign-out | 403 | missing or wrong CSRF token",
                            "ana | POST /sign-out | 303 | null",
                            "anonymous | POST /api/v1/hotfixes | 401 | no credentials");
            assertThat(String.join("\n", lines))
                    .as("the pasted key is in no audit line")
                    .doesNotContain("AKIAIOSFODNN7EXAMPLE");
        }
    }
}
