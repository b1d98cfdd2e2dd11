package dev.hotfixlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.incoming.AlertBatch;
import dev.hotfixlog.incoming.AlertFormat;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.migrate.Draft;
import dev.hotfixlog.migrate.Fetcher;
import dev.hotfixlog.migrate.MappingRow;
import dev.hotfixlog.migrate.MigrationRequest;
import dev.hotfixlog.migrate.MigrationTool;
import dev.hotfixlog.migrate.Source;
import dev.hotfixlog.migrate.SourceDoc;
import dev.hotfixlog.migrate.SourcePage;
import dev.hotfixlog.migrate.SourceText;
import dev.hotfixlog.notify.Channel;
import dev.hotfixlog.notify.ChannelKind;
import dev.hotfixlog.notify.QueuedMessage;
import dev.hotfixlog.security.SenderKind;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.web.WebServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A variant is one class and one registration: a channel kind, an alert format and a migration tool, each written
 * here as a test's own class and handed to {@link App#local(Config, java.time.Clock, Variants)} the way
 * {@link App#variants} hands the built-in ones, then driven end to end through a real server and database.
 */
class VariantsAreOneFileTest {
    /** A kind of channel that keeps what it is asked to send: {@code memo <anything>} in HOTFIX_CHANNELS. */
    static final class MemoChannel implements ChannelKind {
        final Queue<String> sent = new ConcurrentLinkedQueue<>();

        @Override
        public String name() {
            return "memo";
        }

        @Override
        public String example() {
            return "pad";
        }

        @Override
        public void checkTarget(String where, String target) {}

        @Override
        public String shownTarget(String target) {
            return target;
        }

        @Override
        public void send(Channel channel, QueuedMessage message) {
            sent.add(channel.target() + ": " + message.subject() + "\n" + message.body());
        }
    }

    /** A monitoring tool of its own: {@code {"id": …, "what": …, "firing": true}}, at /api/v1/ingest/beacon/…. */
    static final class BeaconFormat implements AlertFormat {
        @Override
        public String name() {
            return "beacon";
        }

        @Override
        public SenderKind sender() {
            return new SenderKind("beacon", "X-Beacon-Signature", SenderKind.Signature.ACCEPTED, "");
        }

        @Override
        public AlertBatch read(ObjectNode document) {
            String id = document.path("id").asText();
            String status = document.path("firing").asBoolean() ? "firing" : "resolved";
            return new AlertBatch(
                    "beacon:" + id,
                    status,
                    List.of(new AlertBatch.Item(
                            id,
                            status,
                            Map.of("alertname", document.path("what").asText(), "service", "billing"),
                            Map.of(),
                            Instant.parse(document.path("since").asText()),
                            null,
                            Map.of())),
                    Map.of(),
                    Map.of(),
                    null,
                    null,
                    null,
                    0);
        }
    }

    /** A tool to move in from whose history is held in memory: {@code hotfix migrate ledger --from memory}. */
    static final class LedgerTool implements MigrationTool {
        @Override
        public String name() {
            return "ledger";
        }

        @Override
        public String label() {
            return "Ledger";
        }

        @Override
        public String thing() {
            return "entry";
        }

        @Override
        public String defaultOrigin() {
            return "memory";
        }

        @Override
        public boolean overHttp(String from) {
            return false;
        }

        @Override
        public boolean readsFiles(String from) {
            return false;
        }

        @Override
        public Source open(MigrationRequest request, Instant now, Fetcher.Sleeper sleeper) {
            ObjectNode entry = Json.parseObject("""
                    {"id":"L-7","summary":"Invoices doubled after the retry storm","level":"sev1",
                     "opened":"2026-11-02T08:00:00Z","closed":"2026-11-02T09:30:00Z"}""");
            return cursor -> new SourcePage(List.of(new SourceDoc("L-7", entry, null)), List.of(), null);
        }

        @Override
        public List<MappingRow> rows() {
            return List.of(new MappingRow("title", "summary"), new MappingRow("severity", "level"));
        }

        @Override
        public void map(ObjectNode doc, Draft record, MigrationRequest request) {
            record.title(SourceText.text(doc, "summary"));
            record.severity(SourceText.list(SourceText.text(doc, "level")));
            Instant closed = SourceText.instant(SourceText.text(doc, "closed"));
            record.times(SourceText.instant(SourceText.text(doc, "opened")), null, closed, closed != null);
        }

        @Override
        public String severities() {
            return "sev1=critical,*=medium";
        }
    }

    @BothDatabases
    void aChannelKind_anAlertFormat_andAMigrationTool_eachAddedAsOneClass_workEndToEnd(TestDb db) {
        MemoChannel memo = new MemoChannel();
        // The background delivery loop is off (interval 0): the test delivers with deliverNow, which would
        // otherwise race the loop for the message.
        Config config = db.config(Map.of(
                Setting.CHANNELS,
                "memo on-call-pad events=alert",
                Setting.INTEGRATIONS,
                "beacon billing bearer=beacon-secret",
                Setting.NOTIFY_INTERVAL_MS,
                "0"));
        Variants variants = App.variants(config)
                .withChannel(memo)
                .withAlertFormat(new BeaconFormat())
                .withMigrationTool(new LedgerTool());
        MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
        try (db;
                App app = App.local(config, clock, variants);
                WebServer server = app.serve()) {
            Http admin = new Http("http://127.0.0.1:" + server.port(), TestDb.ADMIN_TOKEN);

            // A declared hotfix's alert goes out through the test's channel.
            assertThat(admin.post("/api/v1/hotfixes", """
                    {"title":"Card payments time out","severity":"high","owner":"Ana"}""").status()).isEqualTo(201);
            assertThat(app.deliverNow()).isEqualTo(1);
            assertThat(memo.sent)
                    .singleElement()
                    .asString()
                    .startsWith("on-call-pad: HOTFIX-001")
                    .contains("Card payments time out");
            assertThat(admin.get("/api/v1/hotfixes/HOTFIX-001/deliveries")
                            .json()
                            .path("items")
                            .get(0)
                            .path("status")
                            .asText())
                    .isEqualTo("delivered");

            // An alert in the test's format is taken at its own URL, under its integration's secret.
            Http anonymous = new Http("http://127.0.0.1:" + server.port());
            String alert = """
                    {"id":"b-1","what":"InvoiceQueueStuck","firing":true,"since":"2026-12-01T09:55:00Z"}""";
            assertThat(anonymous.post("/api/v1/ingest/beacon/billing", alert).status())
                    .isEqualTo(401);
            JsonNode receipt = anonymous
                    .post("/api/v1/ingest/beacon/billing", alert, "Authorization", "Bearer beacon-secret")
                    .json();
            assertThat(receipt.path("opened").asBoolean()).isTrue();
            JsonNode incoming = admin.get("/api/v1/incoming").json().path("items");
            assertThat(incoming).hasSize(1);
            assertThat(incoming.get(0).path("integration").asText()).isEqualTo("beacon/billing");
            assertThat(incoming.get(0).path("title").asText()).contains("InvoiceQueueStuck");
            assertThat(admin.get("/incoming/lane").body()).contains("InvoiceQueueStuck");

            // A migration from the test's tool makes a hotfix, mapped by the tool and its severity table.
            JsonNode report =
                    admin.post("/api/v1/migrations", "{\"source\":\"ledger\"}").json();
            assertThat(report.path("created")).hasSize(1);
            String moved = report.path("created").get(0).path("hotfixId").asText();
            JsonNode hotfix = admin.get("/api/v1/hotfixes/" + moved).json();
            assertThat(hotfix.path("title").asText()).isEqualTo("Invoices doubled after the retry storm");
            assertThat(hotfix.path("severity").asText()).isEqualTo("critical");
            assertThat(hotfix.path("status").asText()).isEqualTo("completed");
            assertThat(admin.get("/api/v1/hotfixes/" + moved + "/source")
                            .json()
                            .path("source")
                            .asText())
                    .isEqualTo("ledger");
            assertThat(admin.get("/hotfixes/" + moved).body()).contains("From Ledger:");
        }
    }
}
