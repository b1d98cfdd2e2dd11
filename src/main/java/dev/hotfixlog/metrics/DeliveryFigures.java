package dev.hotfixlog.metrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * DORA's figures from the log, for the team and per system: deployment frequency (production deploys, and per
 * week), change failure rate (deploys a person confirmed as a hotfix's cause ÷ deploys), time to restore
 * (detection → fix deployed: median and 90th percentile, never a mean), and incoming alerts by outcome with
 * their repeats. Deploys per week are over the weeks the deploys cover: from the first production deploy the log
 * has (the team's, or the system's) or the period's start if later, to now or the period's end if sooner, in
 * whole weeks begun. A log two weeks old asked for twelve months divides by two weeks, not by 52.
 */
final class DeliveryFigures {
    private static final double WEEK_MILLIS = 7 * 86_400_000.0;
    private final DeliveryRepository repo = new DeliveryRepository();

    Metrics.Delivery compute(Handle h, long from, long to, long now) {
        Map<String, Long> deploys = repo.deploys(h, from, to);
        Map<String, Long> failed = repo.failed(h, from, to);
        Map<String, Map<Long, Long>> restore = repo.restore(h, from, to);
        Map<String, Long> first = repo.firstDeploys(h);
        long end = Math.min(to, Math.max(from, now));
        Map<String, Metrics.Flow> bySystem = new TreeMap<>();
        Set<String> systems = new TreeSet<>(deploys.keySet());
        restore.keySet().stream().filter(s -> !s.isEmpty()).forEach(systems::add);
        for (String s : systems) {
            bySystem.put(
                    s,
                    flow(
                            deploys.getOrDefault(s, 0L),
                            failed.getOrDefault(s, 0L),
                            restore.getOrDefault(s, Map.of()),
                            weeks(first.get(s), from, end)));
        }
        long allDeploys = deploys.values().stream().mapToLong(Long::longValue).sum();
        long allFailed = failed.values().stream().mapToLong(Long::longValue).sum();
        Long teamFirst = first.values().stream().min(Long::compare).orElse(null);
        return new Metrics.Delivery(
                flow(allDeploys, allFailed, restore.get(""), weeks(teamFirst, from, end)),
                bySystem,
                repo.incoming(h, from, to),
                repo.incomingRepeats(h, from, to));
    }

    /**
     * The weeks begun between the first deploy (or the period's start, if later) and the end. No deploy before
     * the end: the whole period, so its figure is 0 a week rather than none.
     */
    static double weeks(Long firstDeploy, long from, long end) {
        long start = firstDeploy == null || firstDeploy >= end ? from : Math.max(from, firstDeploy);
        return end <= start ? 0 : Math.ceil((end - start) / WEEK_MILLIS);
    }

    private static Metrics.Flow flow(long deploys, long failed, Map<Long, Long> restore, double weeks) {
        return new Metrics.Flow(
                deploys,
                weeks <= 0 ? null : deploys / weeks,
                failed,
                deploys == 0 ? null : (double) failed / deploys,
                DurationStats.of(Histogram.of(restore), Targets.TOTAL_SECONDS));
    }
}
