package dev.hotfixlog.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotfixlog.error.BusyException;
import dev.hotfixlog.store.Database;
import dev.hotfixlog.support.BothDatabases;
import dev.hotfixlog.support.MutableClock;
import dev.hotfixlog.support.RunningServer;
import dev.hotfixlog.support.TestDb;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Metrics whose client has gone stop between months instead of working on for nobody (issue 31), and keep the
 * months they had computed, so the next request goes on from there.
 */
class MetricsCancellationTest {
    private static long keptMonths(TestDb db) {
        try (Database d = Database.open(db.url(), "", "", 1)) {
            return d.read(h -> h.createQuery("SELECT COUNT(*) FROM metrics_month")
                    .mapTo(Long.class)
                    .one());
        }
    }

    @BothDatabases
    void aClientThatHasGone_stopsTheWork_andTheMonthsComputedSoFarAreKept(TestDb db) {
        try (RunningServer s = new RunningServer(db.config(), MutableClock.at("2026-06-01T00:00:00Z"))) {
            MetricsTest.history(s.http());
            MetricsQuery tenYears = new MetricsQuery(
                    Instant.parse("2016-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("UTC"));
            AtomicInteger asked = new AtomicInteger();

            assertThatThrownBy(() -> s.app().metrics().compute(tenYears, () -> asked.incrementAndGet() <= 5))
                    .isInstanceOf(BusyException.class)
                    .hasMessage("the metrics took longer than 20 s, or their client has gone; the 5 months computed "
                            + "so far are kept, so asking again goes on from there");
            assertThat(asked.get())
                    .as("asked once a month, stopped at the first no")
                    .isEqualTo(6);
            assertThat(keptMonths(db)).isEqualTo(5);

            Metrics whole = s.app().metrics().compute(tenYears); // unbounded in time: a loaded machine is slow
            assertThat(whole.hotfixes()).isEqualTo(1); // H6, 2025-12-20
            assertThat(keptMonths(db)).isEqualTo(240);
        }
    }
}
