package dev.hotfixlog.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.web.HotfixView;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;

/**
 * The risk register kept in step with the records, on both databases: a hotfix's Risk Accepted becomes its risk on
 * declare, edit and import; editing the text changes it, clearing it retires it, setting it again reopens it; the
 * proper-fix follow-up done retires it "by its proper fix"; past its review date (by severity) it reads as expired;
 * retiring needs a reason and re-accepting keeps the earlier acceptance in the history.
 */
class RiskRegisterTest {
    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    private static List<Risk> all(RunningServer s, RiskState standing) {
        return s.app().risks().list(new RiskQuery(standing, null, null, null, 100));
    }

    @BothDatabases
    void riskAccepted_becomesARisk_keptInStepWithTheRecord(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(), clock)) {
            Hotfix h = s.app()
                    .hotfixes()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", "Checkout 502")
                                    .put("severity", "critical")
                                    .put("owner", "Priya")
                                    .put(
                                            "riskAccepted",
                                            "Pinning off until a rotation-safe check exists; token=ghp_abcdefghijklmnopqrstuvwxyz0123456789")
                                    .set(
                                            "systemsAffected",
                                            Json.mapper().createArrayNode().add("payments"))),
                            "priya");
            List<Risk> risks = all(s, null);
            assertThat(risks).hasSize(1);
            Risk r = risks.get(0);
            assertThat(r.fromRecord()).isTrue();
            assertThat(r.hotfixId()).isEqualTo(h.id().toString());
            assertThat(r.statement())
                    .startsWith("Pinning off until a rotation-safe check exists")
                    .doesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
            assertThat(r.owner()).isEqualTo("Priya");
            assertThat(r.acceptedBy()).isEqualTo("priya");
            assertThat(r.systems()).containsExactly("payments");
            assertThat(r.reviewBy()).as("critical: 14 days").isEqualTo(T0.plus(Duration.ofDays(14)));
            assertThat(r.standing(T0)).isEqualTo(RiskState.OPEN);

            // The text edited: the same risk, its statement changed.
            clock.advance(Duration.ofHours(1));
            Hotfix edited = s.app()
                    .hotfixes()
                    .edit(
                            h.id(),
                            h.version(),
                            MergePatch.of(
                                    Json.object().put("riskAccepted", "Pinning off; no load test of the new chain")),
                            "jonas");
            Risk after = s.app().risks().get(r.id());
            assertThat(after.statement()).isEqualTo("Pinning off; no load test of the new chain");
            assertThat(after.reviewBy()).isEqualTo(r.reviewBy());

            // Cleared: retired, with why. Set again: open again, a new review date, both kept in its history.
            clock.advance(Duration.ofHours(1));
            Hotfix cleared = s.app()
                    .hotfixes()
                    .edit(h.id(), edited.version(), MergePatch.of(Json.object().putNull("riskAccepted")), "jonas");
            assertThat(s.app().risks().get(r.id()).state()).isEqualTo(RiskState.RETIRED);
            assertThat(s.app().risks().get(r.id()).retireReason()).contains("cleared on " + h.id());
            assertThat(all(s, null)).isEmpty();
            clock.advance(Duration.ofDays(1));
            Hotfix again = s.app()
                    .hotfixes()
                    .edit(
                            h.id(),
                            cleared.version(),
                            MergePatch.of(Json.object().put("riskAccepted", "Pinning off, again")),
                            "jonas");
            Risk reopened = s.app().risks().get(r.id());
            assertThat(reopened.state()).isEqualTo(RiskState.OPEN);
            assertThat(reopened.reviewBy()).isEqualTo(clock.instant().plus(Duration.ofDays(14)));
            assertThat(s.app().risks().history(r.id()))
                    .extracting(RiskEvent::action)
                    .containsExactly("accepted", "edited", "retired", "reaccepted");

            // The proper fix done retires every risk the hotfix accepted, by its proper fix.
            Risk byHand = s.app()
                    .risks()
                    .add(
                            new NewRisk(
                                    h.id().toString(),
                                    "Retry may double-charge a slow card",
                                    "Tomás",
                                    RiskDecision.MITIGATE,
                                    "idempotency keys on the retry path",
                                    null,
                                    null),
                            "tomas");
            assertThat(byHand.fromRecord()).isFalse();
            assertThat(byHand.owner()).isEqualTo("Tomás");
            assertThat(s.app()
                            .risks()
                            .add(
                                    new NewRisk(
                                            h.id().toString(), "Cache warm-up skipped", null, null, null, null, null),
                                    "tomas")
                            .owner())
                    .as("nobody named: the hotfix's owner")
                    .isEqualTo("Priya");
            assertThat(all(s, null)).hasSize(3);
            clock.advance(Duration.ofDays(2));
            s.app()
                    .hotfixes()
                    .edit(
                            h.id(),
                            again.version(),
                            MergePatch.of(Json.object()
                                    .set(
                                            "followUps",
                                            Json.object()
                                                    .set(
                                                            "properFix",
                                                            Json.object().put("done", true)))),
                            "priya");
            assertThat(all(s, null)).isEmpty();
            List<Risk> retired = all(s, RiskState.RETIRED);
            assertThat(retired).hasSize(3).allSatisfy(x -> {
                assertThat(x.retiredByFix()).isTrue();
                assertThat(x.retireReason()).contains("proper fix");
            });
        }
    }

    @BothDatabases
    void pastItsReviewDate_aRiskIsExpired_andRetiringOrReacceptingIsKeptWithWhy(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(), clock)) {
            s.app()
                    .hotfixes()
                    .create(
                            MergePatch.of(Json.object()
                                    .put("title", "Search stale")
                                    .put("severity", "high")
                                    .put("riskAccepted", "Alias added without a test")),
                            "jonas");
            Risk r = all(s, null).get(0);
            assertThat(r.reviewBy()).as("high: 30 days").isEqualTo(T0.plus(Duration.ofDays(30)));
            assertThat(all(s, RiskState.EXPIRED)).isEmpty();

            clock.advance(Duration.ofDays(30).plusMinutes(1));
            assertThat(all(s, RiskState.EXPIRED)).extracting(Risk::id).containsExactly(r.id());
            assertThat(all(s, RiskState.OPEN)).as("open and not expired").isEmpty();
            JsonNode api = s.http().get("/api/v1/risks?state=expired").json();
            assertThat(api.path("items").get(0).path("standing").asText()).isEqualTo("expired");
            assertThat(api.path("items").get(0).path("id").asText()).isEqualTo(r.key());
            assertThat(s.http().get("/risks").body()).contains("1 accepted risk is past review", r.key());

            assertThatThrownBy(() -> s.app().risks().retire(r.id(), " ", "jonas"))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("reason"));
            Instant newDate = clock.instant().plus(Duration.ofDays(7));
            Risk again = s.app().risks().reaccept(r.id(), newDate, "proper fix lands next sprint", "lead");
            assertThat(again.standing(clock.instant())).isEqualTo(RiskState.OPEN);
            assertThat(again.reviewBy()).isEqualTo(newDate);
            Risk gone = s.app().risks().retire(r.id(), "the alias check shipped", "lead");
            assertThat(gone.state()).isEqualTo(RiskState.RETIRED);
            assertThat(gone.retiredByFix()).isFalse();
            assertThat(s.app().risks().history(r.id()))
                    .extracting(RiskEvent::action, RiskEvent::actor)
                    .containsExactly(
                            Tuple.tuple("accepted", "jonas"),
                            Tuple.tuple("reaccepted", "lead"),
                            Tuple.tuple("retired", "lead"));
            assertThat(s.app().risks().history(r.id()).get(1).detail())
                    .contains("proper fix lands next sprint", HotfixView.time(newDate));
        }
    }

    @BothDatabases
    void anImportedLog_bringsItsAcceptedRisks_acceptedWhenTheirEmergenciesWere(TestDb db) throws Exception {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(), clock);
                var in = getClass().getResourceAsStream("/example-hotfix-log.md")) {
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            s.app().markdown().importLog(page, false, "ana", n -> {});
            List<Risk> risks = all(s, null);
            assertThat(risks)
                    .extracting(Risk::statement)
                    .contains(
                            "Pinning disabled for the provider until a rotation-safe check exists; no load test of the new "
                                    + "chain.",
                            "Alias added without a test in the config pipeline.");
            Risk tls = risks.stream()
                    .filter(r -> r.statement().startsWith("Pinning"))
                    .findFirst()
                    .orElseThrow();
            Hotfix record = s.app().hotfixes().get(HotfixId.parse(tls.hotfixId()));
            assertThat(tls.acceptedAt())
                    .isEqualTo(record.timeline().detectedAt())
                    .isEqualTo(Instant.parse("2026-10-04T02:17:00Z"));
            assertThat(tls.properFix()).contains("Pin to the provider's root");
            assertThat(tls.standing(T0))
                    .as("accepted in October, critical: past review in December")
                    .isEqualTo(RiskState.EXPIRED);
        }
    }
}
