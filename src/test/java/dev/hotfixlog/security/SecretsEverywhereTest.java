package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.migrate.Fixtures;
import dev.hotfixlog.migrate.MigrationRequest;
import dev.hotfixlog.migrate.PagerDutyTool;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Browser;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.Multipart;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;

/**
 * Masking is a property of every text the log keeps. The corpus of pasted credentials is planted through every
 * way text gets in (API, Markdown import, lessons, signals, token names, the sign-in form); then every text column
 * of every table, found from the database's own catalogue, and every way out (API, pages, Markdown, the
 * field-notes site) is searched for the secrets.
 *
 * <p>A text column this test does not know fails it: whoever adds one plants a secret through its write path here
 * and lists it under {@link #MASKED}, or lists it under {@link #NOT_FREE_TEXT} with the reason no person's text can
 * reach it.
 */
class SecretsEverywhereTest {
    /** Columns people's text reaches: after the planting each holds at least one masked secret. */
    private static final Set<String> MASKED = Set.of(
            "hotfix.title",
            "hotfix.owner",
            "hotfix.problem",
            "hotfix.impact",
            "hotfix.why_emergency",
            "hotfix.change_made",
            "hotfix.rollback_plan",
            "hotfix.root_cause",
            "hotfix.risk_accepted",
            "hotfix.monitoring",
            "hotfix.category",
            "hotfix.constraint_text",
            "hotfix.signal_text",
            "hotfix.boundary_text",
            "hotfix.operating_rule",
            "hotfix.learning",
            "hotfix.postmortem_url",
            "hotfix_system.name",
            "hotfix_system.category",
            "hotfix_step.done_by",
            "follow_up.description",
            "follow_up.owner",
            "follow_up.link",
            "hotfix_revision.actor",
            "hotfix_revision.changes",
            "hotfix_markdown.followup_status",
            "hotfix_markdown.extras",
            "emergency_type.name",
            "emergency_type.prevention",
            "warning_sign.signal_text",
            "warning_sign.threshold",
            "lesson.title",
            "lesson.summary",
            "lesson.constraint_text",
            "lesson.signal_text",
            "lesson.boundary_text",
            "lesson.operating_rule",
            "lesson.category",
            "api_token.name",
            "audit_event.actor",
            "signal_value.description",
            "signal_value.updated_by",
            "outbox_message.subject",
            "outbox_message.body",
            "outbox_message.created_by",
            "markdown_page.text",
            "hotfix_field.text_value",
            "incoming_alert.group_key",
            "incoming_alert.title",
            "incoming_alert.severity",
            "incoming_alert.systems",
            "incoming_alert.links",
            "incoming_alert.outcome_note",
            "incoming_alert.decided_by",
            "incoming_alert_item.name",
            "incoming_alert_item.generator_url",
            "incoming_alert_item.labels",
            "incoming_alert_item.annotations",
            "incoming_delivery.body",
            "deploy.system",
            "deploy.version",
            "deploy.actor",
            "deploy.url",
            "deploy.delivery_key",
            "deploy_link.confirmed_by",
            "risk.statement",
            "risk.owner",
            "risk.accepted_by",
            "risk.controls",
            "risk.proper_fix",
            "risk.retire_reason",
            "risk_event.actor",
            "risk_event.detail",
            "attachment.file_name",
            "attachment.note",
            "attachment.preview",
            "attachment.added_by",
            "attachment.deleted_by",
            "attachment.delete_reason",
            "migration_link.url",
            "migration_cursor.origin");
    /** Columns no person's free text reaches, each with the reason. */
    private static final Map<String, String> NOT_FREE_TEXT = new TreeMap<>(Map.ofEntries(
            Map.entry("account.username", "a name of letters, digits and . _ - (AccountService refuses the rest)"),
            Map.entry("account.role", "one of three roles"),
            Map.entry("account.password_hash", "an Argon2id hash"),
            Map.entry("account.source", "local or the provider's name from the configuration"),
            Map.entry("api_token.id", "a UUID"),
            Map.entry("api_token.role", "one of three roles"),
            Map.entry("api_token.token_hash", "SHA-256 hex"),
            Map.entry("api_token.prefix", "hfx_ and 6 characters"),
            Map.entry("api_token.created_by", "an actor: a token or account name, masked when it was made"),
            Map.entry("audit_event.id", "a UUID"),
            Map.entry("audit_event.action", "a method and a route's path"),
            Map.entry("audit_event.subject", "an id, or a path parameter, masked by AuditLog like every column"),
            Map.entry("audit_event.source", "the client's address"),
            Map.entry("audit_event.detail", "the gate's and routes' own sentences; masked by AuditLog all the same"),
            Map.entry("flyway_schema_history.version", "Flyway's own"),
            Map.entry("flyway_schema_history.description", "Flyway's own"),
            Map.entry("flyway_schema_history.type", "Flyway's own"),
            Map.entry("flyway_schema_history.script", "Flyway's own"),
            Map.entry("flyway_schema_history.installed_by", "Flyway's own"),
            Map.entry("flyway_schema_history.installed_on", "Flyway's own"),
            Map.entry("follow_up.hotfix_id", "an id"),
            Map.entry("follow_up.kind", "one of four kinds"),
            Map.entry("hotfix_field.hotfix_id", "an id"),
            Map.entry("hotfix_field.name", "a team field's name: a letter, then letters and digits (CustomField)"),
            Map.entry("field_definition.name", "a team field's name: a letter, then letters and digits"),
            Map.entry("field_definition.type", "one of eight types"),
            Map.entry("hotfix.id", "an id"),
            Map.entry("hotfix.severity", "one of three severities"),
            Map.entry("hotfix.status", "one of three states"),
            Map.entry("hotfix.triage_outcome", "one of three"),
            Map.entry("hotfix_markdown.hotfix_id", "an id"),
            Map.entry("hotfix_markdown.history", "lines of an earlier export's history, masked with the extras"),
            Map.entry("hotfix_redaction.hotfix_id", "an id"),
            Map.entry("hotfix_redaction.field", "a field's path in the record"),
            Map.entry("hotfix_redaction.kind", "a detector's name"),
            Map.entry("hotfix_revision.hotfix_id", "an id"),
            Map.entry("hotfix_revision.action", "a lifecycle word"),
            Map.entry("hotfix_step.hotfix_id", "an id"),
            Map.entry("hotfix_step.step", "one of six steps"),
            Map.entry("hotfix_system.hotfix_id", "an id"),
            Map.entry("id_counter.name", "a counter's name"),
            Map.entry("idempotency_key.principal", "an actor, masked when it was made"),
            Map.entry("idempotency_key.key_hash", "SHA-256 hex"),
            Map.entry("idempotency_key.body_hash", "SHA-256 hex"),
            Map.entry("idempotency_key.hotfix_id", "an id"),
            Map.entry("lesson.id", "an id"),
            Map.entry("lesson.bucket", "one of three buckets"),
            Map.entry("lesson_case.lesson_id", "an id"),
            Map.entry("lesson_case.hotfix_id", "an id"),
            Map.entry("lesson_tag.lesson_id", "an id"),
            Map.entry("lesson_tag.tag", "letters, digits and . _ + # - only: a masked secret is refused, see below"),
            Map.entry("metrics_month.zone", "a time-zone id"),
            Map.entry("markdown_page.place", "where on the page: title, top, after:active, …"),
            Map.entry("metrics_month.tally", "counts of a month, encoded"),
            Map.entry("oidc_pending.state_hash", "SHA-256 hex"),
            Map.entry("oidc_pending.nonce", "random"),
            Map.entry("oidc_pending.verifier", "random"),
            Map.entry("oidc_pending.next_path", "a local path"),
            Map.entry("outbox_message.hotfix_id", "an id"),
            Map.entry("outbox_message.kind", "a message kind"),
            Map.entry("outbox_message.channel", "a channel's name from the configuration"),
            Map.entry("outbox_message.dedupe_key", "kind and id"),
            Map.entry("outbox_message.severity", "a severity"),
            Map.entry("outbox_message.status", "a delivery state"),
            Map.entry("outbox_message.claim", "a UUID"),
            Map.entry("outbox_message.last_error", "the receiver's status line, clipped"),
            Map.entry("search_text.ref", "an id"),
            Map.entry("search_text.kind", "hotfix or lesson"),
            Map.entry("search_text.title", "a copy of a masked title, kept by triggers"),
            Map.entry("search_text.body", "a copy of masked texts, kept by triggers"),
            Map.entry("signal_value.name", "a signal's name: letters, digits, . _ -"),
            Map.entry("signal_value.direction", "above or below"),
            Map.entry("web_session.id_hash", "SHA-256 hex"),
            Map.entry("web_session.username", "an account's name"),
            Map.entry("web_session.csrf_token", "random"),
            Map.entry("incoming_alert.integration", "an integration's type and name from the configuration"),
            Map.entry("incoming_alert.group_hash", "SHA-256 hex"),
            Map.entry("incoming_alert.live_group", "an integration's path and a SHA-256"),
            Map.entry("incoming_alert.state", "one of three states"),
            Map.entry("incoming_alert.outcome", "one of four"),
            Map.entry("incoming_alert.hotfix_id", "an id"),
            Map.entry("incoming_alert.repeat_of", "an id"),
            Map.entry(
                    "incoming_alert_item.fingerprint",
                    "the sender's hash of an alert's labels (masked with the " + "delivery's every text all the same)"),
            Map.entry("incoming_alert_item.status", "firing or resolved"),
            Map.entry("incoming_delivery.body_hash", "SHA-256 hex"),
            Map.entry("incoming_delivery.status", "firing or resolved"),
            Map.entry("deploy.environment", "letters, digits, - _ . only (DeployMarker refuses the rest)"),
            Map.entry("deploy.source", "cli, api, or an integration's path from the configuration"),
            Map.entry("deploy_link.hotfix_id", "an id"),
            Map.entry("deploy_link.role", "cause or fix"),
            Map.entry("risk.hotfix_id", "an id"),
            Map.entry("risk.decision", "accept, mitigate, transfer or avoid"),
            Map.entry("risk.state", "open, mitigated or retired"),
            Map.entry("risk_event.action", "accepted, edited, mitigated, retired or reaccepted"),
            Map.entry("attachment.owner_kind", "hotfix or lesson"),
            Map.entry("attachment.owner_id", "an id"),
            Map.entry("attachment.file_type", "one of seven sniffed types"),
            Map.entry("attachment.sha256", "SHA-256 hex"),
            Map.entry(
                    "attachment_content.bytes",
                    "a file's bytes by their hash; a text file is redacted before it is "
                            + "stored, and its content as served is searched below"),
            Map.entry("attachment_content.sha256", "SHA-256 hex"),
            Map.entry("migration_link.source", "one of four tools' names"),
            Map.entry("migration_link.source_key", "the tool's own id of a record (PagerDuty's P1A2B3C, Morgue's 42)"),
            Map.entry("migration_link.hotfix_id", "an id"),
            Map.entry("migration_link.doc_sha256", "SHA-256 hex"),
            Map.entry("migration_link.mapped_sha256", "SHA-256 hex"),
            Map.entry("migration_cursor.source", "one of four tools' names"),
            Map.entry("chat_announcement.hotfix_id", "an id"),
            Map.entry("chat_announcement.integration", "an integration's name from the configuration"),
            Map.entry("chat_announcement.channel", "the chat's own channel id (C0123ABCD)"),
            Map.entry("chat_announcement.ts", "the chat's own message id (1733580000.000100)"),
            Map.entry("chat_link.integration", "an integration's name from the configuration"),
            Map.entry("chat_link.workspace", "the chat's own workspace id (T0123ABCD)"),
            Map.entry("chat_link.chat_user", "the chat's own user id (U0123ABCD)"),
            Map.entry("chat_link.username", "an account's name"),
            Map.entry("chat_link.how", "email or code"),
            Map.entry("chat_link_code.code_hash", "SHA-256 hex"),
            Map.entry("chat_link_code.username", "an account's name"),
            Map.entry("chat_request.body_hash", "SHA-256 hex"),
            Map.entry("chat_inbox.body_hash", "SHA-256 hex"),
            Map.entry("chat_inbox.integration", "an integration's name from the configuration"),
            Map.entry("chat_inbox.route", "COMMANDS or INTERACTIONS"),
            Map.entry("chat_inbox.content_type", "the chat's Content-Type header (a form or JSON)"),
            Map.entry(
                    "chat_inbox.body",
                    "a chat request as it was signed, base64, kept only until its work is done (deleted then, "
                            + "emptied when given up); what the work keeps of it is masked on its own path"),
            Map.entry("chat_shortcut_message.integration", "an integration's name from the configuration"),
            Map.entry("chat_shortcut_message.channel", "the chat's own channel id (C0123ABCD)"),
            Map.entry("chat_shortcut_message.ts", "the chat's own message id (1733580000.000100)"),
            Map.entry(
                    "chat_shortcut_message.text",
                    "a Slack message's text as SlackPlatform read it: masked by SecretRedactor before anything keeps"
                            + " it (SlackShortcutTest plants a secret in it), a day at most"),
            Map.entry("unfinished_restore.kind", "restore or copy (a CHECK holds it)"),
            Map.entry("unfinished_restore.started_at", "an ISO instant of the clock"),
            Map.entry(
                    "migration_cursor.position",
                    "the tool's own position: numbers, a time, or its next page's "
                            + "address on the run's own origin (the token is a header, never in it)")));

    record Secret(String kind, String pasted, String secret) {}

    static List<Secret> corpus() {
        try {
            String text = new String(
                    SecretsEverywhereTest.class
                            .getResourceAsStream("/secrets/corpus.tsv")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            return text.lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(p -> new Secret(p[0], p[1].replace("\\n", "\n"), p[2].replace("\\n", "\n")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final List<Secret> corpus = corpus();
    private int next;

    /** The next pasted text of the corpus, round and round; one line only when asked. */
    private String paste(boolean oneLine) {
        for (int tries = 0; ; tries++) {
            Secret s = corpus.get(next++ % corpus.size());
            if (!oneLine || !s.pasted().contains("\n")) {
                return s.pasted();
            }
        }
    }

    @BothDatabases
    void aPlantedSecret_neverReachesATableTheApiAPageTheMarkdownOrTheSite(TestDb db) throws Exception {
        Path site = db.dataDir().resolve("site");
        List<String> outputs = new ArrayList<>();
        try (WebhookReceiver sink = new WebhookReceiver();
                RunningServer s = new RunningServer(
                        db.config(Map.of(
                                dev.hotfixlog.Setting.CHANNELS,
                                "webhook " + sink.url("/hook") + "; email oncall@example.com",
                                dev.hotfixlog.Setting.SMTP_HOST,
                                "127.0.0.1",
                                dev.hotfixlog.Setting.SMTP_PORT,
                                "1",
                                dev.hotfixlog.Setting.SMTP_FROM,
                                "hotfix-log@example.com",
                                dev.hotfixlog.Setting.NOTIFY_INTERVAL_MS,
                                "0",
                                dev.hotfixlog.Setting.FIELDS,
                                "[{\"name\":\"customerNote\",\"type\":\"longText\"}]",
                                dev.hotfixlog.Setting.INTEGRATIONS,
                                "alertmanager prod bearer=am-secret-1")),
                        MutableClock.at("2026-10-04T02:17:00Z"))) {
            Http admin = s.http();
            ObjectNode token = admin.post(
                            "/api/v1/tokens",
                            "{\"name\":" + Json.write(Json.mapper().valueToTree("deploy bot " + paste(true)))
                                    + ",\"role\":\"responder\"}")
                    .json()
                    .deepCopy();
            Http bot = new Http(s.url(), token.path("token").asText());

            assertThat(bot.post("/api/v1/hotfixes", declare().toString()).status())
                    .isEqualTo(201);
            int version = bot.get("/api/v1/hotfixes/HOTFIX-001")
                    .json()
                    .path("version")
                    .asInt();
            assertThat(bot.patch(
                                    "/api/v1/hotfixes/HOTFIX-001",
                                    "{\"problem\":" + quoted(paste(false)) + "}",
                                    "If-Match",
                                    "\"" + version + "\"")
                            .status())
                    .isEqualTo(200);
            for (String event : List.of("alerted", "deployed", "resolved")) {
                assertThat(bot.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"" + event + "\"}")
                                .status())
                        .as(event)
                        .isEqualTo(200);
            }
            ObjectNode lesson = Json.object();
            for (String f :
                    List.of("title", "summary", "constraint", "signal", "boundary", "operatingRule", "category")) {
                lesson.put(f, paste(f.equals("title") || f.equals("category")));
            }
            lesson.put("published", true);
            assertThat(bot.post("/api/v1/hotfixes/HOTFIX-001/lesson", lesson.toString())
                            .status())
                    .isEqualTo(201);
            Http.Response badTag = bot.post(
                    "/api/v1/lessons",
                    "{\"title\":\"t\",\"cases\":[\"HOTFIX-001\"]," + "\"tags\":["
                            + quoted("ghp_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn") + "]}");
            assertThat(badTag.status()).as("a secret is not a tag").isEqualTo(422);
            outputs.add(badTag.body());
            assertThat(bot.send(
                                    "PUT",
                                    "/api/v1/signals/queue.depth",
                                    "{\"value\":1,\"threshold\":2," + "\"description\":" + quoted(paste(true)) + "}")
                            .status())
                    .isEqualTo(200);
            assertThat(bot.post("/api/v1/import", importedPage(), "Content-Type", "text/markdown")
                            .status())
                    .isEqualTo(200);
            Browser browser = new Browser(s.url());
            String csrf = browser.get("/sign-in").csrf();
            assertThat(browser.postForm("/sign-in", Map.of("_csrf", csrf, "username", paste(true), "password", "x"))
                            .status())
                    .as("a password typed as the user name")
                    .isEqualTo(401);
            assertThat(bot.post("/api/v1/hotfixes/HOTFIX-001/messages/stakeholder", "{}")
                            .status())
                    .isLessThan(300);

            // Monitoring's text: every text of an alert carries a pasted secret; one is declared, one dismissed.
            for (String group : List.of("one", "two")) {
                Http.Response in = s.anonymous()
                        .post(
                                "/api/v1/ingest/alertmanager/prod",
                                alertDelivery(group),
                                "Authorization",
                                "Bearer am-secret-1");
                assertThat(in.status()).as(in.body()).isEqualTo(200);
            }
            Http.Response declared = bot.post("/api/v1/incoming/ALERT-1/declare", "{\"severity\":\"high\"}");
            assertThat(declared.status()).as(declared.body()).isEqualTo(201);
            assertThat(bot.post(
                                    "/api/v1/incoming/ALERT-2/dismiss",
                                    "{\"outcome\":\"duplicate\",\"note\":" + quoted(paste(true)) + "}")
                            .status())
                    .isEqualTo(200);
            // A deploy marker whose every text carries one, confirmed as a hotfix's cause.
            Http.Response deploy = bot.post(
                    "/api/v1/deploys",
                    "{\"system\":" + quoted(paste(true)) + ",\"version\":"
                            + quoted(paste(true))
                            + ",\"url\":\"https://ci.example/run?token=ghp_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0"
                            + "Pp9Oo8Nn\",\"id\":" + quoted(paste(true)) + ",\"at\":\"2026-10-04T02:00:00Z\"}");
            assertThat(deploy.status()).as(deploy.body()).isEqualTo(201);
            assertThat(bot.post(
                                    "/api/v1/hotfixes/HOTFIX-001/deploys/cause",
                                    "{\"deploy\":" + deploy.json().path("id").asLong() + "}")
                            .status())
                    .isEqualTo(200);

            // A risk added by hand, mitigated and retired, every text with one (the record's own risk comes from
            // the Risk Accepted declared above).
            Http.Response risk = bot.post(
                    "/api/v1/risks",
                    "{\"hotfix\":\"HOTFIX-001\",\"statement\":"
                            + quoted(paste(false)) + ",\"owner\":" + quoted(paste(true)) + ",\"controls\":"
                            + quoted(paste(false)) + ",\"properFix\":" + quoted(paste(false)) + "}");
            assertThat(risk.status()).as(risk.body()).isEqualTo(201);
            String riskId = risk.json().path("id").asText();
            assertThat(bot.post("/api/v1/risks/" + riskId + "/mitigate", "{\"controls\":" + quoted(paste(false)) + "}")
                            .status())
                    .isEqualTo(200);
            assertThat(bot.post("/api/v1/risks/" + riskId + "/retire", "{\"reason\":" + quoted(paste(false)) + "}")
                            .status())
                    .isEqualTo(200);
            // Evidence: a log whose text, name and note carry secrets, and another deleted with a reason that does.
            Multipart files = new Multipart(s.url(), token.path("token").asText());
            Multipart.Answer log = files.upload(
                    "/api/v1/hotfixes/HOTFIX-001/attachments",
                    "build ghp_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn.log",
                    "text/plain",
                    ("02:17 ERROR " + paste(false) + "\n").getBytes(StandardCharsets.UTF_8),
                    paste(true));
            assertThat(log.status()).as(log.text()).isEqualTo(201);
            long logId =
                    Json.parseObject(log.text()).path("items").get(0).path("id").asLong();
            Multipart.Answer other = files.upload(
                    "/api/v1/hotfixes/HOTFIX-001/attachments",
                    "other.log",
                    "text/plain",
                    ("again " + paste(false)).getBytes(StandardCharsets.UTF_8),
                    null);
            long otherId = Json.parseObject(other.text())
                    .path("items")
                    .get(0)
                    .path("id")
                    .asLong();
            assertThat(files.delete("/api/v1/attachments/" + otherId + "?reason="
                                    + URLEncoder.encode(paste(true), StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(200);
            for (String path : List.of(
                    "/api/v1/hotfixes/HOTFIX-001/attachments?deleted=true",
                    "/api/v1/attachments/" + logId,
                    "/api/v1/attachments/" + logId + "/content",
                    "/api/v1/attachments/" + otherId)) {
                Multipart.Answer r = files.get(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                outputs.add(path + "\n" + r.text());
            }
            for (String path : List.of(
                    "/api/v1/risks?state=retired",
                    "/api/v1/risks",
                    "/api/v1/risks/" + riskId,
                    "/risks",
                    "/risks?state=retired")) {
                Http.Response r = admin.get(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                outputs.add(path + "\n" + r.body());
            }

            // Moving in from saved PagerDuty pages: a secret in an incident's address and one in the folder's name
            // (the origin). The second page is broken, so the run stops halfway and keeps its position.
            Path pages = Files.createDirectories(db.dataDir().resolve("pd-" + Fixtures.GITHUB_TOKEN));
            Files.writeString(
                    pages.resolve("a.json"),
                    "{\"incidents\":[{\"id\":\"PSECRET\",\"title\":\"Moved in\","
                            + "\"status\":\"resolved\",\"created_at\":\"2026-10-01T02:00:00Z\",\"html_url\":"
                            + quoted("https://acme.pagerduty.com/incidents/PSECRET?note=" + paste(true)) + "}]}");
            Files.writeString(pages.resolve("b.json"), "{ broken");
            Assertions.assertThatThrownBy(() -> s.app()
                            .migrations()
                            .migrate(
                                    new MigrationRequest(
                                            new PagerDutyTool(),
                                            pages.toString(),
                                            null,
                                            false,
                                            null,
                                            null,
                                            Map.of(),
                                            null,
                                            false),
                                    "migrator",
                                    l -> {}))
                    .hasMessageContaining("b.json");
            String moved = admin.get("/api/v1/hotfixes?q=Moved")
                    .json()
                    .path("items")
                    .path(0)
                    .path("id")
                    .asText();
            for (String path : List.of(
                    "/api/v1/hotfixes/" + moved + "/source",
                    "/hotfixes/" + moved,
                    "/api/v1/hotfixes/" + moved + "/attachments")) {
                Http.Response r = admin.get(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                outputs.add(path + "\n" + r.body());
            }

            for (String path : List.of(
                    "/api/v1/incoming?state=all",
                    "/api/v1/incoming/ALERT-1",
                    "/api/v1/incoming/ALERT-2",
                    "/incoming/1",
                    "/incoming",
                    "/api/v1/deploys",
                    "/deploys",
                    "/hotfixes/HOTFIX-001/deploys",
                    "/api/v1/hotfixes/HOTFIX-001/deploys")) {
                Http.Response r = admin.get(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                outputs.add(path + "\n" + r.body());
            }
            for (String path : List.of(
                    "/api/v1/hotfixes",
                    "/api/v1/hotfixes/HOTFIX-001",
                    "/api/v1/hotfixes/HOTFIX-002",
                    "/api/v1/hotfixes/HOTFIX-001/history",
                    "/api/v1/lessons",
                    "/api/v1/signals",
                    "/api/v1/tokens",
                    "/api/v1/audit",
                    "/api/v1/export",
                    "/api/v1/export?format=full",
                    "/hotfixes/HOTFIX-001/markdown",
                    "/hotfixes/HOTFIX-001",
                    "/hotfixes/HOTFIX-002",
                    "/hotfixes/HOTFIX-001/history",
                    "/hotfixes",
                    "/",
                    "/lessons",
                    "/lessons/LESSON-001",
                    "/dashboard",
                    "/followups",
                    "/search?q=restarted",
                    "/api/v1/hotfixes/HOTFIX-001/messages/stakeholder",
                    "/api/v1/hotfixes/HOTFIX-001/deliveries")) {
                Http.Response r = admin.get(path);
                assertThat(r.status()).as(path).isEqualTo(200);
                outputs.add(path + "\n" + r.body());
            }
            s.app().deliveryWorker().drainAll();
            sink.accepted().forEach(m -> outputs.add("webhook\n" + m.body()));
            s.app().fieldNotes().build(site, "https://notes.example.com/");
        }
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                outputs.add(f + "\n" + Files.readString(f));
            }
        }

        Map<String, List<String>> columns = textColumns(db);
        Set<String> unknown = new TreeSet<>();
        Set<String> notReached = new TreeSet<>(MASKED);
        List<String> leaks = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url())) {
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT * FROM " + table.getKey())) {
                    while (rs.next()) {
                        for (String column : table.getValue()) {
                            String value = rs.getString(column);
                            String name = table.getKey() + "." + column;
                            if (value == null) {
                                continue;
                            }
                            if (value.contains("[REDACTED:")) {
                                notReached.remove(name);
                            }
                            corpus.stream()
                                    .filter(x -> value.contains(x.secret()))
                                    .forEach(x -> leaks.add(name + " holds the " + x.kind() + " secret"));
                        }
                    }
                }
                for (String column : table.getValue()) {
                    String name = table.getKey() + "." + column;
                    if (!MASKED.contains(name) && !NOT_FREE_TEXT.containsKey(name)) {
                        unknown.add(name);
                    }
                }
            }
        }
        for (String out : outputs) {
            corpus.stream()
                    .filter(x -> out.contains(x.secret()))
                    .forEach(x -> leaks.add(out.lines().findFirst().orElse("") + " shows the " + x.kind() + " secret"));
        }
        assertThat(unknown)
                .as("text columns this test does not know: plant a secret through their write path and"
                        + " list them in MASKED, or say in NOT_FREE_TEXT why no person's text reaches them")
                .isEmpty();
        assertThat(leaks).as("secrets that got through").isEmpty();
        assertThat(notReached)
                .as("columns the planting did not reach with a masked secret")
                .isEmpty();
    }

    /** Every text field of a record, each with a pasted secret. */
    private ObjectNode declare() {
        ObjectNode h = Json.object();
        h.put("title", paste(true));
        h.put("severity", "critical");
        for (String f : List.of(
                "owner",
                "problem",
                "impact",
                "whyEmergency",
                "changeMade",
                "rollbackPlan",
                "rootCause",
                "riskAccepted",
                "monitoring",
                "category",
                "constraint",
                "signal",
                "boundary",
                "operatingRule",
                "learning")) {
            h.put(f, paste(f.equals("owner") || f.equals("category")));
        }
        h.put("postmortemUrl", "https://wiki.example.com/pm?token=ghp_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn");
        h.putObject("fields").put("customerNote", paste(false));
        ArrayNode systems = h.putArray("systemsAffected");
        systems.add("payments").add(paste(true));
        ObjectNode steps = h.putObject("steps");
        steps.putObject("quickReview").put("done", true).put("by", paste(true));
        ObjectNode followUps = h.putObject("followUps");
        for (String kind : List.of("postmortem", "properFix", "processImprovement", "documentation")) {
            followUps
                    .putObject(kind)
                    .put("description", paste(false))
                    .put("owner", paste(true))
                    .put("link", "https://u:Pg-Secr3t-9981@wiki.example.com/" + kind);
        }
        return h;
    }

    /** An Alertmanager notification whose every text carries a pasted secret. */
    private String alertDelivery(String group) {
        ObjectNode m = Json.object();
        m.put("version", "4");
        m.put("groupKey", "{}:{alertname=\"" + group + " " + paste(true) + "\"}");
        m.put("status", "firing");
        m.put("externalURL", "https://u:Pg-Secr3t-9981@alertmanager.example.com/");
        m.putObject("commonAnnotations").put("summary", paste(true));
        ObjectNode a = m.putArray("alerts").addObject();
        a.put("status", "firing");
        a.putObject("labels")
                .put("alertname", paste(true))
                .put("service", paste(true))
                .put("severity", paste(true));
        a.putObject("annotations")
                .put("description", paste(false))
                .put("runbook_url", "https://runbooks.example.com/x?token=ghp_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn");
        a.put("startsAt", "2026-10-04T02:00:00Z");
        a.put("generatorURL", "https://u:Pg-Secr3t-9981@prometheus.example.com/graph");
        a.put("fingerprint", "fp-" + group);
        return m.toString();
    }

    /** A hand-kept page with text the template has no label for, emergency types and warning signs. */
    private String importedPage() {
        return "# Hotfix Log\n\n> Kept by the payments team. " + paste(true)
                + "\n\n## Active Hotfixes\n\n### 🚨 [HOTFIX-XXX] Imported with secrets\n\n"
                + "**Severity:** 🔴 Critical\n\n#### The Fix\n\n**Change Made:** Raised the pool size:\n\n"
                + "```yaml\npool: 40\n" + paste(false).replace("\n", " ") + "\n```\n\n"
                + "#### Timeline\n\n- 02:10 " + paste(true) + "\n- 02:20 " + paste(false) + "\n\n"
                + "---\n\n## Completed Hotfixes (Last 6 Months)\n\n### 🚨 [HOTFIX-XXX] Old one - 2026-09-01\n\n"
                + "**Duration:** 20 minutes | **Follow-up:** " + paste(true) + " | **Learning:** " + paste(true)
                + "\n\n## Hotfix Patterns & Prevention\n\n### Common Emergency Types\n\n- **Type 1:** "
                + paste(true) + " - **Prevention:** " + paste(true) + "\n\n### Warning Signs\n\n- **Signal 1:** "
                + paste(true) + " → **Threshold:** " + paste(true) + "\n";
    }

    private static String quoted(String s) {
        return Json.write(Json.mapper().valueToTree(s));
    }

    /** Every table's text columns, from the database's own catalogue (on PostgreSQL, the test's schema). */
    static Map<String, List<String>> textColumns(TestDb db) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.url())) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (table.startsWith("search_text_")
                            || table.startsWith("sqlite_")
                            || "VIEW".equalsIgnoreCase(tableType(meta, schema, rs.getString("TABLE_NAME")))) {
                        continue; // FTS5's own shadow tables hold the index, not text
                    }
                    int type = rs.getInt("DATA_TYPE");
                    String typeName = rs.getString("TYPE_NAME");
                    String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    // FTS5's hidden columns: one named for its table, and rank.
                    boolean hidden = column.equals(table) || !db.isPostgres() && column.equals("rank");
                    if (isText(type, typeName) && !hidden) {
                        out.computeIfAbsent(table, k -> new ArrayList<>()).add(column);
                    }
                }
            }
        }
        return out;
    }

    private static String tableType(DatabaseMetaData meta, String schema, String table) throws Exception {
        try (ResultSet rs = meta.getTables(null, schema, table, null)) {
            return rs.next() ? rs.getString("TABLE_TYPE") : "";
        }
    }

    private static boolean isText(int type, String typeName) {
        String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        return type == Types.VARCHAR
                || type == Types.CHAR
                || type == Types.LONGVARCHAR
                || type == Types.CLOB
                || type == Types.NVARCHAR
                || t.contains("TEXT")
                || t.contains("CHAR")
                || t.isEmpty();
    }
}
