package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full disk, made with SQLite's own limit (max_page_count in the URL caps the file): writes answer 503 naming
 * the problem, /health says degraded, the log gets a bounded number of lines, reads go on, and once there is room
 * again writes succeed with nothing acknowledged lost.
 */
class DiskFullTest {
    private static final String TEXT = "pool exhausted ".repeat(1_000);

    @Test
    void aFullDisk_answers503_healthSaysDegraded_theLogStaysShort_andNothingAcknowledgedIsLost() throws Exception {
        try (TestDb db = TestDb.sqlite()) {
            long pages;
            try (Database d = Database.open(db.url(), "", "", 1)) {
                pages = d.read(h ->
                        h.createQuery("PRAGMA page_count").mapTo(Long.class).one());
            }
            String capped = db.url() + "?max_page_count=" + (pages + 40);
            Logger log = (Logger) LoggerFactory.getLogger(Database.class);
            ListAppender<ILoggingEvent> lines = new ListAppender<>();
            lines.start();
            log.addAppender(lines);
            List<String> acknowledged = new ArrayList<>();
            try (RunningServer s = new RunningServer(
                    db.config(Map.of(Setting.DB_URL, capped)), MutableClock.at("2026-10-04T02:17:00Z"))) {
                Http api = s.http();
                Http.Response full = null;
                for (int i = 0; i < 200 && full == null; i++) {
                    Http.Response r = api.post(
                            "/api/v1/hotfixes",
                            "{\"title\":\"Pool " + i + "\",\"severity\":" + "\"high\",\"problem\":\"" + TEXT
                                    + "\",\"impact\":\"" + TEXT + "\"}");
                    if (r.status() == 201) {
                        acknowledged.add(r.json().path("id").asText());
                    } else {
                        full = r;
                    }
                }
                assertThat(full).as("the cap was reached").isNotNull();
                assertThat(full.status()).isEqualTo(503);
                assertThat(full.json().path("detail").asText()).startsWith("the database is full: free disk space");
                for (int i = 0; i < 50; i++) {
                    assertThat(api.post(
                                            "/api/v1/hotfixes",
                                            "{\"title\":\"More " + i + "\",\"severity\":\"high\"," + "\"problem\":\""
                                                    + TEXT + "\",\"impact\":\"" + TEXT + "\"}")
                                    .status())
                            .isEqualTo(503);
                }
                Http.Response health = s.anonymous().get("/health");
                assertThat(health.status()).isEqualTo(503);
                JsonNode h = health.json();
                assertThat(h.path("status").asText()).isEqualTo("degraded");
                assertThat(h.path("database").path("writable").asBoolean()).isFalse();
                assertThat(api.get("/api/v1/hotfixes?limit=200")
                                .json()
                                .path("items")
                                .size())
                        .as("reads go on")
                        .isEqualTo(acknowledged.size());
            } finally {
                log.detachAppender(lines);
            }
            long storageLines = lines.list.stream()
                    .filter(e -> e.getFormattedMessage().startsWith("storage failure"))
                    .count();
            assertThat(storageLines)
                    .as("one line per kind and minute, not one per request")
                    .isEqualTo(1);
            assertThat(lines.list)
                    .allSatisfy(e -> assertThat(e.getThrowableProxy())
                            .as("no stack trace")
                            .isNull());

            try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-10-04T03:00:00Z"))) {
                Http api = s.http();
                assertThat(api.post("/api/v1/hotfixes", "{\"title\":\"After\",\"severity\":\"high\"}")
                                .status())
                        .as("room again: writes work")
                        .isEqualTo(201);
                assertThat(s.anonymous().get("/health").json().path("status").asText())
                        .isEqualTo("up");
                for (String id : acknowledged) {
                    assertThat(api.get("/api/v1/hotfixes/" + id).status())
                            .as(id + " kept")
                            .isEqualTo(200);
                }
            }
        }
    }
}
