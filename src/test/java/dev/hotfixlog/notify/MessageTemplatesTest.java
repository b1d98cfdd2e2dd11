package dev.hotfixlog.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.HotfixJson;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each template's exact output for one fixture record, against golden files in
 * {@code src/test/resources/golden/notify} (regenerate with {@code -DupdateGolden=true} and read the diff), and
 * the channel payloads built from them.
 */
class MessageTemplatesTest {
    static final String FIXTURE = """
            {"title":"Checkout returns 502 after payment provider TLS rotation","severity":"critical",
             "owner":"Priya Raman","problem":"Every card payment failed with 502 at the gateway",
             "impact":"All checkouts in EU and US failed for 52 minutes","whyEmergency":"Production checkout was down",
             "changeMade":"Pinned the previous intermediate certificate behind flag payments.pinning",
             "systemsAffected":["payments-gateway"],"rollbackPlan":"Turn payments.pinning off",
             "rootCause":"The provider rotated its intermediate CA without notice",
             "riskAccepted":"Pinning must go before the old CA expires on 2026-12-01",
             "monitoring":"5xx rate on /checkout; TLS handshake errors in payments-gateway",
             "detectedAt":"2026-10-04T02:17:00Z","alertedAt":"2026-10-04T02:29:00Z",
             "fixDeployedAt":"2026-10-04T02:59:00Z","resolvedAt":"2026-10-04T03:09:00Z",
             "operatingRule":"Certificate changes at a provider are watched, not discovered",
             "followUps":{"postmortem":{"owner":"Priya Raman","dueAt":"2026-10-06T03:09:00Z"},
               "properFix":{"description":"Trust-store update job for provider CAs","owner":"Jonas",
                 "dueAt":"2026-10-18T03:09:00Z","link":"https://tracker.example.com/PAY-4411"},
               "processImprovement":{"description":"Subscribe to the provider's certificate notices"}}}""";
    private static final Instant T = Instant.parse("2026-10-04T03:09:00Z");
    /** The kinds App builds with. */
    private static final List<ChannelKind> KINDS = dev.hotfixlog.App.variants(
                    dev.hotfixlog.Config.withOverrides(Map.of()))
            .channels();

    static Hotfix fixture() {
        return HotfixJson.read(
                Json.parseObject(FIXTURE),
                new HotfixJson.Identity(new HotfixId(7), Status.COMPLETED, 9, T, T, List.of()));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden/notify", name);
        if (Boolean.getBoolean("updateGolden")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Message render(MessageKind kind, String eta) {
        return Templates.builtIn().render(kind, MessageValues.of(fixture(), eta, "https://hotfix.example.com"));
    }

    @Test
    void incidentAlert_hasTheSeedsLayoutAndWords() throws IOException {
        Message m = render(MessageKind.ALERT, "30 minutes");
        assertGolden("alert.txt", "Subject: " + m.subject() + "\n\n" + m.text() + "\n");
        assertThat(m.text())
                .startsWith("🚨 HOTFIX IN PROGRESS 🚨\nIssue: Checkout returns 502")
                .contains("\nETA: 30 minutes\n")
                .endsWith("\nTracking: HOTFIX-007");
    }

    @Test
    void hotfixComplete_hasTheSeedsLayoutAndWords() throws IOException {
        Message m = render(MessageKind.COMPLETE, null);
        assertGolden("complete.txt", "Subject: " + m.subject() + "\n\n" + m.text() + "\n");
        assertThat(m.text())
                .startsWith("✅ HOTFIX DEPLOYED ✅\n")
                .endsWith("\nLog: https://hotfix.example.com/hotfixes/HOTFIX-007");
    }

    @Test
    void stakeholderUpdate_isAnEmailWithTheSeedsSubjectSectionsAndTimeline() throws IOException {
        Message m = render(MessageKind.STAKEHOLDER, null);
        assertGolden("stakeholder.txt", "Subject: " + m.subject() + "\n\n" + m.text() + "\n");
        assertThat(m.subject())
                .isEqualTo("Production Issue Resolved - Checkout returns 502 after payment provider " + "TLS rotation");
        assertThat(m.text())
                .contains("Timeline: detected 2026-10-04 02:17 UTC, alerted 2026-10-04 02:29 UTC, fix "
                        + "deployed 2026-10-04 02:59 UTC, resolved 2026-10-04 03:09 UTC (52 minutes in all)")
                .contains("- Post-mortem scheduled for 2026-10-06 03:09 UTC");
    }

    @Test
    void reminder_namesTheFollowUpItsOwnerAndDueTime() throws IOException {
        Message m = Templates.builtIn()
                .render(MessageKind.REMINDER, MessageValues.reminder(fixture(), FollowUpKind.PROPER_FIX, true, ""));
        assertGolden("reminder.txt", "Subject: " + m.subject() + "\n\n" + m.text() + "\n");
    }

    @Test
    void anEmptyRecord_saysWhatIsNotKnownInsteadOfLeavingBlanks() {
        Hotfix bare = HotfixJson.read(
                Json.parseObject("{\"title\":\"Search down\",\"severity\":\"high\"}"),
                new HotfixJson.Identity(new HotfixId(12), Status.ACTIVE, 1, T, T, List.of()));
        Message m = Templates.builtIn().render(MessageKind.ALERT, MessageValues.of(bare, null, ""));
        assertThat(m.text()).isEqualTo("""
                🚨 HOTFIX IN PROGRESS 🚨
                Issue: Search down
                Impact: not recorded yet
                ETA: not estimated yet
                Owner: unassigned
                Tracking: HOTFIX-012""");
        assertThat(m.subject()).isEqualTo("HOTFIX-012 🚨 HOTFIX IN PROGRESS 🚨");
    }

    @Test
    void aTeamsOwnTemplate_replacesTheBuiltInOne_andATypoStopsTheStartWithItsLine(@TempDir Path dir)
            throws IOException {
        Files.writeString(
                dir.resolve("alert.txt"),
                "Subject: [{{severity}}] {{id}} {{issue}}\r\n\r\n"
                        + ":rotating_light: {{issue}}\r\nOn it: {{owner}}\r\n");
        Message m = Templates.load(dir.toString()).render(MessageKind.ALERT, MessageValues.of(fixture(), null, ""));
        assertThat(m.subject())
                .isEqualTo("[Critical] HOTFIX-007 Checkout returns 502 after payment provider TLS " + "rotation");
        assertThat(m.text())
                .isEqualTo(":rotating_light: Checkout returns 502 after payment provider TLS rotation\n"
                        + "On it: Priya Raman");

        Files.writeString(dir.resolve("complete.txt"), "Done: {{issue}}\nOwner: {{ownr}}\n");
        assertThatThrownBy(() -> Templates.load(dir.toString()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(
                        "complete.txt: line 2: unknown placeholder {{ownr}}; known: dashboard, eta, fix,");
    }

    @Test
    void aMultiLineTitle_staysOneSubjectLine_soItCannotAddMailHeaders() {
        Template t = Template.parse("test", "Subject: {{issue}}\n\nx", Set.of("issue", "id"));
        Message m =
                t.render(MessageKind.STAKEHOLDER, Map.of("issue", "a\r\nBcc: evil@example.com", "id", "HOTFIX-001"));
        assertThat(m.subject()).isEqualTo("a Bcc: evil@example.com");
    }

    @Test
    void slackPayload_escapesTheRecordsText_soItCannotPingEveryoneOrOpenLinks() throws IOException {
        Message m = new Message(MessageKind.ALERT, "HOTFIX-001 <!channel>", "Issue: <!channel> & <https://x|y>");
        String json = Json.write(SlackChannel.payload(m));
        assertThat(json)
                .isEqualTo(
                        "{\"text\":\"HOTFIX-001 &lt;!channel&gt;\",\"blocks\":[{\"type\":\"section\","
                                + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"Issue: &lt;!channel&gt; &amp; &lt;https://x|y&gt;\"}}]}");
        assertThat(Json.write(MattermostChannel.payload(
                        new Message(MessageKind.ALERT, "s", "ping @channel, @here and @all"))))
                .isEqualTo("{\"text\":\"ping @\u200Bchannel, @\u200Bhere and @\u200Ball\"}");
        assertGolden("alert.slack.json", Json.pretty(SlackChannel.payload(render(MessageKind.ALERT, null))) + "\n");
        assertGolden("alert.teams.json", Json.pretty(TeamsChannel.payload(render(MessageKind.ALERT, null))) + "\n");
    }

    @Test
    void aLongMessage_isSplitIntoSlackSizedBlocks() {
        String text = ("x".repeat(99) + "\n").repeat(100);
        var payload = SlackChannel.payload(new Message(MessageKind.STAKEHOLDER, "s", text));
        assertThat(payload.path("blocks").size()).isEqualTo(4);
        StringBuilder joined = new StringBuilder();
        payload.path("blocks").forEach(b -> {
            assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
            joined.append(b.path("text").path("text").asText());
        });
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void channels_readEveryOption_andABadEntryIsNamedWithoutItsSecret() {
        List<Channel> channels = Channel.parseAll(
                "slack https://hooks.slack.com/services/T0/B0/SECRET "
                        + "severity=critical,high events=alert,complete\n# comment\nemail oncall@example.com,cto@example.com "
                        + "events=stakeholder; webhook http://10.0.0.5:9000/hook name=pager; slack https://hooks.slack.com/x",
                KINDS);
        assertThat(channels).extracting(Channel::name).containsExactly("slack", "email", "pager", "slack-2");
        assertThat(channels.get(0).takes(MessageKind.ALERT, Severity.CRITICAL)).isTrue();
        assertThat(channels.get(0).takes(MessageKind.ALERT, Severity.MEDIUM)).isFalse();
        assertThat(channels.get(0).takes(MessageKind.REMINDER, Severity.CRITICAL))
                .isFalse();
        assertThat(channels.get(0).shownTarget()).isEqualTo("https://hooks.slack.com/…");
        assertThat(EmailChannel.addresses(channels.get(1).target()))
                .containsExactly("oncall@example.com", "cto@example.com");

        assertThatThrownBy(() -> Channel.parseAll("slak https://x", KINDS))
                .hasMessage("HOTFIX_CHANNELS: entry 1 ('slak https://x'): 'slak' is not a channel type; use slack, "
                        + "mattermost, teams, webhook or email");
        assertThatThrownBy(() -> Channel.parseAll("slack https://a.example; email not-an-address", KINDS))
                .hasMessageContaining("entry 2 ('email not-an-address'): 'not-an-address' is not an e-mail address");
        assertThatThrownBy(() -> Channel.parseAll("teams ftp://x.example/hook", KINDS))
                .hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> Channel.parseAll("slack https://a.example severity=urgent", KINDS))
                .hasMessageContaining("'urgent' is not a severity");
        assertThatThrownBy(
                        () -> Channel.parseAll("slack https://hooks.slack.com/services/T0/B0/SECRET-PART bogus", KINDS))
                .hasMessage("HOTFIX_CHANNELS: entry 1 ('slack https://hooks.slack.com/… bogus'): 'bogus' should be "
                        + "severity=…, events=… or name=…");
    }

    /** One record in each state the follow-through passes through. */
    static List<Hotfix> inEachState() {
        String base = "\"title\":\"Checkout 502\",\"severity\":\"high\",\"detectedAt\":\"2026-10-04T02:17:00Z\"";
        String deployed = base + ",\"alertedAt\":\"2026-10-04T02:29:00Z\",\"fixDeployedAt\":\"2026-10-04T02:59:00Z\"";
        String resolved = deployed + ",\"resolvedAt\":\"2026-10-04T03:09:00Z\"";
        return List.of(
                state("{" + base + "}", Status.ACTIVE),
                state("{" + deployed + "}", Status.DEPLOYED),
                state(
                        "{" + resolved + ",\"followUps\":{\"postmortem\":{\"dueAt\":\"2026-10-06T03:09:00Z\"},"
                                + "\"properFix\":{\"dueAt\":\"2026-10-18T03:09:00Z\"}}}",
                        Status.COMPLETED),
                state(
                        "{" + resolved + ",\"followUps\":{\"postmortem\":{\"done\":true,"
                                + "\"doneAt\":\"2026-10-06T10:00:00Z\"},\"properFix\":{\"done\":true}}}",
                        Status.COMPLETED));
    }

    private static Hotfix state(String json, Status status) {
        return HotfixJson.read(
                Json.parseObject(json), new HotfixJson.Identity(new HotfixId(7), status, 3, T, T, List.of()));
    }

    @Test
    void everyTemplate_readsAsSentences_inEveryStateOfTheRecord() {
        List<String> nextSteps = new ArrayList<>();
        for (Hotfix h : inEachState()) {
            for (MessageKind kind : MessageKind.values()) {
                Map<String, String> values = switch (kind) {
                    case REMINDER -> MessageValues.reminder(h, FollowUpKind.POSTMORTEM, true, "");
                    case SIGN -> MessageValues.sign(new SignAlarm("queue.depth", null, 12, 10, "above"), "");
                    case RISK ->
                        MessageValues.risk(
                                h,
                                new ReminderRepository.ExpiredRisk(
                                        3,
                                        h.id().toString(),
                                        "Pinning off until a rotation-safe check exists",
                                        null,
                                        null,
                                        T.minus(Duration.ofDays(3)).toEpochMilli(),
                                        h.severity()),
                                T,
                                "");
                    default -> MessageValues.of(h, null, "");
                };
                Message m = Templates.builtIn().render(kind, values);
                String all = m.subject() + "\n" + m.text();
                assertThat(all)
                        .as(kind + " for a " + h.status().json() + " hotfix")
                        .doesNotContain("{{", "null", "for done", "for to be", "for not", "on to be", ": \n", "  ")
                        .doesNotContainPattern("(?m): $");
                if (kind == MessageKind.STAKEHOLDER) {
                    m.text().lines().filter(l -> l.startsWith("- ")).limit(2).forEach(nextSteps::add);
                }
            }
        }
        assertThat(nextSteps)
                .containsExactly(
                        "- Post-mortem to be scheduled", "- Permanent fix to be planned",
                        "- Post-mortem to be scheduled", "- Permanent fix to be planned",
                        "- Post-mortem scheduled for 2026-10-06 03:09 UTC",
                                "- Permanent fix planned for 2026-10-18 03:09 UTC",
                        "- Post-mortem held on 2026-10-06 10:00 UTC", "- Permanent fix done (time not recorded)");
    }
}
