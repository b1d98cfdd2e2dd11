package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every answer, page, style sheet, API, error or refusal, carries the security headers. */
class SecurityHeadersTest {
    @Test
    void everyKindOfAnswer_carriesTheSecurityHeaders() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path :
                    new String[] {"/", "/sign-in", "/static/app.css", "/api/v1/hotfixes", "/api/v1/nothing", "/health"
                    }) {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(s.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpHeaders h = r.headers();
                if (path.equals("/static/app.css") || path.equals("/sign-in")) {
                    assertThat(r.statusCode()).as(path + " is public").isEqualTo(200);
                }
                assertThat(h.firstValue("Content-Security-Policy"))
                        .as(path)
                        .hasValue("default-src 'self'; "
                                + "script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
                assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
                assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
                assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
                if (path.startsWith("/api/")) {
                    assertThat(h.firstValue("Cache-Control")).as(path).hasValue("no-store");
                }
            }
        }
    }
}
