package dev.hotfixlog.incoming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.Ports;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;

/**
 * Debian's real Alertmanager (package prometheus-alertmanager, which .ci/run installs) pointed at the log with a
 * bearer token, alerts posted to its API v2 as Prometheus posts them: the incoming alert appears with the alert's
 * start, its first notification and its links; declared, then resolved in Alertmanager, the hotfix is stamped
 * "alerts cleared at". Then two Alertmanager peers in a cluster, each given the alert: one incoming alert; and
 * two peers cut off from each other, so that each sends (they have different external URLs, so their bodies
 * differ and both are kept): still one incoming alert.
 */
@Tag("slow")
class RealAlertmanagerTest {
    private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    private final HttpClient http = HttpClient.newHttpClient();

    @BothDatabases
    void alertsThroughARealAlertmanager_openOneIncomingAlert_andClearTheHotfix(TestDb db) throws Exception {
        requireAlertmanager();
        try (db;
                RunningServer s = new RunningServer(
                        db.config(
                                Map.of(Setting.INTEGRATIONS, "alertmanager prod bearer=am-token-123 systems=service")),
                        Clock.systemUTC());
                Alertmanager am = Alertmanager.start(db.dataDir().resolve("am1"), s.url(), null, null)) {
            Instant startsAt = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
            am.post(alert(startsAt, null));
            Http api = s.http();
            JsonNode a =
                    await(api, "/api/v1/incoming", items -> items.size() == 1).get(0);
            assertThat(a.path("title").asText()).isEqualTo("Error rate above 5% on payments");
            assertThat(a.path("startedAt").asText()).isEqualTo(startsAt.toString());
            assertThat(Instant.parse(a.path("firstReceivedAt").asText())).isAfter(startsAt);
            assertThat(a.path("links").path("source").asText()).isEqualTo("http://prometheus.example/graph?g0.expr=x");
            assertThat(a.path("links").path("runbook").asText()).isEqualTo("https://runbooks.example/errors");
            assertThat(a.path("links").path("sender").asText()).isEqualTo(am.externalUrl());
            assertThat(a.path("systems").toString()).isEqualTo("[\"payments\"]");
            String id = a.path("id").asText();

            JsonNode h = api.post(
                            "/api/v1/incoming/" + id + "/declare",
                            "{\"triage\":{\"productionDown\":true," + "\"canWait\":false}}")
                    .json();
            assertThat(h.path("detectedAt").asText()).isEqualTo(startsAt.toString());
            assertThat(h.path("alertedAt").asText())
                    .isEqualTo(a.path("firstReceivedAt").asText());

            // Resolved in Alertmanager: it sends the resolution (send_resolved), the hotfix is stamped.
            Instant endsAt = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
            am.post(alert(startsAt, endsAt));
            String hotfix = h.path("id").asText();
            JsonNode record = awaitRecord(api, hotfix);
            assertThat(record.path("alertsClearedAt").asText()).isEqualTo(endsAt.toString());
            assertThat(record.path("status").asText()).isEqualTo("active");
            JsonNode cleared = api.get("/api/v1/incoming/" + id).json();
            assertThat(cleared.path("clearedAt").asText()).isEqualTo(endsAt.toString());
            assertThat(cleared.path("deliveries").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(api.get("/api/v1/incoming?state=all").json().path("items"))
                    .hasSize(1);
        }
    }

    @BothDatabases
    void twoAlertmanagerPeersInACluster_stillOneIncomingAlert(TestDb db) throws Exception {
        requireAlertmanager();
        int gossip1 = Ports.free();
        try (db;
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.INTEGRATIONS, "alertmanager prod bearer=am-token-123")),
                        Clock.systemUTC());
                Alertmanager one = Alertmanager.start(db.dataDir().resolve("peer1"), s.url(), gossip1, null);
                Alertmanager two = Alertmanager.start(db.dataDir().resolve("peer2"), s.url(), Ports.free(), gossip1)) {
            // Prometheus sends every alert to every Alertmanager of the cluster, at once.
            postToBoth(one, two, alert(Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS), null));
            Http api = s.http();
            await(api, "/api/v1/incoming?state=all", items -> items.size() == 1);
            // and it stays one: the other peer's copy, sent at once, folds into it
            Awaitility.await()
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(
                                    api.get("/api/v1/incoming?state=all").json().path("items"))
                            .hasSize(1));
        }
    }

    @BothDatabases
    void twoPeersCutOffFromEachOther_bothSend_stillOneIncomingAlert(TestDb db) throws Exception {
        requireAlertmanager();
        // A partition: each peer is told of a peer it cannot reach, so each is first in its own cluster and sends.
        try (db;
                RunningServer s = new RunningServer(
                        db.config(Map.of(Setting.INTEGRATIONS, "alertmanager prod bearer=am-token-123")),
                        Clock.systemUTC());
                Alertmanager one =
                        Alertmanager.start(db.dataDir().resolve("peer1"), s.url(), Ports.free(), Ports.free());
                Alertmanager two =
                        Alertmanager.start(db.dataDir().resolve("peer2"), s.url(), Ports.free(), Ports.free())) {
            postToBoth(one, two, alert(Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS), null));
            Http api = s.http();
            JsonNode a = await(
                            api,
                            "/api/v1/incoming?state=all",
                            items -> items.size() == 1
                                    && detail(api, items.get(0))
                                                    .path("received")
                                                    .size()
                                            >= 2)
                    .get(0);
            List<String> senders = new ArrayList<>();
            detail(api, a)
                    .path("received")
                    .forEach(d -> senders.add(d.path("body").asText().contains(one.externalUrl()) ? "peer1" : "peer2"));
            assertThat(senders).containsExactlyInAnyOrder("peer1", "peer2");
            assertThat(api.get("/api/v1/incoming?state=all").json().path("items"))
                    .hasSize(1);
        }
    }

    private static void postToBoth(Alertmanager one, Alertmanager two, String alerts) throws Exception {
        var other = CompletableFuture.runAsync(() -> {
            try {
                two.post(alerts);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        one.post(alerts);
        other.join();
    }

    private static JsonNode detail(Http api, JsonNode item) {
        return api.get("/api/v1/incoming/" + item.path("id").asText()).json();
    }

    private static JsonNode await(Http api, String path, Predicate<JsonNode> done) {
        return Awaitility.await("Alertmanager's notification")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path).json().path("items"), done);
    }

    private static JsonNode awaitRecord(Http api, String hotfix) {
        return Awaitility.await("the resolution")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.get("/api/v1/hotfixes/" + hotfix).json(),
                        r -> !r.path("alertsClearedAt").isNull());
    }

    /** One alert as Prometheus posts it to /api/v2/alerts. */
    private static String alert(Instant startsAt, Instant endsAt) {
        return "[{\"labels\":{\"alertname\":\"HighErrorRate\",\"service\":\"payments\",\"severity\":\"critical\"},"
                + "\"annotations\":{\"summary\":\"Error rate above 5% on payments\","
                + "\"runbook_url\":\"https://runbooks.example/errors\"},"
                + "\"generatorURL\":\"http://prometheus.example/graph?g0.expr=x\","
                + "\"startsAt\":\"" + startsAt + "\"" + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"")
                + "}]";
    }

    private static void requireAlertmanager() {
        assertThat(Files.isExecutable(BINARY))
                .as("these tests drive Debian's Alertmanager: apt-get install "
                        + "prometheus-alertmanager (.ci/run does)")
                .isTrue();
    }

    /** One Alertmanager process with a webhook receiver pointed at the log. */
    private record Alertmanager(Process process, int port, Path dir, HttpClient http) implements AutoCloseable {
        static Alertmanager start(Path dir, String logUrl, Integer gossipPort, Integer peerPort) throws Exception {
            Files.createDirectories(dir);
            int port = Ports.free();
            Files.writeString(dir.resolve("alertmanager.yml"), """
                    route:
                      receiver: hotfix-log
                      group_by: ['alertname', 'service']
                      group_wait: 1s
                      group_interval: 1s
                      repeat_interval: 1h
                    receivers:
                      - name: hotfix-log
                        webhook_configs:
                          - url: %s/api/v1/ingest/alertmanager/prod
                            send_resolved: true
                            http_config:
                              authorization:
                                type: Bearer
                                credentials: am-token-123
                    """.formatted(logUrl));
            List<String> cmd = new ArrayList<>(List.of(
                    BINARY.toString(),
                    "--config.file=" + dir.resolve("alertmanager.yml"),
                    "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--web.external-url=http://127.0.0.1:" + port,
                    "--cluster.listen-address=" + (gossipPort == null ? "" : "127.0.0.1:" + gossipPort)));
            if (gossipPort != null) {
                cmd.add("--cluster.advertise-address=127.0.0.1:" + gossipPort);
                // A peer waits its position times this before it sends (15 s by default); short, for the test.
                cmd.add("--cluster.peer-timeout=1s");
            }
            if (peerPort != null) {
                cmd.add("--cluster.peer=127.0.0.1:" + peerPort);
            }
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("alertmanager.log").toFile())
                    .start();
            Alertmanager am = new Alertmanager(p, port, dir, HttpClient.newHttpClient());
            for (int i = 0; i < 100; i++) {
                try {
                    HttpResponse<String> r = am.http.send(
                            HttpRequest.newBuilder(URI.create(am.externalUrl() + "/-/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return am;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            am.close();
            throw new AssertionError(
                    "Alertmanager did not start: " + Files.readString(dir.resolve("alertmanager.log")));
        }

        String externalUrl() {
            return "http://127.0.0.1:" + port;
        }

        void post(String alerts) throws Exception {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(externalUrl() + "/api/v2/alerts"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(alerts))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
