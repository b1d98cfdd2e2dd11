package dev.hotfixlog.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The dashboard's figures month by month, and the seed's metrics over the period before, from the months' tallies
 * (kept or fresh) and three small queries a month: hotfixes by severity, production deploys with their confirmed
 * causes, and the time to restore.
 */
final class MonthFigures {
    /** The charts draw at most this many months, the last of the period: a 20-year period's 240 bars are a smear. */
    static final int MAX_MONTHS = 36;

    private final DeliveryRepository delivery = new DeliveryRepository();
    private final MetricsRepository repo = new MetricsRepository();

    List<Metrics.Month> months(Handle h, Map<Period, Tally> tallies) {
        List<Map.Entry<Period, Tally>> all = new ArrayList<>(tallies.entrySet());
        List<Metrics.Month> out = new ArrayList<>();
        for (Map.Entry<Period, Tally> e : all.subList(Math.max(0, all.size() - MAX_MONTHS), all.size())) {
            Period p = e.getKey();
            Tally t = e.getValue();
            long[] deploys = delivery.deploysAndFailed(h, p.from(), p.to());
            out.add(new Metrics.Month(
                    p.name(),
                    p.complete(),
                    t.hotfixes(),
                    repo.bySeverity(h, p.from(), p.to()),
                    LocalMetricsService.responseTimes(t),
                    t.postmortemsDue(),
                    t.postmortemsOnTime(),
                    t.repeats(),
                    deploys[0],
                    deploys[1],
                    DurationStats.of(Histogram.of(delivery.restoreTeam(h, p.from(), p.to())), Targets.TOTAL_SECONDS)));
        }
        return out;
    }

    /** The seed's metrics over the months before the period (as long as it). */
    static Metrics.Before before(Instant from, Map<Period, Tally> previous) {
        Tally t = previous.values().stream().reduce(Tally.EMPTY, Tally::merge);
        Map<Integer, Long> confidence = t.confidence();
        long rated = confidence.values().stream().mapToLong(Long::longValue).sum();
        double sum = confidence.entrySet().stream()
                .mapToDouble(e -> e.getKey() * e.getValue())
                .sum();
        long watched = t.preventionsWatched();
        return new Metrics.Before(
                from,
                t.hotfixes(),
                LocalMetricsService.responseTimes(t),
                t.postmortemsDue() == 0 ? null : (double) t.postmortemsOnTime() / t.postmortemsDue(),
                watched == 0 ? null : (double) (watched - t.preventionsBroken()) / watched,
                t.improvementsDone(),
                t.hotfixes() == 0 ? null : (double) t.repeats() / t.hotfixes(),
                rated == 0 ? null : sum / rated);
    }
}
