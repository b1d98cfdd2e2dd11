package dev.hotfixlog.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * DORA's figures from the log, for the team and per system: deployment frequency (production deploys, and per
 * week), change failure rate (deploys a person confirmed as a hotfix's cause ÷ deploys), time to restore
 * (detection → fix deployed: median and 90th percentile, never a mean), and incoming alerts by outcome with
 * their repeats.
 */
final class DeliveryFigures {
    private static final double WEEK_MILLIS = 7 * 86_400_000.0;
    private final DeliveryRepository repo = new DeliveryRepository();

    Metrics.Delivery compute(Handle h, long from, long to) {
        Map<String, Long> deploys = repo.deploys(h, from, to);
        Map<String, Long> failed = repo.failed(h, from, to);
        Map<String, Map<Long, Long>> restore = repo.restore(h, from, to);
        double weeks = (to - from) / WEEK_MILLIS;
        Map<String, Metrics.Flow> bySystem = new TreeMap<>();
        java.util.Set<String> systems = new java.util.TreeSet<>(deploys.keySet());
        restore.keySet().stream().filter(s -> !s.isEmpty()).forEach(systems::add);
        for (String s : systems) {
            bySystem.put(s, flow(deploys.getOrDefault(s, 0L), failed.getOrDefault(s, 0L),
                    restore.getOrDefault(s, Map.of()), weeks));
        }
        long allDeploys = deploys.values().stream().mapToLong(Long::longValue).sum();
        long allFailed = failed.values().stream().mapToLong(Long::longValue).sum();
        return new Metrics.Delivery(flow(allDeploys, allFailed, restore.get(""), weeks), bySystem,
                repo.incoming(h, from, to), repo.incomingRepeats(h, from, to));
    }

    private static Metrics.Flow flow(long deploys, long failed, Map<Long, Long> restore, double weeks) {
        return new Metrics.Flow(deploys, weeks <= 0 ? null : deploys / weeks, failed,
                deploys == 0 ? null : (double) failed / deploys,
                DurationStats.of(Histogram.of(restore), Targets.TOTAL_SECONDS));
    }
}
