package dev.hotfixlog.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.Setting;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Messages go out for real: to a local webhook receiver and through a real SMTP server, at the right moments. */
class NotificationDeliveryTest {
    private static final String DECLARE = """
            {"title":"Checkout returns 502 after payment provider TLS rotation","severity":"critical",
             "owner":"Priya Raman","impact":"All checkouts in EU and US",
             "changeMade":"Pinned the previous intermediate certificate",
             "monitoring":"5xx rate on /checkout"}""";

    @BothDatabases
    void declaring_sendsTheAlert_resolving_sendsTheCompletion_toSlackAndEmail_andTheRecordShowsBoth(TestDb db)
            throws Exception {
        try (NotifyFixture f = new NotifyFixture(
                db,
                new WebhookReceiver(),
                "slack {receiver}/slack; email oncall@example.com,lead@example.com events=alert,complete",
                Map.of())) {
            Http api = f.server.http();
            assertThat(api.post("/api/v1/hotfixes", DECLARE).status()).isEqualTo(201);

            JsonNode queued =
                    api.get("/api/v1/hotfixes/HOTFIX-001/deliveries").json().path("items");
            assertThat(queued)
                    .extracting(d ->
                            d.path("kind").asText() + " " + d.path("channel").asText() + " "
                                    + d.path("status").asText())
                    .containsExactlyInAnyOrder("alert slack pending", "alert email pending");
            assertThat(f.receiver.all()).isEmpty();

            assertThat(f.server.app().deliverNow()).isEqualTo(2);

            assertThat(f.receiver.accepted()).hasSize(1);
            WebhookReceiver.Received slack = f.receiver.accepted().get(0);
            assertThat(slack.path()).isEqualTo("/slack");
            JsonNode payload = Json.parseObject(slack.body());
            assertThat(payload.path("blocks").get(0).path("text").path("text").asText())
                    .isEqualTo("""
                    🚨 HOTFIX IN PROGRESS 🚨
                    Issue: Checkout returns 502 after payment provider TLS rotation
                    Impact: All checkouts in EU and US
                    ETA: not estimated yet
                    Owner: Priya Raman
                    Tracking: HOTFIX-001""");
            assertThat(slack.headers().get("idempotency-key")).startsWith("hotfix-log-");

            MimeMessage[] mails = f.mail.getReceivedMessages();
            assertThat(mails).hasSize(2); // one per recipient mailbox
            assertThat(mails[0].getSubject()).isEqualTo("HOTFIX-001 🚨 HOTFIX IN PROGRESS 🚨");
            assertThat(mails[0].getAllRecipients())
                    .extracting(Object::toString)
                    .containsExactly("oncall@example.com", "lead@example.com");
            assertThat(((String) mails[0].getContent())).contains("Tracking: HOTFIX-001");

            f.clock.advance(Duration.ofMinutes(30));
            api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");
            assertThat(f.server.app().deliverNow()).isZero();
            f.clock.advance(Duration.ofMinutes(10));
            api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"resolved\"}");
            assertThat(f.server.app().deliverNow()).isEqualTo(2);

            String complete = Json.parseObject(f.receiver.accepted().get(1).body())
                    .path("blocks")
                    .get(0)
                    .path("text")
                    .path("text")
                    .asText();
            assertThat(complete)
                    .startsWith("✅ HOTFIX DEPLOYED ✅\nIssue: Checkout returns 502")
                    .contains("\nFix: Pinned the previous intermediate certificate\n")
                    .contains(
                            "\nNext: post-mortem 2026-10-06 02:57 UTC; proper fix: to be planned by 2026-10-18 02:57 UTC\n")
                    .endsWith("\nLog: https://hotfix.example.com/hotfixes/HOTFIX-001");
            List<String> subjects = new ArrayList<>();
            for (MimeMessage m : f.mail.getReceivedMessages()) {
                subjects.add(m.getSubject());
            }
            assertThat(subjects)
                    .containsExactlyInAnyOrder(
                            "HOTFIX-001 🚨 HOTFIX IN PROGRESS 🚨",
                            "HOTFIX-001 🚨 HOTFIX IN PROGRESS 🚨",
                            "HOTFIX-001 ✅ HOTFIX DEPLOYED ✅",
                            "HOTFIX-001 ✅ HOTFIX DEPLOYED ✅");

            // Every delivery on the record: what, to where, when, result.
            List<String> shown = api.get("/api/v1/hotfixes/HOTFIX-001/deliveries")
                    .json()
                    .path("items")
                    .findValuesAsText("status");
            assertThat(shown).containsOnly("delivered").hasSize(4);
            assertThat(api.get("/api/v1/hotfixes/HOTFIX-999/deliveries").status())
                    .isEqualTo(404);
            String page = api.get("/hotfixes/HOTFIX-001").body();
            assertThat(page)
                    .contains("<h2>Messages</h2>")
                    .contains("Incident Alert")
                    .contains("Hotfix Complete")
                    .contains("delivered 2026-10-04 02:57 UTC");
        }
    }

    @BothDatabases
    void reminders_dueSoonOnce_thenOncePerDayWhileOverdue_andNoneOnceDone(TestDb db) {
        try (NotifyFixture f = new NotifyFixture(
                db,
                new WebhookReceiver(),
                "webhook {receiver}/hook events=reminder",
                Map.of(Setting.FOLLOWUP_DUE, "postmortem=48h"))) {
            Http api = f.server.http();
            api.post("/api/v1/hotfixes", DECLARE);
            api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"deployed\"}");
            api.post("/api/v1/hotfixes/HOTFIX-001/events", "{\"type\":\"resolved\"}");
            DeliveryWorker w = f.worker();

            f.clock.advance(Duration.ofHours(23));
            assertThat(w.scanReminders()).as("due in 25 h: too early").isZero();
            f.clock.advance(Duration.ofHours(2));
            assertThat(w.scanReminders()).as("due in 23 h").isEqualTo(1);
            w.drainAll();
            assertThat(w.scanReminders()).as("already queued").isZero();
            f.clock.advance(Duration.ofHours(23));
            assertThat(w.scanReminders()).as("due now: overdue, day 0").isEqualTo(1);
            w.drainAll();
            f.clock.advance(Duration.ofHours(12));
            assertThat(w.scanReminders()).as("same day").isZero();
            f.clock.advance(Duration.ofHours(12));
            assertThat(w.scanReminders()).as("a day later").isEqualTo(1);
            w.drainAll();
            f.clock.advance(Duration.ofDays(7));
            assertThat(w.scanReminders())
                    .as("after a week away: today's reminder, not seven")
                    .isEqualTo(1);
            assertThat(w.drainAll()).isEqualTo(1);

            api.patch(
                    "/api/v1/hotfixes/HOTFIX-001",
                    "{\"followUps\":{\"postmortem\":{\"done\":true}}}",
                    "If-Match",
                    "\""
                            + api.get("/api/v1/hotfixes/HOTFIX-001")
                                    .json()
                                    .path("version")
                                    .asInt() + "\"");
            f.clock.advance(Duration.ofDays(1));
            assertThat(w.scanReminders()).as("done: no more").isZero();

            List<String> texts = f.receiver.accepted().stream()
                    .map(r -> Json.parseObject(r.body())
                            .path("text")
                            .asText()
                            .lines()
                            .findFirst()
                            .orElse(""))
                    .toList();
            assertThat(texts)
                    .containsExactly(
                            "⏰ FOLLOW-UP DUE SOON: Post-mortem scheduled",
                            "⏰ FOLLOW-UP OVERDUE: Post-mortem scheduled",
                            "⏰ FOLLOW-UP OVERDUE: Post-mortem scheduled",
                            "⏰ FOLLOW-UP OVERDUE: Post-mortem scheduled");
            assertThat(Json.parseObject(f.receiver.accepted().get(0).body())
                            .path("event")
                            .asText())
                    .isEqualTo("reminder");
        }
    }

    @BothDatabases
    void aChannelForCriticalOnly_staysQuietForAMediumHotfix(TestDb db) {
        try (NotifyFixture f = new NotifyFixture(
                db,
                new WebhookReceiver(),
                "slack {receiver}/crit severity=critical; webhook {receiver}/all",
                Map.of())) {
            f.server.http().post("/api/v1/hotfixes", "{\"title\":\"Slow search\",\"severity\":\"medium\"}");
            f.server.app().deliverNow();
            assertThat(f.receiver.accepted())
                    .extracting(WebhookReceiver.Received::path)
                    .containsExactly("/all");
        }
    }

    @BothDatabases
    void aBreachedWarningSign_goesOutOncePerDayWhileBreached_andStopsWhenItIsNot(TestDb db) {
        try (NotifyFixture f = new NotifyFixture(
                db,
                new WebhookReceiver(),
                "webhook {receiver}/signs events=sign; slack {receiver}/alerts events=alert",
                Map.of())) {
            Http api = f.server.http();
            DeliveryWorker w = f.worker();
            assertThat(w.scanSigns()).as("nothing breached").isZero();
            api.send(
                    "PUT",
                    "/api/v1/signals/checkout-p99-ms",
                    "{\"value\":950,\"threshold\":800," + "\"description\":\"Checkout p99 latency (ms)\"}");
            assertThat(w.scanSigns()).isEqualTo(1);
            assertThat(w.scanSigns()).as("same day").isZero();
            w.drainAll();
            f.clock.advance(Duration.ofDays(1));
            assertThat(w.scanSigns()).as("still breached the next day").isEqualTo(1);
            w.drainAll();
            api.send("PUT", "/api/v1/signals/checkout-p99-ms", "{\"value\":300,\"threshold\":800}");
            f.clock.advance(Duration.ofDays(1));
            assertThat(w.scanSigns()).as("back under its threshold").isZero();

            assertThat(f.receiver.accepted())
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r.path()).isEqualTo("/signs"));
            JsonNode first = Json.parseObject(f.receiver.accepted().get(0).body());
            assertThat(first.path("event").asText()).isEqualTo("sign");
            assertThat(first.path("hotfix").isNull()).isTrue();
            assertThat(first.path("text").asText()).isEqualTo("""
                    ⚠️ WARNING SIGN: Checkout p99 latency (ms)
                    Now: 950 (act when above 800)
                    Signal: checkout-p99-ms
                    Dashboard: https://hotfix.example.com/dashboard""");
            assertThat(first.path("subject").asText()).isEqualTo("⚠️ WARNING SIGN: Checkout p99 latency (ms)");
        }
    }
}
