package dev.hotfixlog.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.risk.Risk;
import dev.hotfixlog.risk.RiskQuery;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.TestDb;
import dev.hotfixlog.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An accepted risk past its review date is reminded of through the channels that take {@code risk}: exactly once
 * when it expires, then once a week while it stays expired; after a month of downtime, one reminder, not four;
 * accepting it again with a new date arms it anew; a retired risk is never reminded of.
 */
class RiskReminderTest {
    @BothDatabases
    void anExpiredRisk_isRemindedOnce_thenWeekly_neverAFloodAfterDowntime(TestDb db) throws Exception {
        try (NotifyFixture f =
                new NotifyFixture(db, new WebhookReceiver(), "webhook {receiver}/hook events=risk", Map.of())) {
            f.server
                    .app()
                    .hotfixes()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", "Checkout 502")
                                    .put("severity", "critical")
                                    .put("owner", "Priya")
                                    .put("riskAccepted", "Pinning off until a rotation-safe check exists")),
                            "priya");
            Risk r = f.server
                    .app()
                    .risks()
                    .list(new RiskQuery(null, null, null, null, 10))
                    .get(0);
            assertThat(f.worker().scanRisks()).as("not expired yet").isZero();

            f.clock.advance(Duration.ofDays(14).plusHours(1)); // critical: 14 days
            assertThat(f.worker().scanRisks()).as("expired: the first reminder").isEqualTo(1);
            assertThat(f.worker().scanRisks()).as("the same day").isZero();
            f.clock.advance(Duration.ofDays(3));
            assertThat(f.worker().scanRisks()).as("within the week").isZero();
            f.clock.advance(Duration.ofDays(4));
            assertThat(f.worker().scanRisks()).as("a week on").isEqualTo(1);
            f.clock.advance(Duration.ofDays(30)); // the server was down for a month
            assertThat(f.worker().scanRisks())
                    .as("after downtime: one, not four")
                    .isEqualTo(1);
            assertThat(f.worker().scanRisks()).isZero();
            f.worker().drainAll();
            List<WebhookReceiver.Received> sent = f.receiver.accepted();
            assertThat(sent).hasSize(3);
            JsonNode first = Json.mapper().readTree(sent.get(0).body());
            assertThat(first.path("event").asText()).isEqualTo("risk");
            assertThat(first.path("text").asText())
                    .contains(
                            r.key(),
                            "Pinning off until a rotation-safe check exists",
                            "Owner: Priya",
                            "https://hotfix.example.com/risks");

            // Accepted again until next week: quiet until then, then reminded again.
            f.server
                    .app()
                    .risks()
                    .reaccept(r.id(), f.clock.instant().plus(Duration.ofDays(7)), "fix next sprint", "lead");
            assertThat(f.worker().scanRisks()).isZero();
            f.clock.advance(Duration.ofDays(7).plusMinutes(1));
            assertThat(f.worker().scanRisks()).isEqualTo(1);
            // Retired: never again.
            f.server.app().risks().retire(r.id(), "pin check shipped", "lead");
            f.clock.advance(Duration.ofDays(14));
            assertThat(f.worker().scanRisks()).isZero();
        }
    }
}
