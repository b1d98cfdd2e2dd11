package dev.hotfixlog.hotfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A double click or a retry declares one hotfix, not two. */
class IdempotencyTest {
    private static final String BODY = "{\"title\":\"Checkout 502\",\"severity\":\"critical\"}";

    @BothDatabases
    void theSameKeyTwice_answersWithTheFirstHotfix(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http priya = s.as("Priya", Role.RESPONDER);
            Http.Response first = priya.post("/api/v1/hotfixes", BODY, "Idempotency-Key", "form-7f3a");
            Http.Response again = priya.post("/api/v1/hotfixes", BODY, "Idempotency-Key", "form-7f3a");

            assertThat(first.status()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.location()).isEqualTo(first.location());
            assertThat(again.json()).isEqualTo(first.json());
            assertThat(s.http().get("/api/v1/hotfixes").json().path("items").size())
                    .isEqualTo(1);

            Http.Response otherBody = priya.post(
                    "/api/v1/hotfixes", "{\"title\":\"else\",\"severity\":\"high\"}", "Idempotency-Key", "form-7f3a");
            assertThat(otherBody.status()).isEqualTo(422);
            assertThat(otherBody.json().path("errors").get(0).path("message").asText())
                    .isEqualTo("was already used for a different request; send a new key for a new hotfix");

            Http.Response otherCaller =
                    s.as("Jonas", Role.RESPONDER).post("/api/v1/hotfixes", BODY, "Idempotency-Key", "form-7f3a");
            assertThat(otherCaller.json().path("id").asText())
                    .as("keys are per caller")
                    .isEqualTo("HOTFIX-002");
            assertThat(priya.post("/api/v1/hotfixes", BODY).json().path("id").asText())
                    .as("no key, no protection")
                    .isEqualTo("HOTFIX-003");
        }
    }

    @BothDatabases
    void twentySimultaneousRequestsWithOneKey_makeOneHotfix(TestDb db) throws Exception {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http priya = s.as("Priya", Role.RESPONDER);
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Http.Response>> futures = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return priya.post("/api/v1/hotfixes", BODY, "Idempotency-Key", "double-click");
                    }));
                }
                start.countDown();
                Set<String> ids = new HashSet<>();
                for (Future<Http.Response> f : futures) {
                    Http.Response r = f.get();
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    ids.add(r.json().path("id").asText());
                }
                assertThat(ids).containsExactly("HOTFIX-001");
                assertThat(s.http().get("/api/v1/hotfixes").json().path("items").size())
                        .isEqualTo(1);
                assertThat(s.http()
                                .get("/api/v1/hotfixes/HOTFIX-001/history")
                                .json()
                                .path("items")
                                .size())
                        .isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
