package dev.hotfixlog.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.Http;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whole months of metrics are kept in the database (metrics_month) and merged: the answers must be the ones a
 * fresh pass gives, whatever was written, deleted or merely waited for since a month was kept.
 */
public class StoredMonthsTest {
    private static final String Q1 = "/api/v1/metrics?from=2026-01&to=2026-04";

    private static long storedMonths(TestDb db) {
        try (Database d = Database.open(db.url(), "", "", 1)) {
            return storedMonths(d);
        }
    }

    private static long storedMonths(Database d) {
        return d.read(h -> h.createQuery("SELECT COUNT(*) FROM metrics_month")
                .mapTo(Long.class)
                .one());
    }

    @BothDatabases
    void keptMonths_giveTheFreshAnswer_andEveryKindOfChangeIsSeenAtOnce(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            Http api = s.http();
            MetricsTest.history(api);
            String cold = api.get(Q1).json().toString();
            // Q1's three months, and the whole months of the 90 days before it (emergency types compare with
            // them): November and December; October from the 3rd is computed each time, never kept.
            assertThat(storedMonths(db)).isEqualTo(5);
            assertThat(api.get(Q1).json().toString()).as("from kept months").isEqualTo(cold);

            // A new hotfix in February: its month changes, and so do the months its repeats could reach.
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"H7\",\"severity\":\"medium\","
                            + "\"detectedAt\":\"2026-02-16T12:00:00Z\",\"alertedAt\":\"2026-02-16T12:10:00Z\","
                            + "\"category\":\"Data freshness problem\",\"systemsAffected\":[\"etl\"]}");
            JsonNode after = api.get(Q1).json();
            assertThat(after.path("hotfixes").asInt()).isEqualTo(6);
            // H7 repeats H3 (etl, a day earlier)
            assertThat(after.path("teamHealth").path("repeats").asInt()).isEqualTo(4);
            assertThat(after.path("responseTime")
                            .path("medium")
                            .path("detectionToAlert")
                            .path("count")
                            .asInt())
                    .isEqualTo(2);
            // H7 came before H3's improvement (02-20), so that prevention still held.
            assertThat(after.path("learningVelocity").path("preventionsHeld").asInt())
                    .isEqualTo(1);

            // Follow-ups changed: H3's post-mortem ticked late (it was due already, and stays not on time);
            // H1's, on time, unticked: due (its 48 h are long over) and no longer on time. H2 late, H4 on time.
            patch(
                    api,
                    "HOTFIX-003",
                    "{\"followUps\":{\"postmortem\":{\"done\":true," + "\"doneAt\":\"2026-03-01T00:00:00Z\"}}}");
            patch(api, "HOTFIX-001", "{\"followUps\":{\"postmortem\":{\"done\":false}}}");
            JsonNode ticked = api.get(Q1).json();
            assertThat(ticked.path("learningVelocity").path("postmortemsDue").asInt())
                    .isEqualTo(4);
            assertThat(ticked.path("learningVelocity").path("postmortemsOnTime").asInt())
                    .isEqualTo(1);

            // A hotfix moved out of the period.
            patch(
                    api,
                    "HOTFIX-007",
                    "{\"detectedAt\":\"2026-05-16T12:00:00Z\",\"alertedAt\":\"2026-05-16T12:10:00Z\"}");
            assertThat(api.get(Q1).json().path("hotfixes").asInt()).isEqualTo(5);
            assertThat(api.get(Q1).json().path("teamHealth").path("repeats").asInt())
                    .isEqualTo(3);

            // Whatever was kept, the answer is the one a database with nothing kept gives.
            String kept = api.get(Q1).json().toString();
            forgetAll(db);
            assertThat(api.get(Q1).json().toString()).isEqualTo(kept);
        }
    }

    @BothDatabases
    void anImport_forgetsTheKeptMonthsItsNewRecordsMove(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            Http api = s.http();
            MetricsTest.history(api);
            JsonNode before = api.get(Q1).json();
            assertThat(storedMonths(db)).isPositive();

            // Imported rows are written many to a statement; each row's trigger still forgets its months.
            String page = "## Active Hotfixes\n\n### 🚨 [HOTFIX-XXX] H8 imported\n\n"
                    + "**Date/Time:** 2026-02-16 12:00\n**Severity:** 🔵 Medium\n"
                    + "**Category:** Data freshness problem\n**Files/Systems Affected:** etl\n";
            assertThat(api.post("/api/v1/import", page, "Content-Type", "text/markdown")
                            .status())
                    .isEqualTo(200);

            JsonNode after = api.get(Q1).json();
            assertThat(after.path("hotfixes").asInt())
                    .isEqualTo(before.path("hotfixes").asInt() + 1);
            assertThat(after.path("teamHealth").path("repeats").asInt())
                    .isEqualTo(before.path("teamHealth").path("repeats").asInt() + 1); // H8 repeats H3 (etl)
            forgetAll(db);
            assertThat(api.get(Q1).json()).isEqualTo(after);
        }
    }

    @BothDatabases
    void aKeptMonth_expiresWhenTimeAloneChangesIt(TestDb db) {
        MutableClock clock = MutableClock.at("2026-03-10T00:00:00Z");
        try (RunningServer s = new RunningServer(db.config(), clock)) {
            Http api = s.http();
            api.post(
                    "/api/v1/hotfixes",
                    "{\"title\":\"late post-mortem\",\"severity\":\"high\","
                            + "\"detectedAt\":\"2026-02-28T20:00:00Z\"}");
            api.post(
                    "/api/v1/hotfixes/HOTFIX-001/events",
                    "{\"type\":\"resolved\",\"withoutDeploy\":true," + "\"at\":\"2026-03-09T12:00:00Z\"}");
            String february = "/api/v1/metrics?from=2026-02&to=2026-03";
            // Resolved 12 h ago: its post-mortem is not due yet.
            assertThat(api.get(february)
                            .json()
                            .path("learningVelocity")
                            .path("postmortemsDue")
                            .asInt())
                    .isZero();
            assertThat(storedMonths(db)).isPositive();
            clock.advance(Duration.ofHours(37));
            // 49 h after resolution, nothing written since: the kept February has expired.
            JsonNode later = api.get(february).json().path("learningVelocity");
            assertThat(later.path("postmortemsDue").asInt()).isEqualTo(1);
            assertThat(later.path("postmortemsOnTime").asInt()).isZero();
        }
    }

    @BothDatabases
    void aMonthComputedBeforeAWrite_isNotKeptAfterIt(TestDb db) {
        try (Database d = Database.open(db.url(), "", "", 2)) {
            KeptMonthsRepository cache = new KeptMonthsRepository();
            long seen = d.read(cache::version);
            Period january = new Period("2026-01", 1_767_225_600_000L, 1_769_904_000_000L, true);
            // A writer commits between the read that computed January and the attempt to keep it.
            d.write(h -> h.execute("UPDATE metrics_version SET v = v + 1"));
            boolean keptStale = d.write(h -> cache.store(h, "UTC", Map.of(january, Tally.EMPTY), seen, 0));
            assertThat(keptStale).isFalse();
            assertThat(storedMonths(d)).isZero();
            long current = d.read(cache::version);
            boolean kept = d.write(h -> cache.store(h, "UTC", Map.of(january, Tally.EMPTY), current, 0));
            assertThat(kept).isTrue();
            assertThat(storedMonths(d)).isEqualTo(1);
        }
    }

    @Property(tries = 200)
    void aTally_survivesItsBytes(@ForAll("tallies") Tally t) {
        assertThat(Tally.decode(t.encode(), t.validUntil())).isEqualTo(t);
    }

    @Property(tries = 200)
    void mergingHistograms_isOnePassOverTheirDurations(@ForAll("histograms") List<Map<Long, Long>> parts) {
        Map<Long, Long> whole = new HashMap<>();
        parts.forEach(p -> p.forEach((k, v) -> whole.merge(k, v, Long::sum)));
        Histogram merged = parts.stream().map(Histogram::of).reduce(Histogram.EMPTY, Histogram::merge);
        assertThat(merged).isEqualTo(Histogram.of(whole));
        assertThat(DurationStats.of(merged, 300)).isEqualTo(DurationStats.of(Histogram.of(whole), 300));
    }

    @Provide
    Arbitrary<List<Map<Long, Long>>> histograms() {
        return Arbitraries.maps(
                        Arbitraries.longs().between(-100_000, 10_000_000),
                        Arbitraries.longs().between(1, 9))
                .ofMaxSize(30)
                .list()
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<Tally> tallies() {
        Arbitrary<Map<String, Histogram>> bySeverity = Arbitraries.maps(
                Arbitraries.of("critical", "high", "medium"),
                Arbitraries.maps(Arbitraries.longs(), Arbitraries.longs().between(1, Long.MAX_VALUE / 4))
                        .ofMaxSize(20)
                        .map(Histogram::of));
        Arbitrary<Long> n = Arbitraries.longs().between(0, Long.MAX_VALUE / 8);
        Arbitrary<Map<String, Long>> types =
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(40), n).ofMaxSize(5);
        Arbitrary<Map<Integer, Long>> confidence =
                Arbitraries.maps(Arbitraries.integers().between(1, 5), n);
        return Combinators.combine(
                        n,
                        bySeverity,
                        bySeverity,
                        bySeverity,
                        n,
                        types,
                        confidence,
                        Arbitraries.longs().injectNull(0.3))
                .as((count, a, b, c, k, ty, co, valid) ->
                        new Tally(count, a, b, c, k, k / 2, k + 1, k / 3, k / 4, count / 2, co, ty, valid));
    }

    private static void patch(Http api, String id, String json) {
        int v = api.get("/api/v1/hotfixes/" + id).json().path("version").asInt();
        assertThat(api.patch("/api/v1/hotfixes/" + id, json, "If-Match", "\"" + v + "\"")
                        .status())
                .isEqualTo(200);
    }

    private static void forgetAll(TestDb db) {
        try (Database d = Database.open(db.url(), "", "", 1)) {
            d.write(h -> h.execute("DELETE FROM metrics_month"));
        }
    }
}
