package dev.hotfixlog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Anonymous requests holding every turn they may (issue 31: under 1,000 connections {@code /health} was shed with
 * 503 after 1.4–2.3 s, so HAProxy took every instance out at once): the health check and a signed-in caller are
 * still answered while they are held, and an anonymous request turned away is told so, with Retry-After.
 *
 * <p>The anonymous requests are failed sign-ins, each of which writes its audit line; the test holds SQLite's write
 * lock, so each waits on that write, holding its turn, until the lock is let go.
 */
class SharesUnderLoadTest {
    private static final int ANONYMOUS = 48;

    @Test
    void healthAndASignedInCaller_areAnswered_whileAnonymousRequestsHoldEveryTurn() throws Exception {
        try (TestDb db = TestDb.sqlite();
                RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http responder = s.http();
            // The token's first request goes in with everyone's; once the gate has accepted it, it is known.
            assertThat(responder.get("/api/v1/hotfixes").status()).isEqualTo(200);
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest signIn = HttpRequest.newBuilder(URI.create(s.url() + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody&password=wrong"))
                    .build();
            List<CompletableFuture<HttpResponse<String>>> anonymous = new ArrayList<>();
            try (Connection lock = DriverManager.getConnection(db.url());
                    Statement st = lock.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                for (int i = 0; i < ANONYMOUS; i++) {
                    anonymous.add(client.sendAsync(signIn, HttpResponse.BodyHandlers.ofString()));
                }
                // The first one turned away (after waiting its second for a turn) shows every turn is taken.
                HttpResponse<String> shed = CompletableFuture.anyOf(anonymous.toArray(CompletableFuture[]::new))
                        .thenApply(r -> (HttpResponse<String>) r)
                        .get();

                Http.Response health = s.anonymous().get("/health");
                Http.Response board = responder.get("/api/v1/hotfixes");

                assertThat(health.status()).as(health.body()).isEqualTo(200);
                assertThat(board.status()).as(board.body()).isEqualTo(200);
                // The others past the share are turned away one by one, each after its own second of waiting (on
                // a loaded machine seconds apart): wait for them, then exactly the share is held.
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(anonymous.stream()
                                        .filter(f -> !f.isDone())
                                        .count())
                                .as("anonymous requests still held")
                                .isEqualTo(ServerLimits.MAX_ACTIVE_ANONYMOUS));
                assertThat(shed.statusCode()).isEqualTo(503);
                assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(shed.body()).contains("\"type\":\"urn:hotfix-log:problem:busy\"", Shed.DETAIL);
                st.execute("ROLLBACK");
            }
            for (CompletableFuture<HttpResponse<String>> f : anonymous) {
                assertThat(f.get().statusCode()).isIn(403, 503); // refused sign-in once it could be audited, or shed
            }
        }
    }
}
