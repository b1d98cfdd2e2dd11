package dev.hotfixlog.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.App;
import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Nothing lost, nothing sent twice: receivers that are down, that fail, and two instances sharing one outbox. */
class OutboxFaultTest {
    private static JsonNode delivery(NotifyFixture f) {
        return f.server
                .http()
                .get("/api/v1/hotfixes/HOTFIX-001/deliveries")
                .json()
                .path("items")
                .get(0);
    }

    @BothDatabases
    void aReceiverThatIsDown_getsTheMessageOnceWhenItComesBack(TestDb db) {
        try (NotifyFixture f = new NotifyFixture(db, WebhookReceiver.down(), "webhook {receiver}/hook", Map.of())) {
            f.server.http().post("/api/v1/hotfixes", "{\"title\":\"Queue stuck\",\"severity\":\"high\"}");
            assertThat(f.server.app().deliverNow()).isEqualTo(1);
            JsonNode failed = delivery(f);
            assertThat(failed.path("status").asText()).isEqualTo("pending");
            assertThat(failed.path("attempts").asInt()).isEqualTo(1);
            assertThat(failed.path("lastError").asText()).contains("did not answer");
            assertThat(failed.path("nextAttemptAt").asText()).isEqualTo("2026-10-04T02:17:30Z");

            f.receiver.up();
            assertThat(f.server.app().deliverNow()).as("back-off not over yet").isZero();
            f.clock.advance(Duration.ofSeconds(30));
            assertThat(f.server.app().deliverNow()).isEqualTo(1);
            f.clock.advance(Duration.ofHours(2));
            assertThat(f.server.app().deliverNow()).isZero();

            assertThat(f.receiver.accepted()).hasSize(1);
            assertThat(delivery(f).path("status").asText()).isEqualTo("delivered");
            assertThat(delivery(f).path("attempts").asInt()).isEqualTo(2);
        }
    }

    /**
     * An instance killed while sending leaves its claim behind: the message goes out from another instance once the
     * claim's lease has run out (a minute, not a quarter of an hour), once, with its Idempotency-Key.
     */
    @BothDatabases
    void aMessageClaimedByAnInstanceThatDied_isSentByAnotherWhenItsLeaseRunsOut(TestDb db) {
        try (NotifyFixture f = new NotifyFixture(db, new WebhookReceiver(), "webhook {receiver}/hook", Map.of());
                Database other = Database.open(db.url(), "", "", 1)) {
            f.server.http().post("/api/v1/hotfixes", "{\"title\":\"Queue stuck\",\"severity\":\"high\"}");
            OutboxRepository outbox = new OutboxRepository(other.dialect());
            List<QueuedMessage> claimed =
                    other.write(h -> outbox.claim(h, "killed-instance", 16, f.clock.instant(), DeliveryWorker.LEASE));
            assertThat(claimed).hasSize(1);

            assertThat(f.server.app().deliverNow())
                    .as("the dead instance's claim still stands")
                    .isZero();
            f.clock.advance(DeliveryWorker.LEASE.minusSeconds(1));
            assertThat(f.server.app().deliverNow()).isZero();
            f.clock.advance(Duration.ofSeconds(2));
            assertThat(f.server.app().deliverNow()).isEqualTo(1);
            f.clock.advance(Duration.ofMinutes(5));
            assertThat(f.server.app().deliverNow()).isZero();

            assertThat(f.receiver.accepted()).hasSize(1);
            assertThat(delivery(f).path("status").asText()).isEqualTo("delivered");
        }
    }

    @BothDatabases
    void aReceiverAnswering500ThreeTimes_getsTheMessageOnTheFourthAttempt(TestDb db) {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.answer(500, 500, 500);
        try (NotifyFixture f = new NotifyFixture(db, receiver, "mattermost {receiver}/mm", Map.of())) {
            f.server.http().post("/api/v1/hotfixes", "{\"title\":\"Queue stuck\",\"severity\":\"high\"}");
            List<Duration> waits =
                    List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));
            for (Duration wait : waits) {
                f.clock.advance(wait);
                assertThat(f.server.app().deliverNow()).isEqualTo(1);
            }
            f.clock.advance(Duration.ofHours(5));
            assertThat(f.server.app().deliverNow()).isZero();

            assertThat(receiver.all())
                    .extracting(WebhookReceiver.Received::status)
                    .containsExactly(500, 500, 500, 200);
            assertThat(receiver.accepted()).hasSize(1);
            assertThat(receiver.all())
                    .extracting(r -> r.headers().get("idempotency-key"))
                    .containsOnly(receiver.accepted().get(0).headers().get("idempotency-key"));
            assertThat(delivery(f).path("status").asText()).isEqualTo("delivered");
            assertThat(delivery(f).path("attempts").asInt()).isEqualTo(4);
        }
    }

    @BothDatabases
    void aReceiverThatKeepsFailing_isMarkedFailedOnTheRecord_neverDroppedSilently(TestDb db) {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.answer(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        try (NotifyFixture f = new NotifyFixture(db, receiver, "teams {receiver}/teams", Map.of())) {
            f.server.http().post("/api/v1/hotfixes", "{\"title\":\"Queue stuck\",\"severity\":\"high\"}");
            for (int i = 0; i < 15; i++) {
                f.server.app().deliverNow();
                f.clock.advance(Duration.ofHours(1));
            }
            assertThat(receiver.all()).hasSize(OutboxRepository.MAX_ATTEMPTS);
            JsonNode d = delivery(f);
            assertThat(d.path("status").asText()).isEqualTo("failed");
            assertThat(d.path("lastError").asText())
                    .isEqualTo("http://127.0.0.1:" + receiver.url("").replaceAll(".*:", "")
                            + "/… answered 500: receiver says no");
            assertThat(f.server.http().get("/hotfixes/HOTFIX-001").body())
                    .contains("failed after 10 attempts")
                    .contains("answered 500: receiver says no");
        }
    }

    /**
     * Two instances (two apps, two connection pools, two workers) on one database: 300 alerts, four workers
     * draining at once, each message reaches the receiver exactly once.
     */
    @BothDatabases
    void twoInstancesOnOneOutbox_deliverEachMessageExactlyOnce(TestDb db) throws Exception {
        MutableClock clock = MutableClock.at("2026-10-04T02:17:00Z");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var config = db.config(
                    Map.of(Setting.CHANNELS, "webhook " + receiver.url("/hook"), Setting.NOTIFY_INTERVAL_MS, "0"));
            try (App one = App.local(config, clock);
                    App two = App.local(config, clock)) {
                for (int i = 1; i <= 300; i++) {
                    (i % 2 == 0 ? one : two)
                            .hotfixes()
                            .create(
                                    MergePatch.of(
                                            Json.parseObject("{\"title\":\"Hotfix " + i + "\",\"severity\":\"high\"}")),
                                    "bench");
                }
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    App app = w % 2 == 0 ? one : two;
                    runs.add(pool.submit(app::deliverNow));
                }
                int tried = 0;
                for (Future<Integer> r : runs) {
                    tried += r.get();
                }
                pool.shutdown();
                assertThat(tried).isEqualTo(300);
            }
            Set<String> hotfixes = new HashSet<>();
            receiver.accepted()
                    .forEach(r -> hotfixes.add(
                            Json.parseObject(r.body()).path("hotfix").asText()));
            assertThat(receiver.accepted()).hasSize(300);
            assertThat(hotfixes).hasSize(300);
        }
    }
}
