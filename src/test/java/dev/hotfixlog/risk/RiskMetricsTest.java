package dev.hotfixlog.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.metrics.Metrics;
import dev.hotfixlog.metrics.MetricsQuery;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The register's figures, hand-computed on a fixture (days after T0 = 2026-10-01):
 * <pre>
 * A critical, payments          accepted d0, review d14, proper fix done d10 (retired by fix, 10 days old)
 * B high, payments + search     accepted d1, review d31, retired by hand d40 (expired d31 while open; 39 days)
 * C medium, auth                accepted d2, review d92, open (expired d92)
 * </pre>
 * Over d0–d100 (now = d100): open C (98 days: over 90) on auth; retired by fix 1, otherwise 1; expired 2 (B, C);
 * mean age at retirement (10 + 39) / 2 = 24.5 days. Over d0–d35: open B (34 days) and C (33 days), both 30–90 days,
 * on payments, search and auth; retired by fix 1; expired 1 (B); mean age 10. The warning sign counts C.
 */
class RiskMetricsTest {
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    private static Instant day(int d) {
        return T0.plus(Duration.ofDays(d));
    }

    @BothDatabases
    void theRegistersFigures_matchTheHandComputedOnes(TestDb db) {
        MutableClock clock = new MutableClock(T0);
        try (db;
                RunningServer s = new RunningServer(db.config(), clock)) {
            Hotfix a = declare(s, "A", "critical", "Pinning off", "payments");
            clock.set(day(1));
            declare(s, "B", "high", "Alias without a test", "payments", "search");
            clock.set(day(2));
            declare(s, "C", "medium", "Token cache not invalidated", "auth");
            clock.set(day(10));
            s.app()
                    .hotfixes()
                    .edit(
                            a.id(),
                            s.app().hotfixes().get(a.id()).version(),
                            MergePatch.of(Json.object()
                                    .set(
                                            "followUps",
                                            Json.object()
                                                    .set(
                                                            "properFix",
                                                            Json.object().put("done", true)))),
                            "priya");
            clock.set(day(40));
            long b = s.app()
                    .risks()
                    .list(new RiskQuery(null, "search", null, null, 10))
                    .get(0)
                    .id();
            s.app().risks().retire(b, "alias check shipped", "jonas");
            clock.set(day(100));

            Metrics.Risks all = s.app()
                    .metrics()
                    .compute(new MetricsQuery(day(0), day(100), ZoneOffset.UTC))
                    .risks();
            assertThat(all.open()).isEqualTo(1);
            assertThat(all.openByAge())
                    .containsExactly(
                            Map.entry("under 30 days", 0L),
                            Map.entry("30 to 90 days", 0L),
                            Map.entry("over 90 days", 1L));
            assertThat(all.openBySystem()).containsExactly(Map.entry("auth", 1L));
            assertThat(all.retiredByFix()).isEqualTo(1);
            assertThat(all.retiredOtherwise()).isEqualTo(1);
            assertThat(all.expired()).isEqualTo(2);
            assertThat(all.meanDaysToRetire()).isEqualTo(24.5);

            Metrics.Risks early = s.app()
                    .metrics()
                    .compute(new MetricsQuery(day(0), day(35), ZoneOffset.UTC))
                    .risks();
            assertThat(early.open()).isEqualTo(2);
            assertThat(early.openByAge())
                    .containsExactly(
                            Map.entry("under 30 days", 0L),
                            Map.entry("30 to 90 days", 2L),
                            Map.entry("over 90 days", 0L));
            assertThat(early.openBySystem())
                    .containsExactly(Map.entry("auth", 1L), Map.entry("payments", 1L), Map.entry("search", 1L));
            assertThat(early.retiredByFix()).isEqualTo(1);
            assertThat(early.retiredOtherwise()).isZero();
            assertThat(early.expired()).isEqualTo(1);
            assertThat(early.meanDaysToRetire()).isEqualTo(10.0);

            JsonNode sign = null;
            for (JsonNode n : s.http().get("/api/v1/signals").json().path("items")) {
                if (n.path("name").asText().equals("expired-risks")) {
                    sign = n;
                }
            }
            assertThat(sign).isNotNull();
            assertThat(sign.path("value").asDouble()).isEqualTo(1.0);
            assertThat(sign.path("breached").asBoolean()).isTrue();
            assertThat(s.http().get("/").body()).contains("Warning sign: Accepted risks past their review date is 1");
            assertThat(s.http()
                            .get("/api/v1/metrics?from=2026-10-01&to=2027-01-09")
                            .json()
                            .path("risks")
                            .path("retiredByFix")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    private static Hotfix declare(RunningServer s, String title, String severity, String risk, String... systems) {
        var list = Json.mapper().createArrayNode();
        for (String sys : systems) {
            list.add(sys);
        }
        return s.app()
                .hotfixes()
                .create(
                        MergePatch.of(Json.object()
                                .put("title", title)
                                .put("severity", severity)
                                .put("riskAccepted", risk)
                                .set("systemsAffected", list)),
                        "priya");
    }
}
